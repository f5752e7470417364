/** Retries with exponential backoff, for the writer's HDFS calls. */
export interface BackoffOptions {
  /** Delay after the first failure. */
  initialMs: number;
  /** Ceiling, so a writer notices a recovered HDFS within this long. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5_000 };

/**
 * The delay before retry number `attempt` (0 for the first): doubling up to
 * the ceiling, each with up to 20 % jitter so that several writers that lost
 * HDFS together do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, options = DEFAULT_BACKOFF, random = Math.random): number {
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base * (1 - 0.2 * random()));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryHooks {
  /** False once the work is no longer wanted (the partition was lost, the stop deadline passed). */
  stillWanted(): boolean;
  /** Errors that retrying cannot fix. */
  isFinal(err: unknown): boolean;
  /** Before each wait: log, keep the Kafka session alive. May throw to give up at once. */
  onRetry(err: unknown, attempt: number, delayMs: number): Promise<void> | void;
  backoff?: BackoffOptions;
  wait?: (ms: number) => Promise<void>;
}

export type RetryResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Calls `fn` until it succeeds, fails for good, or is no longer wanted.
 * There is no attempt limit: an HDFS outage is waited out, and the caller's
 * `stillWanted` is what ends the wait.
 */
export async function retryWithBackoff<T>(fn: () => Promise<T>, hooks: RetryHooks): Promise<RetryResult<T>> {
  let lastError: unknown = new Error("given up before the first attempt");
  for (let attempt = 0; hooks.stillWanted(); attempt += 1) {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      if (hooks.isFinal(err)) return { ok: false, error: err };
      lastError = err;
      const delay = backoffDelay(attempt, hooks.backoff);
      await hooks.onRetry(err, attempt, delay);
      await (hooks.wait ?? sleep)(delay);
    }
  }
  return { ok: false, error: lastError };
}
