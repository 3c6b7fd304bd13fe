/**
 * A background pass repeated every `intervalMs`, the first after `firstMs`; a pass never overlaps the next (the
 * next is scheduled when it ends) and the timer does not keep the process alive. `stop()` waits for a pass in
 * flight. The pass handles its own errors (each caller logs them and retries at the next pass).
 */
export function startPeriodicPass(pass: () => Promise<unknown>, firstMs: number, intervalMs: number) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = pass().then(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(firstMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
