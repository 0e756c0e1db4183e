/** Pieces shared by the error messages: how to name a value, a place, and a likely intended name. */
import { closestMatch } from '../closestMatch';
import type { SpecPath } from '../diagnostics';
import { acceptedSpellings, kerasNames, lookupName, type Vocabulary } from '../spec/vocabulary';
import { quoted, userText } from './oneLineMessage';

/** How a value the user wrote reads in "got ...": `0`, `"abc"`, `a list of 3 items`. */
export function describeGot(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  }
  return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
}

/** How a place is named in messages: `epochs`, `x[2]`, `model[0]`, or the file itself. */
export function placeName(path: SpecPath): string {
  let last = path.length - 1;
  while (last >= 0 && typeof path[last] === 'number') last--;
  if (last < 0) return 'the model file';
  return `${userText(String(path[last]))}${path.slice(last + 1).map((i) => `[${String(i)}]`).join('')}`;
}

/** ` Did you mean \`x\`?` or nothing. */
export function didYouMean(written: string, candidates: readonly string[]): string {
  const match = closestMatch(written, candidates);
  return match === undefined || match === written ? '' : ` Did you mean \`${match}\`?`;
}

/** ` Valid values are: a, b, c.` */
export function validList(names: readonly string[], what = 'values'): string {
  return ` Valid ${what} are: ${names.join(', ')}.`;
}

/** "an activation", "a loss": the article a noun needs. */
export function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** "`relux` is not a valid activation. Did you mean `relu`? Valid values are: ..." */
export function invalidNameMessage(vocabulary: Vocabulary, written: unknown, place: string): string {
  const valid = validList(kerasNames(vocabulary.values));
  if (typeof written !== 'string') {
    return `expected ${withArticle(vocabulary.noun)} name for ${place}, got ${describeGot(written)}.${valid}`;
  }
  let match = closestMatch(written, acceptedSpellings(vocabulary.values));
  // Suggest the Keras spelling rather than its tfjs twin (`hard_sigmoid`, not `hardSigmoid`).
  const entry = match === undefined ? undefined : lookupName(vocabulary.values, match);
  if (entry && match === entry.tfjs) match = entry.keras;
  const hint = match === undefined || match === written ? '' : ` Did you mean \`${match}\`?`;
  return `${quoted(written)} is not a valid ${vocabulary.noun}.${hint}${valid}`;
}

/** A list of names in backquotes: "`a`, `b` and `c`". */
export function quotedList(names: readonly string[], conjunction = 'and'): string {
  const all = names.map(quoted);
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} ${conjunction} ${all[all.length - 1]}`;
}
