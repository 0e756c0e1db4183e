import { closestMatch } from '../closestMatch';
import { SpecError, type SpecPath } from '../diagnostics';
import { SLICE_FORMS, looksLikeSlice, parseColumnSlice, sliceColumns } from './columnSlice';

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
  features: string | Array<string | number> | undefined,
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
    // One string (`features: "0:8"`) is located at `features` itself, a list's items at their index.
    const refs = typeof features === 'string' ? [features] : features;
    const at = (i: number): SpecPath => (typeof features === 'string' ? ['data', 'features'] : ['data', 'features', i]);
    const chosenBy = new Map<number, number>();
    featureIndices = refs.flatMap((ref, i) => {
      const isRange = typeof ref === 'string' && isRangeRef(ref, header);
      const columns = isRange ? resolveSlice(ref, at(i), header, columnCount, fileName) : [resolve(ref, at(i))];
      for (const c of columns) {
        if (c === labelIndex) {
          const why = isRange ? `the range ${quotedRef(ref)} includes ${columnName(c, header)}, the label column; a feature cannot also be the label: ${rangeWithout(c, columns)}` : `${columnName(c, header)} is the label column; it cannot also be a feature`;
          throw new SpecError(at(i), why);
        }
        const earlier = chosenBy.get(c);
        if (earlier !== undefined) {
          throw new SpecError(at(i), `${columnName(c, header)} is chosen twice (also by ${quotedRef(refs[earlier])}): list each feature column once`);
        }
        chosenBy.set(c, i);
      }
      return columns;
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

/** A string reference is a range when it has a colon and is not the name of a column. */
function isRangeRef(ref: string, header: string[] | undefined): boolean {
  return looksLikeSlice(ref) && !(header ?? []).includes(ref);
}

function quotedRef(ref: string | number): string {
  return typeof ref === 'number' ? `${ref}` : `\`${ref}\``;
}

/** Advice for a range that takes in the label: the part before the label, else the part after it. */
function rangeWithout(labelColumn: number, columns: readonly number[]): string {
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (labelColumn > first) return `end the range before it, \`"${first}:${labelColumn}"\``;
  if (labelColumn < last) return `start the range after it, \`"${labelColumn + 1}:${last + 1}"\``;
  return 'choose other columns, or another label';
}

function resolveSlice(ref: string, at: SpecPath, header: string[] | undefined, columnCount: number, fileName: string): number[] {
  const columns = header ? `: ${header.join(', ')}` : '';
  const slice = parseColumnSlice(ref);
  if (!slice) {
    const what = header ? `neither a column of ${fileName} nor a column range` : 'not a column range';
    throw new SpecError(at, `\`${ref}\` is ${what}: a range is ${SLICE_FORMS}. ${fileName} has ${columnCount} columns (0..${columnCount - 1})${columns}`);
  }
  const { columns: chosen, inRange } = sliceColumns(slice, columnCount);
  if (!inRange) {
    throw new SpecError(
      at,
      `the column range \`${ref}\` is out of range: ${fileName} has ${columnCount} columns (0..${columnCount - 1}), so a range runs from ${-columnCount} to ${columnCount}, the end excluded (\`"0:${columnCount}"\` is every column)${columns}`,
    );
  }
  if (chosen.length === 0) {
    throw new SpecError(at, `the column range \`${ref}\` selects no column: its end must come after its start (the end is excluded: \`"0:8"\` is columns 0 to 7)`);
  }
  return chosen;
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
        `use a 0-based column index (0..${columnCount - 1}) or a range of them (\`"0:${columnCount - 1}"\`)`,
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
