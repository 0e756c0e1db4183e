/**
 * The rules the JSON Schema cannot express: relations between fields. They run on the raw
 * document even when the schema found problems elsewhere, so every mistake is reported at once;
 * each check skips what is malformed (the schema errors already cover that).
 */
import type { SpecPath } from '../diagnostics';
import { METRICS, OPTION_KEY_ALIASES, layerTypeOf, lookupName, tfjsKey } from '../spec/vocabulary';
import { didYouMean, validList } from './messageParts';
import { quoted } from './oneLineMessage';
import { CODES, type Problem } from './problem';
import { isRawMap, keyOf, mapOf, valueOf, type RawMap } from './rawValues';

/** Every cross-field problem of the document. */
export function crossCheck(root: unknown): Problem[] {
  if (!isRawMap(root)) return [];
  return [
    ...sameKeyTwice(root, []),
    ...dataChecks(root),
    ...layerChecks(root),
    ...metricChecks(root),
    ...earlyStoppingChecks(root),
  ];
}

/** `batch_size` and `batchSize` in one map are the same option written twice. */
function sameKeyTwice(node: unknown, path: SpecPath): Problem[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => (typeof item === 'object' ? sameKeyTwice(item, [...path, i]) : []));
  if (!isRawMap(node)) return [];
  const problems: Problem[] = [];
  const firstSpelling = new Map<string, string>();
  for (const key of Object.keys(node)) {
    const canonical = tfjsKey(OPTION_KEY_ALIASES[key] ?? key);
    const first = firstSpelling.get(canonical);
    if (first === undefined) firstSpelling.set(canonical, key);
    else {
      problems.push({
        path: [...path, key],
        at: 'key',
        message: `\`${key}\` is the same option as \`${first}\`: keep only one of them`,
        code: CODES.duplicateKey,
      });
    }
    problems.push(...sameKeyTwice(node[key], [...path, key]));
  }
  return problems;
}

function dataChecks(root: RawMap): Problem[] {
  const data = mapOf(root, 'data');
  const problems: Problem[] = [];
  const testSplitKey = keyOf(data, 'test_split');
  const dataset = data.dataset;
  if (testSplitKey !== undefined && dataset !== undefined) {
    const which = typeof dataset === 'string' ? quoted(dataset) : 'a built-in dataset';
    problems.push({
      path: ['data', testSplitKey],
      at: 'key',
      message: `\`${testSplitKey}\` cannot be used with \`dataset\`: ${which} keeps its own train/test split. Remove it (use \`limit\` for a quicker run)`,
      code: CODES.misplacedKey,
    });
  }
  const inline = mapOf(data, 'inline');
  if (Array.isArray(inline.x) && Array.isArray(inline.y) && inline.x.length !== inline.y.length) {
    problems.push({
      path: ['data', 'inline', 'y'],
      at: 'value',
      message: `y has ${inline.y.length} labels but x has ${inline.x.length} samples: give exactly one label per sample`,
      code: CODES.shapeMismatch,
    });
  }
  return problems;
}

function layerChecks(root: RawMap): Problem[] {
  const model = valueOf(root, 'model');
  if (!Array.isArray(model)) return [];
  const problems: Problem[] = [];
  model.forEach((item: unknown, index) => {
    if (!isRawMap(item) || Object.keys(item).length !== 1) return;
    const layerKey = Object.keys(item)[0];
    const type = layerTypeOf(layerKey);
    const config = item[layerKey];
    if (!type || !isRawMap(config)) return;
    const at = (key: string): SpecPath => ['model', index, layerKey, key];
    // Embedding's input_dim is its vocabulary size, not an input shape.
    const shapeKeys = type === 'Embedding' ? ['input_shape'] : ['input_shape', 'input_dim'];
    const written = shapeKeys.map((k) => keyOf(config, k)).filter((k): k is string => k !== undefined);
    if (index > 0) {
      for (const key of written) {
        problems.push({
          path: at(key),
          at: 'key',
          message: `\`${key}\` is only meaningful on the first layer: layer ${index} (${layerKey}) takes its input shape from the layer before it. Remove it`,
          code: CODES.misplacedKey,
        });
      }
    } else if (written.length === 2) {
      problems.push({
        path: at(written[1]),
        at: 'key',
        message: `give either \`${written[0]}\` or \`${written[1]}\`, not both (\`input_dim: n\` means \`input_shape: [n]\`)`,
        code: CODES.conflictingKeys,
      });
    }
    if (type === 'Reshape') problems.push(...targetShapeChecks(config, at));
  });
  return problems;
}

/** Reshape's target_shape: positive sizes, and at most one -1 to infer. */
function targetShapeChecks(config: RawMap, at: (key: string) => SpecPath): Problem[] {
  const key = keyOf(config, 'target_shape');
  const shape = key === undefined ? undefined : config[key];
  if (key === undefined || !Array.isArray(shape)) return [];
  const problems: Problem[] = [];
  let inferred = -1;
  shape.forEach((size: unknown, i) => {
    if (size === 0) {
      problems.push({ path: [...at(key), i], at: 'value', message: `expected a positive integer or -1 for ${key}[${i}], got 0`, code: CODES.invalidValue });
    } else if (size === -1) {
      if (inferred >= 0) {
        problems.push({
          path: [...at(key), i],
          at: 'value',
          message: `${key} may contain -1 only once (${key}[${inferred}] is already inferred)`,
          code: CODES.invalidValue,
        });
      } else inferred = i;
    }
  });
  return problems;
}

function metricChecks(root: RawMap): Problem[] {
  const metrics = valueOf(mapOf(root, 'compile'), 'metrics');
  if (!Array.isArray(metrics)) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, { written: string; index: number }>();
  metrics.forEach((written: unknown, index) => {
    if (typeof written !== 'string') return;
    const metric = lookupName(METRICS, written);
    if (!metric) return;
    const earlier = seen.get(metric.keras);
    if (!earlier) {
      seen.set(metric.keras, { written, index });
      return;
    }
    const message =
      earlier.written === written
        ? `\`${written}\` is listed twice in metrics`
        : `\`${written}\` is the same metric as \`${earlier.written}\` (metrics[${earlier.index}]): list each metric once`;
    problems.push({ path: ['compile', 'metrics', index], at: 'value', message, code: CODES.duplicateValue });
  });
  return problems;
}

/** early_stopping's monitor must be a value the training actually reports. */
function earlyStoppingChecks(root: RawMap): Problem[] {
  const fit = mapOf(root, 'fit');
  const earlyKey = keyOf(fit, 'early_stopping');
  const early = earlyKey === undefined ? undefined : fit[earlyKey];
  if (earlyKey === undefined || !isRawMap(early)) return [];
  const monitor = early.monitor;
  if (typeof monitor !== 'string' || monitor === '') return [];
  const metrics = valueOf(mapOf(root, 'compile'), 'metrics');
  const reported = ['loss', ...(Array.isArray(metrics) ? metrics.filter((m): m is string => typeof m === 'string') : [])];
  const hasValidation = valueOf(fit, 'validation_split') !== undefined;
  const valid = hasValidation ? [...reported, ...reported.map((r) => `val_${r}`)] : reported;
  if (valid.includes(monitor)) return [];
  const path = ['fit', earlyKey, 'monitor'];
  if (!hasValidation && monitor.startsWith('val_') && reported.includes(monitor.slice(4))) {
    return [
      {
        path,
        at: 'value',
        message: `${quoted(monitor)} is measured on validation data: add \`validation_split\` to fit (e.g. \`validation_split: 0.2\`), or monitor \`${monitor.slice(4)}\``,
        code: CODES.invalidValue,
      },
    ];
  }
  const hint = didYouMean(monitor, valid) || (hasValidation ? '' : ' (`val_` values need `validation_split` in fit.)');
  return [
    {
      path,
      at: 'value',
      message: `${quoted(monitor)} is not a valid monitor: it must be a value the training reports.${hint}${validList(valid)}`,
      code: CODES.invalidValue,
    },
  ];
}
