/** The comparison's tables, from what each run holds: settings side by side, and each metric's final and best. */
import type { CompareMetric, CompareSetting } from '../../shared/compareProtocol';
import type { EpochRecord } from '../runs/runHistory';
import { LOSSES, lookupName } from '../spec/vocabulary';
import type { SettingRow } from './specSettings';

/**
 * One row per key of any run, a value per run (undefined where its file does not set it). Keys keep
 * model-file order: each run's keys go in after the key that comes before them in that run, so a
 * third layer of one run sits after the second layer, not after the backend; then each layer's rows
 * are kept together, since a layer of another type has other options at the same index.
 */
export function compareSettings(perRun: readonly SettingRow[][]): CompareSetting[] {
  const keys: string[] = [];
  for (const rows of perRun) {
    let at = 0;
    for (const [key] of rows) {
      const found = keys.indexOf(key);
      if (found === -1) keys.splice(at++, 0, key);
      else at = found + 1;
    }
  }
  // Stable: only layer rows move, and every run lists its layers before anything else.
  keys.sort((a, b) => (layerIndex(a) === layerIndex(b) ? 0 : layerIndex(a) - layerIndex(b)));
  const maps = perRun.map((rows) => new Map(rows));
  return keys.map((key) => {
    const values = maps.map((m) => m.get(key));
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
}

/**
 * Every metric of any run's history, `loss` first and then in the order they appear, with each run's
 * last-epoch value and best value (null where the run has none, or only non-finite values).
 */
export function compareMetrics(histories: readonly EpochRecord[][]): CompareMetric[] {
  const names = new Set<string>(['loss']);
  for (const history of histories) for (const record of history) for (const name of Object.keys(record.metrics)) names.add(name);
  if (!histories.some((h) => h.some((r) => 'loss' in r.metrics))) names.delete('loss');
  return [...names].map((name) => {
    const lower = lowerIsBetter(name);
    return {
      name,
      lowerIsBetter: lower,
      final: histories.map((h) => finite(h[h.length - 1]?.metrics[name])),
      best: histories.map((h) => bestOf(h, name, lower)),
    };
  });
}

/**
 * Whether lower values of a metric are better: the loss, and every error, for which the rule is the
 * name without its `val_` prefix ending in `loss`, holding `error` (`mean_squared_error`), or being
 * any spelling of a Keras loss (`mse`, `mae`, `binary_crossentropy`, `kld`, …: a loss measures an
 * error, also when compiled as a metric). Everything else (accuracy, precision, recall, r2_score) is
 * better higher.
 */
export function lowerIsBetter(name: string): boolean {
  const base = name.replace(/^val_/, '');
  return base.endsWith('loss') || base.includes('error') || lookupName(LOSSES, base) !== undefined;
}

/** The index of the layer a key belongs to (`layers[2].units` -> 2); after every layer for other keys. */
function layerIndex(key: string): number {
  const match = /^layers\[(\d+)\]/.exec(key);
  return match ? Number(match[1]) : Infinity;
}

function bestOf(history: readonly EpochRecord[], name: string, lower: boolean): number | null {
  let best: number | null = null;
  for (const record of history) {
    const value = finite(record.metrics[name]);
    if (value !== null && (best === null || (lower ? value < best : value > best))) best = value;
  }
  return best;
}

function finite(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
