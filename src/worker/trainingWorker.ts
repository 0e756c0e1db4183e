/**
 * The worker_threads entry (its own bundle, dist/worker.js). TensorFlow.js is loaded here and never in
 * the extension host, so training cannot block the editor. Speaks only the protocol of
 * src/shared/workerProtocol.ts.
 */
import { parentPort } from 'worker_threads';
import { isHostToWorkerMessage, type WorkerError, type WorkerToHostMessage } from '../shared/workerProtocol';
import { ModelFileInvalidError } from '../core/session/modelFileInvalidError';
import { RunInputError } from '../core/session/runInputError';
import { TrainingControl } from '../core/train/trainingControl';
import { runJob } from './runJob';

if (!parentPort) throw new Error('trainingWorker.js runs only as a worker_threads Worker.');
const port = parentPort;
/** Each running job's Stop, and for a train job its pause, resume and step. */
const running = new Map<number, { controller: AbortController; control?: TrainingControl }>();
const post = (message: WorkerToHostMessage) => port.postMessage(message);

port.on('message', (message: unknown) => {
  if (!isHostToWorkerMessage(message)) return;
  if (message.type !== 'start') {
    const job = running.get(message.id);
    if (message.type === 'cancel') job?.controller.abort();
    else job?.control?.[message.type]();
    return;
  }
  const controller = new AbortController();
  const control = message.job.kind === 'train' ? new TrainingControl() : undefined;
  running.set(message.id, { controller, control });
  runJob(message.id, message.job, controller.signal, post, control)
    .then((result) => post({ type: 'done', id: message.id, result }))
    .catch((err: unknown) => post({ type: 'error', id: message.id, error: toWorkerError(err) }))
    .finally(() => running.delete(message.id));
});

function toWorkerError(err: unknown): WorkerError {
  if (err instanceof ModelFileInvalidError) return { kind: 'invalid-model-file', message: err.message, diagnostics: err.diagnostics };
  if (err instanceof RunInputError) return { kind: 'run-input', message: err.message };
  if (err instanceof Error) return { kind: 'internal', message: err.message, stack: err.stack };
  return { kind: 'internal', message: String(err) };
}
