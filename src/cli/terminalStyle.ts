/** How rich the CLI's output to one stream may be. */
export interface TerminalStyle {
  /** ANSI colours and bold. */
  color: boolean;
  /** Extra lines meant for a person, such as the source line under a problem. */
  rich: boolean;
}

/**
 * Rich output on a terminal or with `--color`; plain on pipes, so scripts and editors that read
 * `FILE:LINE:COLUMN: error: ...` lines get nothing else. A non-empty NO_COLOR turns the colours off
 * (no-color.org), though an explicit `--color` still wins, as that convention asks of flags.
 */
export function terminalStyle(stream: { isTTY?: boolean }, colorFlag: boolean, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const rich = colorFlag || Boolean(stream.isTTY);
  const noColor = (env.NO_COLOR ?? '') !== '';
  return { rich, color: colorFlag || (rich && !noColor) };
}

export type Paint = (text: string) => string;

/** The few ANSI styles the CLI uses; each is the identity when colour is off. */
export function painter(color: boolean): Record<'bold' | 'red' | 'yellow' | 'cyan' | 'blue', Paint> {
  const sgr = (open: string): Paint => (color ? (text) => `\x1b[${open}m${text}\x1b[0m` : (text) => text);
  return { bold: sgr('1'), red: sgr('1;31'), yellow: sgr('1;33'), cyan: sgr('1;36'), blue: sgr('1;34') };
}
