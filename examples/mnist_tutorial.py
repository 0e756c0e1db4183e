"""Handwritten digits with a small dense network: the classic first Keras tutorial.

Import it as a model file: click "Import as model file" above `Sequential(` below, or run
`nn-trainer import mnist_tutorial.py`. It trains without Python or TensorFlow installed.
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# 60,000 training and 10,000 test images of 28x28 pixels, labels 0-9.
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

# Pixels from 0-255 to 0-1.
x_train = x_train / 255.0
x_test = x_test / 255.0

model = keras.Sequential([
    layers.Flatten(input_shape=(28, 28)),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(10, activation="softmax"),
])

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()

history = model.fit(x_train, y_train, epochs=5, batch_size=32, validation_split=0.1)

test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=2)
print(f"Test accuracy: {test_accuracy:.4f}")

predictions = model.predict(x_test[:5])
print("Predicted:", np.argmax(predictions, axis=1))
print("Expected: ", y_test[:5])
