/** A model file whose training diverges: unscaled targets in the hundreds and sgd at learning rate 10 overflow the loss within a few batches. */
export const DIVERGING_MODEL = `name: diverges
seed: 1
data:
  inline:
    x: [[1], [2], [3], [4], [5], [6], [7], [8]]
    y: [[100], [200], [300], [400], [500], [600], [700], [800]]
model:
  - Dense: { units: 4, activation: relu, input_shape: [1] }
  - Dense: { units: 1 }
compile:
  optimizer: { sgd: { learning_rate: 10 } }
  loss: mse
fit:
  epochs: 50
  batch_size: 2
`;
