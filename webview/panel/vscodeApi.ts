import type { PanelState, PanelToHostMessage } from '../../src/shared/panelProtocol';

/** The part of VS Code's webview API the panel uses, typed with the panel's own messages and state. */
export interface VsCodeApi {
  postMessage(message: PanelToHostMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** VS Code allows one call per page load, so the panel calls it once here and passes the result on. */
export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
