/**
 * The keys under which tfjs' fit callbacks report each of `metricsNames` on the training data. tfjs
 * renames duplicates (two metrics of the file may share one tfjs function, e.g. `accuracy` and
 * `binary_accuracy`) to `name_0`, `name_1`, … there, while metricsNames keeps them as they are (and
 * so do the `val_` keys); this mirrors that renaming.
 */
export function metricLogKeys(metricsNames: readonly string[]): string[] {
  return metricsNames.map((name, i) => {
    const total = metricsNames.filter((n) => n === name).length;
    return total > 1 ? `${name}_${metricsNames.slice(0, i).filter((n) => n === name).length}` : name;
  });
}
