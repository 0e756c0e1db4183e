/** Bad command-line usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: nn-trainer <command> [options]

Commands:
  validate FILE...           check model files; prints FILE:LINE:COLUMN: error: ... lines
      --color                colours and source excerpts even when stderr is not a terminal
  summary FILE               print a Keras-style model summary (layers, output shapes, params)
  train FILE [options]       train, evaluate and predict as the file says; writes a run folder
      --epochs N             override fit.epochs
      --seed N               override the file's seed
      --backend NAME         auto (default), node, wasm or cpu
      --out DIR              runs folder (default: .nn-runs beside the model file)
      --json                 print one JSON object with the results on stdout
      --verbose              also print why the backend was chosen
  predict RUN_DIR|RUNS_DIR|FILE [options]
                             predict with a trained run (a model file or runs folder: its
                             latest completed run); prints input -> label (confidence) lines
      --input JSON           samples to predict, e.g. '[[0,1],[1,1]]' (default: the file's predict:)
      --backend NAME         auto (default), node, wasm or cpu
      --json                 print one JSON object: runDir and predictions
  export FILE [options]      write the model file as a TensorFlow 2 Keras script
      --out SCRIPT.py        where (default: the model file's name with .py, beside it)
      --force                overwrite an existing script
  import SCRIPT.py [options] a Keras script (or model JSON) as a model file; prints what was
                             not translated as SCRIPT.py:LINE:COLUMN: warning: ... lines
      --out FILE             the model file to write (default: SCRIPT.nn.yaml beside the script)
      --force                overwrite FILE if it exists
  help                       show this text

Exit codes: 0 success, 1 invalid model file or failed run, 2 bad usage, 130 stopped with Ctrl-C.`;
