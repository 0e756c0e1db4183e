/** The part of VS Code's webview API a page uses, typed with that page's own messages and state. */
export interface WebviewApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): unknown;

/** VS Code allows one call per page load, so each page calls this once and passes the result on. */
export function webviewApi<Message, State>(): WebviewApi<Message, State> {
  return acquireVsCodeApi() as WebviewApi<Message, State>;
}
