/**
 * The pause of a background loop between rounds, which `wake()` ends at once (on stop). `wake()` when the loop is
 * not pausing does nothing.
 */
export function wakeableIdle() {
  let wake: (() => void) | null = null;
  return {
    idle: (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      }).finally(() => {
        wake = null;
      }),
    wake: () => wake?.(),
  };
}
