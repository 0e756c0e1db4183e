/**
 * What codeAutomationLog receives is the workbench's whole log, not only the extension host's
 * console: in test-from-CLI mode VS Code forwards both, unprefixed. These records are the workbench
 * starting up, or failing to reach the internet (open-vsx, GitHub) on this offline machine; they say
 * nothing about the tests, so they are dropped unless NN_TEST_VERBOSE=1.
 */
const workbenchChatter: RegExp[] = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /^Timed out waiting for authentication provider/,
  // A short run (NN_TEST_ONLY) ends while the workbench still looks up accounts: the lookup is cancelled.
  /^\[DefaultAccount\] Attempt \d+ to get sessions failed: Canceled/,
  /^Canceled: Canceled/,
  /ENOTFOUND (open-vsx\.org|github\.com|api\.github\.com|marketplace\.visualstudio\.com)/,
];

export function isWorkbenchChatter(text: string): boolean {
  return workbenchChatter.some((pattern) => pattern.test(text));
}

/** One automation log record as text: the message and its extra arguments, space-joined. */
export function automationLogText(message: unknown): string {
  return Array.isArray(message) ? message.map(String).join(' ') : String(message);
}
