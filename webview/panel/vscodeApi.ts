import type { PanelState, PanelToHostMessage } from '../../src/shared/panelProtocol';
import { webviewApi, type WebviewApi } from '../shared/webviewApi';

export type VsCodeApi = WebviewApi<PanelToHostMessage, PanelState>;

/** The training panel's webview API, typed with its messages and state. */
export function vscodeApi(): VsCodeApi {
  return webviewApi<PanelToHostMessage, PanelState>();
}
