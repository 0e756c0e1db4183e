import type { HostToPanelMessage, LiveAnswer, PanelPredictRequest } from '../../../src/shared/panelProtocol';

type Source = PanelPredictRequest['source'];

/** An answer lost (the host restarted the worker) frees the source after this long. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * The page's live predictions (the draw pad, the `Try it` form): at most one request in flight per
 * source; what changes meanwhile waits as the one latest input and goes out when the answer comes
 * (latest wins, stale inputs are never queued). Only the answer to the latest request sent is let
 * through to the state; answers to cancelled or older requests are dropped.
 */
export class LiveRequests {
  /** Ids grow across reloads of the page too, so an answer meant for the previous page is never taken as this one's. */
  private nextId = Date.now();
  private readonly sources = new Map<Source, { latest?: number; inFlight?: { id: number; since: number }; pending?: number[] }>();

  constructor(
    private readonly post: (request: PanelPredictRequest) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Asks for a prediction on `input` now, or as soon as the answer in flight comes. */
  request(source: Source, input: number[]): void {
    const state = this.state(source);
    if (state.inFlight && this.now() - state.inFlight.since < ANSWER_TIMEOUT_MS) {
      state.pending = input;
      return;
    }
    const id = this.nextId++;
    state.latest = id;
    state.inFlight = { id, since: this.now() };
    state.pending = undefined;
    this.post({ type: 'predict', requestId: id, source, input });
  }

  /** Forgets the source's wishes (the pad was cleared): its answer in flight will be dropped. */
  cancel(source: Source): void {
    const state = this.state(source);
    state.latest = undefined;
    state.pending = undefined;
  }

  /** The message without answers that are not the latest; undefined when nothing is left of it. */
  accept(message: HostToPanelMessage): HostToPanelMessage | undefined {
    if (message.type === 'updates') {
      const messages = message.messages.map((m) => this.accept(m)).filter((m): m is HostToPanelMessage => m !== undefined);
      return messages.length ? { ...message, messages } : undefined;
    }
    if (message.type !== 'livePrediction') return message;
    return this.answered(message.source, message.answer) ? message : undefined;
  }

  private answered(source: Source, answer: LiveAnswer): boolean {
    const state = this.state(source);
    if (state.inFlight?.id === answer.requestId) state.inFlight = undefined;
    const current = answer.requestId === state.latest;
    // The input changed while this one was answered: the newest goes out now.
    if (!state.inFlight && state.pending) this.request(source, state.pending);
    return current;
  }

  private state(source: Source) {
    let state = this.sources.get(source);
    if (!state) this.sources.set(source, (state = {}));
    return state;
  }
}
