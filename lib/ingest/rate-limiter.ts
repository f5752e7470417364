import { AppError } from "@/lib/api/app-error";

export interface RateLimiterOptions {
  /** Sustained requests per second per key. */
  perSecond: number;
  /** Requests a key may make at once after being idle. */
  burst: number;
  /** Keys remembered at most; the least recently seen are forgotten first. */
  maxKeys?: number;
}

/**
 * A token bucket per key (per device). In memory and per process: enough to
 * stop a runaway watch; a fleet of app instances would share one in Redis.
 */
export function createRateLimiter({ perSecond, burst, maxKeys = 100_000 }: RateLimiterOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    /** Takes one token for `key` or throws a 429 that says when to retry. */
    take(key: string, now: number): void {
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      // Re-inserting keeps the Map in least-recently-seen order for eviction.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / perSecond);
      throw new AppError(
        "RATE_LIMITED",
        `Too many requests from this device; send batches instead, and retry in ${retryAfterSeconds} s.`,
        429,
        [],
        retryAfterSeconds,
      );
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
