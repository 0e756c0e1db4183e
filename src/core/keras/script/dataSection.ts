import type { DataValue, Value } from './values';

/** Where scikit-learn's breast cancer data is shipped, as a CSV whose label column is `diagnosis`. */
export const BREAST_CANCER_CSV = 'breast-cancer.csv';

/** A placeholder for data the script never defines (seed 001's `train_x`). */
export const PLACEHOLDER_CSV = 'your-data.csv';

export interface DataSection {
  data: Record<string, unknown>;
  /** A comment for the `csv:` line (the placeholder's). */
  csvComment?: string;
  /** A header line about the data (what to do with a placeholder or a shipped CSV). */
  note?: string;
  /** What of the data could not be kept, located in the script. */
  warning?: { from: number; message: string };
}

function dataOf(value: Value | undefined): DataValue | undefined {
  return value?.kind === 'data' ? value.data : undefined;
}

/** The name of a value the script uses but never defines, as `fit(train_x, ...)` has it. */
function undefinedName(value: Value | undefined): string | undefined {
  if (value?.kind === 'data' && value.data.origin.kind === 'undefined') return value.data.origin.name;
  if (value?.kind === 'qualified' && /^[a-z_]\w*$/i.test(value.path)) return value.path;
  return undefined;
}

/** The model file's `data` section from what `fit(x, y)` was given; `csvHeader` reads a CSV's column names. */
export function dataSection(xValue: Value | undefined, yValue: Value | undefined, scriptName: string, csvHeader?: (csv: string) => string[] | undefined): DataSection {
  const x = dataOf(xValue);
  const y = dataOf(yValue);
  const origin = x?.origin ?? y?.origin;
  if (!x || !origin || origin.kind === 'undefined') {
    const name = undefinedName(xValue);
    const what = name ? `${name} is not defined in ${scriptName}` : xValue === undefined ? `${scriptName} never calls fit` : `the training data of fit is not read from ${scriptName}`;
    return {
      data: { csv: PLACEHOLDER_CSV },
      csvComment: `${what}: point this at your CSV`,
      note: `${what}: data.csv is a placeholder; point it at your CSV (label: the label column, default the last)`,
    };
  }
  const data: Record<string, unknown> = {};
  let note: string | undefined;
  let csvComment: string | undefined;
  switch (origin.kind) {
    case 'builtin':
      if (origin.name === 'breast_cancer') {
        data.csv = BREAST_CANCER_CSV;
        data.label = 'diagnosis';
        note = `load_breast_cancer(): the same data ships as examples/${BREAST_CANCER_CSV}; the import copies it beside this file when none is there`;
      } else data.dataset = origin.name;
      break;
    case 'csv':
      data.csv = origin.path;
      if (/^https?:\/\//i.test(origin.path)) {
        // The trainer reads local files: the CSV a tutorial downloads is expected beside the model file.
        data.csv = decodeURIComponent(origin.path.replace(/[?#].*$/, '').split('/').pop() || 'data.csv');
        csvComment = `download ${origin.path} here`;
        note = `The script reads its CSV from ${origin.path}: download it beside this file as ${String(data.csv)}`;
      }
      if (y?.label !== undefined) data.label = y.label;
      if (Array.isArray(x.features) || typeof x.features === 'string') data.features = x.features;
      else if (x.features && 'drop' in x.features) {
        const others = x.features.drop.filter((c) => c !== y?.label);
        if (y?.label === undefined && x.features.drop.length === 1) data.label = x.features.drop[0];
        else if (others.length > 0) {
          // `df.drop(['id', 'y'], axis=1)`: the features are the header's other columns, when the CSV is there to read.
          const header = csvHeader?.(origin.path);
          const dropped = x.features.drop;
          if (header) data.features = header.filter((c) => !dropped.includes(c) && c !== y?.label);
          else note = `columns ${others.join(', ')} are dropped in the script: list the features to keep them out (features: [...])`;
        }
      }
      // `iloc[:, :-1]` and `iloc[:, -1]` are the format's defaults: the last column is the label.
      if (data.label === -1 && (data.features === ':-1' || data.features === undefined)) {
        delete data.label;
        delete data.features;
      }
      break;
    case 'inline':
      data.inline = { x: origin.value, ...(y && y.origin.kind === 'inline' ? { y: y.origin.value } : {}) };
      break;
  }
  // The built-ins keep their own test split (the format says so), so a train_test_split of them is theirs.
  const keepsOwnSplit = origin.kind === 'builtin' && origin.name !== 'breast_cancer';
  if (x.testSplit !== undefined && !keepsOwnSplit) data.test_split = x.testSplit;
  if (x.count !== undefined && x.split !== 'test') data.limit = x.count;
  let warning: DataSection['warning'];
  if (x.testSplit !== undefined && keepsOwnSplit && Math.abs(x.testSplit - 0.2) > 1e-9) {
    warning = { from: x.from, message: `not translated: test_size=${x.testSplit} of train_test_split: the built-in ${origin.kind === 'builtin' ? origin.name : ''} keeps its own 80/20 split` };
  }
  if (x.scale !== undefined) data.scale = x.scale;
  if (x.normalize) data.normalize = x.normalize;
  if (y?.oneHot) data.one_hot = true;
  if (x.reshape) data.reshape = x.reshape;
  return { data, note, warning, csvComment };
}

const DATA_KEY_ORDER = ['inline', 'dataset', 'csv', 'label', 'features', 'test_split', 'limit', 'scale', 'normalize', 'one_hot', 'reshape'];

/** The data keys in the order the README's tables give them (the source first, then the preparation). */
export function orderedData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of DATA_KEY_ORDER) if (data[key] !== undefined) out[key] = data[key];
  for (const key of Object.keys(data)) if (!(key in out)) out[key] = data[key];
  return out;
}
