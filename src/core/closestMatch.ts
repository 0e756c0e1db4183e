import { distance } from 'fastest-levenshtein';

/** The candidate the user most likely meant, or undefined when nothing is close. */
export function closestMatch(written: string, candidates: readonly string[]): string | undefined {
  const loose = (s: string): string => s.toLowerCase().replace(/[_\-\s]/g, '');
  const same = candidates.find((c) => loose(c) === loose(written));
  if (same !== undefined) return same;
  // About one edit per three characters, and two from five on so a swap counts (`modle` -> `model`),
  // but nothing for one- or two-letter words (`x` is not a typo of `y`).
  const allowed = written.length <= 2 ? 0 : written.length <= 4 ? 1 : Math.max(2, Math.floor(written.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(written.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
