/**
 * Calls `refresh` at most once per `intervalMs`, and always once more after the last request, so the
 * last state is shown. XOR ends hundreds of epochs a second: redrawing the lens and the notification
 * for each would flood the workbench with messages and leave the extension host looking unresponsive.
 */
export function throttled(refresh: () => void, intervalMs: number): { request(): void; flush(): void } {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    last = performance.now();
    refresh();
  };
  return {
    request() {
      if (timer) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      run();
    },
  };
}
