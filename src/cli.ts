import { setFlagsFromString } from 'v8';
import { formatDiagnostic } from './core/diagnostics';
import { BackendUnavailableError } from './core/backend/selectBackend';
import { ModelFileInvalidError } from './core/session/modelFileInvalidError';
import { RunInputError } from './core/session/runInputError';
import { USAGE, UsageError } from './cli/usage';
import { writeLine, type CliIo } from './cli/io';
import { validateCommand } from './cli/commands/validateCommand';
import { summaryCommand } from './cli/commands/summaryCommand';
import { trainCommand } from './cli/commands/trainCommand';
import { predictCommand } from './cli/commands/predictCommand';
import { importCommand } from './cli/commands/importCommand';
import { exportCommand } from './cli/commands/exportCommand';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate: validateCommand,
  summary: summaryCommand,
  train: trainCommand,
  predict: predictCommand,
  import: importCommand,
  export: exportCommand,
};

/** Runs one CLI invocation and returns its exit code; users never see a stack trace. */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    writeLine(name === undefined ? io.stderr : io.stdout, USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  const wantsJson = args.includes('--json');
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, io);
  } catch (err) {
    return reportError(err, io, wantsJson);
  }
}

function reportError(err: unknown, io: CliIo, wantsJson: boolean): number {
  // `--json` promises exactly one JSON object on stdout, failures included.
  const json = (value: object) => wantsJson && writeLine(io.stdout, JSON.stringify(value));
  if (err instanceof ModelFileInvalidError) {
    for (const d of err.diagnostics) writeLine(io.stderr, formatDiagnostic(d));
    json({ status: 'invalid', diagnostics: err.diagnostics });
    return 1;
  }
  if (isUsageError(err)) {
    writeLine(io.stderr, `nn-trainer: ${err.message}\n\n${USAGE}`);
    json({ status: 'usage', error: err.message });
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  const known = err instanceof BackendUnavailableError || err instanceof RunInputError;
  writeLine(io.stderr, `nn-trainer: ${known ? '' : 'the run failed: '}${message}`);
  if (!known && process.env.NN_TRAINER_DEBUG && err instanceof Error) writeLine(io.stderr, err.stack);
  json({ status: 'failed', error: message });
  return 1;
}

/** parseArgs' own errors (unknown option, missing value) are usage errors too. */
function isUsageError(err: unknown): err is Error {
  if (err instanceof UsageError) return true;
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

if (require.main === module) {
  // Training allocates about 70 MB/s of short-lived tfjs bookkeeping (a Tensor, its info and tape
  // entries for every op of every step), for which V8 grows the young generation from 2 x 1 MB to
  // 2 x 16 MB: 28 MB of the MNIST run's peak of 245 MB (issue 13). Held at its first size it is
  // collected 680 instead of 120 times an MNIST epoch, 0.5 instead of 1.2 ms each: about 0.2 s of a
  // 10 s epoch, within the noise of the run's time. A flag set after startup only counts where V8
  // reads it anew, as this one each time it would grow; --max-semi-space-size would do nothing here.
  // Not for the extension: its worker shares the extension host's process, and with it V8's flags.
  setFlagsFromString('--semi-space-growth-factor=1');
  // `nn-trainer predict FILE | head` closes stdout before the output ends: stop quietly, as Unix
  // tools do, instead of Node's EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`nn-trainer: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
