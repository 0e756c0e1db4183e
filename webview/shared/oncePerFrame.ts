/**
 * `fn` run at most once per animation frame, however often the result is called: VS Code copies a
 * page's state to the extension host on every setState, and a slider or a training sends many a second.
 */
export function oncePerFrame(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}
