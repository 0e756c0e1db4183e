import type * as vscode from 'vscode';

/** How much of a dropped message the log shows: enough to recognise it, never a whole data set. */
const PREVIEW_CHARS = 200;
/** At most this many lines are kept for tests. */
const KEPT = 50;

let log: Pick<vscode.LogOutputChannel, 'warn'> | undefined;
const recent: string[] = [];

/**
 * Sends the lines of ignoreMessage() to the extension's log from now on. Module-wide rather than
 * passed in: every webview and worker handler reports through it, and a handler must be able to
 * report even where no log was handed to its owner.
 */
export function logIgnoredMessagesTo(channel: Pick<vscode.LogOutputChannel, 'warn'>): vscode.Disposable {
  log = channel;
  return { dispose: () => void (log === channel && (log = undefined)) };
}

/**
 * A message from a webview page or a worker that failed its protocol's guard: it is dropped and
 * logged. Never throws, whatever `message` is (cyclic, a BigInt, a getter that throws).
 */
export function ignoreMessage(from: string, message: unknown): void {
  const line = `Ignored a malformed message from ${from}: ${preview(message)}`;
  recent.push(line);
  if (recent.length > KEPT) recent.shift();
  try {
    log?.warn(line);
  } catch {
    // A log that is already disposed: the line is kept in `recent` all the same.
  }
}

/** The lines logged since activation, oldest first (tests read them through the extension's API). */
export function ignoredMessages(): readonly string[] {
  return [...recent];
}

function preview(message: unknown): string {
  let text: string;
  try {
    text = message === undefined ? 'undefined' : (JSON.stringify(message) ?? String(message));
  } catch {
    try {
      text = String(message);
    } catch {
      text = `(a ${typeof message} that cannot be shown)`;
    }
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}… (${text.length} characters)` : text;
}
