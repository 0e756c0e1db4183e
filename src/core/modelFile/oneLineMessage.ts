/**
 * Every problem prints as one `FILE:LINE:COLUMN: error: MESSAGE` line, in a terminal and in the
 * Problems panel. Messages quote what the user wrote, and a file can hold anything: a line break
 * in a quoted key, a NUL, a BOM, a bare CR that sends the cursor back over the line, an ESC that
 * starts a terminal escape sequence. These helpers make such text visible instead of acted upon.
 */

/**
 * Characters that a terminal or an editor would act upon instead of showing: the C0 and C1
 * controls (tab, line feed and CR included), DEL, the BOM, the Unicode line and paragraph
 * separators, the bidirectional overrides that reorder what follows, and lone surrogates, which
 * no encoding can write.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `U+0000`: how an invisible character is written in messages. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with each invisible character written as `U+XXXX`. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, codePointName);
}

/**
 * Text the user wrote, as a message quotes it: line breaks and tabs as `\n`, `\r`, `\t` (how the
 * user would type them in a quoted YAML or JSON string), other invisible characters as `U+XXXX`.
 */
export function userText(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(INVISIBLE, codePointName);
}

/** Text the user wrote, in backquotes: `` `relux` ``. */
export function quoted(text: string): string {
  return `\`${userText(text)}\``;
}

/**
 * A message on one line: line breaks (with the spaces around them) become `; `, or a space after
 * punctuation, and every other invisible character is escaped. The last line of defence, applied to
 * every diagnostic; messages are meant to be written as one line in the first place.
 */
export function oneLine(message: string): string {
  return escapeInvisible(
    message
      .trim()
      .replace(/([.:;,!?])?[ \t]*(?:\r\n|[\r\n\u2028\u2029])\s*/g, (_all, punctuation: string | undefined) => (punctuation ? `${punctuation} ` : '; ')),
  );
}

/** Any object with a message, with that message on one line. */
export function withOneLineMessage<T extends { message: string }>(item: T): T {
  const message = oneLine(item.message);
  return message === item.message ? item : { ...item, message };
}
