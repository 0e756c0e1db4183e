import { closestMatch } from '../closestMatch';
import { SpecError, type SpecPath } from '../diagnostics';

/** Which columns of a CSV file are the label and the features. */
export interface CsvColumnChoice {
  label: number;
  features: number[];
}

/**
 * Resolves the `label` and `features` references of the model file to column indices. Names need
 * the header; indices are 0-based and may count from the end (-1 = last column), as in pandas.
 */
export function chooseColumns(
  label: string | number | undefined,
  features: Array<string | number> | undefined,
  header: string[] | undefined,
  columnCount: number,
  fileName: string,
): CsvColumnChoice {
  const resolve = (ref: string | number, at: SpecPath): number =>
    resolveColumn(ref, at, header, columnCount, fileName);
  const labelIndex = label === undefined ? columnCount - 1 : resolve(label, ['data', 'label']);
  let featureIndices: number[];
  if (features === undefined) {
    featureIndices = [];
    for (let c = 0; c < columnCount; c++) if (c !== labelIndex) featureIndices.push(c);
  } else {
    featureIndices = features.map((ref, i) => {
      const c = resolve(ref, ['data', 'features', i]);
      if (c === labelIndex) {
        throw new SpecError(['data', 'features', i], `${columnName(c, header)} is the label column; it cannot also be a feature`);
      }
      return c;
    });
  }
  if (featureIndices.length === 0) {
    throw new SpecError(
      features === undefined ? ['data', 'csv'] : ['data', 'features'],
      `${fileName} has no feature columns: it needs at least one column besides the label`,
    );
  }
  return { label: labelIndex, features: featureIndices };
}

/** `column 'species'` with a header, `column 4` without. */
export function columnName(index: number, header: string[] | undefined): string {
  return header ? `column '${header[index]}'` : `column ${index}`;
}

function resolveColumn(
  ref: string | number,
  at: SpecPath,
  header: string[] | undefined,
  columnCount: number,
  fileName: string,
): number {
  if (typeof ref === 'number') {
    if (!Number.isInteger(ref) || ref >= columnCount || ref < -columnCount) {
      throw new SpecError(
        at,
        `column index ${ref} is out of range: ${fileName} has ${columnCount} columns (0..${columnCount - 1})` +
          (header ? `: ${header.join(', ')}` : ''),
      );
    }
    return ref < 0 ? columnCount + ref : ref;
  }
  if (!header) {
    throw new SpecError(
      at,
      `column '${ref}' is given by name, but ${fileName} has no header row (its first row is all numbers); ` +
        `use a 0-based column index (0..${columnCount - 1})`,
    );
  }
  const exact = header.indexOf(ref);
  if (exact >= 0) return exact;
  // Forgive case and stray spaces, but only when that still picks exactly one column.
  const loose = header.flatMap((h, i) => (h.trim().toLowerCase() === ref.trim().toLowerCase() ? [i] : []));
  if (loose.length === 1) return loose[0];
  const guess = closestMatch(ref, header);
  const hint = guess === undefined ? '' : ` Did you mean '${guess}'?`;
  throw new SpecError(at, `${fileName} has no column '${ref}'.${hint} Columns: ${header.join(', ')}`);
}
