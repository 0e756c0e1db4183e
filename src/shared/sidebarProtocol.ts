/**
 * The one message protocol between the extension host and the sidebar's `Training` webview view. The
 * page says `ready`; the host answers with `state` (every live run as a card, and what to show when
 * nothing trains) and sends a new `state` whenever it changes, at most a few times a second. Cards
 * carry their mini curves already reduced to a few hundred points, so a state stays small however
 * long the run.
 */

/** A mini chart's line: x in epochs. */
export interface MiniSeries {
  label: string;
  x: number[];
  y: Array<number | null>;
  /** Validation values: one per epoch. */
  perEpoch?: boolean;
}

/** One live run. */
export interface SidebarCard {
  modelFile: string;
  name: string;
  /** As the card's badge shows it. */
  status: 'Starting' | 'Training' | 'Paused' | 'Stopping';
  epoch?: number;
  epochs?: number;
  batch?: number;
  batchesPerEpoch?: number;
  /** Of the whole run, 0 to 1. */
  fraction: number;
  etaMs?: number;
  samplesPerSecond?: number;
  /** The running metrics of the epoch, as the progress line prints them (`loss 0.1234 · accuracy 0.9620`). */
  metricsText: string;
  /** `loss` and, when the run has it, `accuracy` (training and validation lines). */
  charts: Array<{ metric: string; series: MiniSeries[] }>;
}

/** What the view shows when nothing trains. */
export interface SidebarIdle {
  /** The newest run in the workspace. */
  latest?: { name: string; modelFile: string; runDir: string; when: string; description: string; resultText: string };
  /** The model file a Train button would train: the active editor's, else the only one. */
  trainTarget?: { modelFile: string; name: string };
}

export interface SidebarViewState {
  cards: SidebarCard[];
  idle: SidebarIdle;
}

export type HostToSidebarMessage = { type: 'state'; state: SidebarViewState };

export type SidebarCommand = 'stop' | 'pause' | 'resume' | 'showPanel' | 'train';

export type SidebarToHostMessage = { type: 'ready' } | { type: 'command'; command: SidebarCommand; modelFile: string };

const COMMANDS: ReadonlySet<string> = new Set<SidebarCommand>(['stop', 'pause', 'resume', 'showPanel', 'train']);

export function isSidebarToHostMessage(value: unknown): value is SidebarToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; command?: unknown; modelFile?: unknown };
  return message.type === 'ready' || (message.type === 'command' && typeof message.command === 'string' && COMMANDS.has(message.command) && typeof message.modelFile === 'string' && message.modelFile !== '');
}
