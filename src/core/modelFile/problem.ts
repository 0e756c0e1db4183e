import type { Severity, SpecPath } from '../diagnostics';
import type { Repair } from './repairs';

/**
 * A problem found in the parsed document, located by path before it is turned into a Diagnostic.
 * `at: 'key'` points at the key that holds the path (an unknown or misplaced key, a missing
 * required key); `at: 'value'` points at the value itself (a bad value).
 */
export interface Problem {
  path: SpecPath;
  at: 'key' | 'value';
  message: string;
  code: string;
  severity?: Severity;
  /** The certain repair, offered as a quick fix. */
  repair?: Repair;
}

/** Stable diagnostic codes of this module. */
export const CODES = {
  syntax: 'syntax-error',
  unknownKey: 'unknown-key',
  missingKey: 'missing-key',
  invalidValue: 'invalid-value',
  duplicateKey: 'duplicate-key',
  duplicateValue: 'duplicate-value',
  conflictingKeys: 'conflicting-keys',
  misplacedKey: 'misplaced-key',
  misplacedSection: 'misplaced-section',
  shapeMismatch: 'shape-mismatch',
  unreadable: 'unreadable-file',
  more: 'more-problems',
  tooDeep: 'too-deep',
} as const;
