import type { CompareData, CompareState, HostToCompareMessage } from '../../src/shared/compareProtocol';
import { DEFAULT_SMOOTHING } from '../shared/smoothingControl';

export type CompareSort = NonNullable<CompareState['sort']>;

/**
 * The page's state after one host message. A new comparison keeps what the user chose (smoothing,
 * `Show all settings`, the sort), so a panel restored after a reload looks as it was left.
 */
export function applyMessage(state: CompareState | undefined, message: HostToCompareMessage): CompareState | undefined {
  if (message.type !== 'show' || !isCompareData(message.data)) return state;
  return { smoothing: DEFAULT_SMOOTHING, showAll: false, ...state, data: message.data };
}

/** A saved state this page can show (one from an older page, or none, is not). */
export function isCompareState(value: unknown): value is CompareState {
  const state = value as Partial<CompareState> | undefined;
  return typeof state === 'object' && state !== null && isCompareData(state.data) && typeof state.smoothing === 'number' && typeof state.showAll === 'boolean';
}

function isCompareData(value: unknown): value is CompareData {
  const data = value as Partial<CompareData> | undefined;
  return typeof data === 'object' && data !== null && typeof data.title === 'string' && Array.isArray(data.runs) && Array.isArray(data.settings) && Array.isArray(data.metrics);
}

/** The sort a click on a column gives: the other direction on the sorted column, else best first. */
export function nextSort(current: CompareSort | undefined, metric: string, which: CompareSort['which'], lowerIsBetter: boolean): CompareSort {
  if (current && current.metric === metric && current.which === which) return { ...current, descending: !current.descending };
  return { metric, which, descending: !lowerIsBetter };
}
