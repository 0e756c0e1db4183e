/**
 * How a made prediction joins a run's list, part of the panel protocol: the host keeps the list (so it
 * survives a tab switch and a reload) and the page mirrors it with this same function.
 */
import { MAX_MADE_PREDICTIONS, type MadePrediction } from './panelProtocol';

/** The newest first; a `Try it` answer replaces the `Try it` answer just before it (one per keystroke would bury the rest). */
export function withMade(made: readonly MadePrediction[] | undefined, next: MadePrediction): MadePrediction[] {
  const rest = made ?? [];
  const kept = next.source === 'tryIt' && rest[0]?.source === 'tryIt' ? rest.slice(1) : rest;
  return [next, ...kept].slice(0, MAX_MADE_PREDICTIONS);
}
