/**
 * Every run folder under a set of runs roots, read with async fs only: the Runs view lists them on the
 * extension host, which must never be held for more than a few milliseconds. A broken folder is listed
 * too, with the reason it cannot be read, so one bad folder never hides the others.
 */
import type { Dirent } from 'fs';
import { readdir, stat } from 'fs/promises';
import * as path from 'path';
import { mapWithLimit } from '../mapWithLimit';
import { MODEL_FILE_PATTERN } from '../modelFile/modelFileName';
import { NO_SUMMARY, readSummaryFile, type SummaryRead } from './summaryFile';
import { BATCHES_FILE, HISTORY_FILE, MODEL_JSON, SUMMARY_FILE, type RunSummary } from './runSummary';

/** One run folder as the Runs view lists it. */
export interface IndexedRun {
  dir: string;
  /** The model's name: the summary's, else the name of the folder that holds the run's folder. */
  group: string;
  /** ISO date of the start: the summary's, else the folder's name, else the folder's modification time. */
  startedAt: string;
  /** Present when summary.json could be read, with its effective status (`interrupted` for a dead process). */
  summary?: RunSummary;
  /** Why the folder has no usable summary, when it has none. */
  unreadable?: string;
}

/** The runs of one model, newest first. */
export interface RunGroup {
  name: string;
  runs: IndexedRun[];
}

/** Folders read at once: enough to keep the disk busy, few enough that each callback stays short. */
const CONCURRENCY = 16;

/** The name RunFolder gives a run folder: its start in UTC (`2026-12-01T10-15-02`), `-2` and on when taken. */
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-\d+)?$/;

const RUN_FILES = new Set([SUMMARY_FILE, MODEL_JSON, HISTORY_FILE, BATCHES_FILE]);

/**
 * Every run folder under each runs root (`<root>/<name>/<timestamp>/`; a root may also be one model's
 * folder, `<root>/<timestamp>/`), newest first. A root listed twice or inside another lists its runs
 * once; a missing root lists none. Never throws for a broken folder: it is listed with `unreadable`.
 */
export async function listRuns(roots: string[]): Promise<IndexedRun[]> {
  const uniqueRoots = [...new Set(roots.map((root) => path.resolve(root)))];
  const children = (await mapWithLimit(uniqueRoots, CONCURRENCY, subfolders)).flat();
  const candidates = new Map<string, Dirent[] | undefined>();
  for (const found of await mapWithLimit(children, CONCURRENCY, runFoldersIn)) {
    for (const { dir, entries } of found) if (!candidates.has(dir) || entries) candidates.set(dir, entries);
  }
  const runs = await mapWithLimit([...candidates], CONCURRENCY, ([dir, entries]) => indexRun(dir, entries));
  return runs.filter((run): run is IndexedRun => run !== undefined).sort(newestFirst);
}

/** Runs grouped by model name, each group newest first, the groups ordered by their newest run. */
export function groupRuns(runs: readonly IndexedRun[]): RunGroup[] {
  const groups = new Map<string, IndexedRun[]>();
  // Sorted first, so a Map's insertion order is the order of each group's newest run.
  for (const run of [...runs].sort(newestFirst)) {
    const group = groups.get(run.group);
    if (group) group.push(run);
    else groups.set(run.group, [run]);
  }
  return [...groups].map(([name, grouped]) => ({ name, runs: grouped }));
}

/** The start a run folder's name says (RunFolder names it by its UTC start), as an ISO date. */
export function startFromFolderName(name: string): string | undefined {
  const match = STAMP.exec(name);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The run folders a child of a root stands for: itself when it holds a run's files (the root was one
 * model's folder), else its own subfolders (`<name>/<timestamp>/`), whose entries are read later.
 */
async function runFoldersIn(child: string): Promise<Array<{ dir: string; entries?: Dirent[] }>> {
  const entries = await entriesOf(child);
  if (!entries) return [];
  if (entries.some(isRunFile)) return [{ dir: child, entries }];
  return entries.filter((e) => e.isDirectory()).map((e) => ({ dir: path.join(child, e.name) }));
}

async function indexRun(dir: string, known: Dirent[] | undefined): Promise<IndexedRun | undefined> {
  const entries = known ?? (await entriesOf(dir));
  // Gone since it was listed (deleted meanwhile), or a folder that is not a run: neither is shown.
  if (!entries || !(entries.some(isRunFile) || STAMP.test(path.basename(dir)))) return undefined;
  // A folder without summary.json is a run cut off while starting: RunFolder.create makes the folder
  // and copies the model file before the first summary is written.
  const read: SummaryRead = entries.some((e) => e.name === SUMMARY_FILE) ? await readSummaryFile(dir) : { unreadable: NO_SUMMARY };
  const group = typeof read.summary?.name === 'string' && read.summary.name !== '' ? read.summary.name : path.basename(path.dirname(dir));
  const startedAt = validDate(read.summary?.startedAt) ?? startFromFolderName(path.basename(dir)) ?? (await modifiedAt(dir));
  return { dir, group, startedAt, ...read };
}

function newestFirst(a: IndexedRun, b: IndexedRun): number {
  return Date.parse(b.startedAt) - Date.parse(a.startedAt) || (a.dir < b.dir ? 1 : a.dir > b.dir ? -1 : 0);
}

function isRunFile(entry: Dirent): boolean {
  return entry.isFile() && (RUN_FILES.has(entry.name) || MODEL_FILE_PATTERN.test(entry.name));
}

function validDate(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

async function entriesOf(dir: string): Promise<Dirent[] | undefined> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

async function subfolders(dir: string): Promise<string[]> {
  return ((await entriesOf(dir)) ?? []).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
}

async function modifiedAt(dir: string): Promise<string> {
  try {
    return (await stat(dir)).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}
