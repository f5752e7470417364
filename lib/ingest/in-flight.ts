/** Counts work under way, so a shutdown can let it finish before the producer goes. */
export interface InFlight {
  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing is under way, or after `timeoutMs`, whichever is first; true if all finished. */
  idle(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let wake: (() => void)[] = [];
  const done = () => {
    count -= 1;
    if (count === 0) wake.splice(0).forEach((resolve) => resolve());
  };
  return {
    track(work) {
      count += 1;
      work.then(done, done);
      return work;
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          wake = wake.filter((w) => w !== finish);
          resolve(false);
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          resolve(true);
        };
        wake.push(finish);
      });
    },
  };
}
