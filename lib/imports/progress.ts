/** Smallest step between two progress calls: a bar needs no more than a hundred updates. */
const MIN_STEP = 0.01;

/** Reports progress through the phases of one import; cheap to call once per record. */
export interface Progress {
  /** Moves to `fraction` of the whole import (0..1); smaller or tiny steps are dropped. */
  update(fraction: number): void;
  /** Reports 1, once; or throws what the caller's callback threw earlier. */
  finish(): void;
}

const silent: Progress = { update: () => undefined, finish: () => undefined };

/**
 * Wraps a caller's callback so it only ever sees 0 first, then rising
 * fractions, then 1. Progress is reported from inside the FIT SDK and the XML
 * parser, which catch whatever is thrown there and would call it a damaged
 * file; so a callback that throws is not called again, and its error is
 * rethrown by finish() instead.
 */
export function createProgress(onProgress: ((fraction: number) => void) | undefined): Progress {
  if (!onProgress) return silent;
  let last = 0;
  let done = false;
  let failure: { error: unknown } | undefined;
  const report = (fraction: number) => {
    try {
      onProgress(fraction);
    } catch (error) {
      failure = { error };
    }
  };
  report(0);
  return {
    update(fraction) {
      // Stop short of 1 so that only finish() says the import is done.
      if (done || failure || !(fraction - last >= MIN_STEP) || fraction >= 1) return;
      last = fraction;
      report(fraction);
    },
    finish() {
      if (failure) throw failure.error;
      if (done) return;
      done = true;
      onProgress(1);
    },
  };
}

/** Maps a phase's own 0..1 onto its share [from, to] of the whole import. */
export function phase(progress: Progress, from: number, to: number): (fraction: number) => void {
  return (fraction) => progress.update(from + fraction * (to - from));
}
