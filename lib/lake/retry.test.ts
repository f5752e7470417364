import { describe, expect, it } from "vitest";
import { backoffDelay, retryWithBackoff, type RetryHooks } from "./retry";

describe("backoffDelay", () => {
  const options = { initialMs: 250, maxMs: 5_000 };

  it.each([
    [0, 250],
    [1, 500],
    [4, 4_000],
    [5, 5_000],
    [1_000, 5_000],
  ])("given attempt %i and no jitter, when asked, then the delay is %i ms", (attempt, ms) => {
    expect(backoffDelay(attempt, options, () => 0)).toBe(ms);
  });

  it("given full jitter, when asked, then the delay is at most 20 % shorter", () => {
    expect(backoffDelay(5, options, () => 1)).toBe(4_000);
  });
});

describe("retryWithBackoff", () => {
  const hooks = (over: Partial<RetryHooks> = {}) => {
    const waits: number[] = [];
    const retries: number[] = [];
    const all: RetryHooks = {
      stillWanted: () => true,
      isFinal: () => false,
      onRetry: (_err, attempt) => void retries.push(attempt),
      backoff: { initialMs: 10, maxMs: 40 },
      wait: async (ms) => void waits.push(ms),
      ...over,
    };
    return { all, waits, retries };
  };
  const failing = (times: number, error = new Error("HDFS away")) => {
    let calls = 0;
    return async () => {
      calls += 1;
      if (calls <= times) throw error;
      return calls;
    };
  };

  it("given failures then success, when retried, then it waits with growing delays and returns the value", async () => {
    const { all, waits, retries } = hooks();

    const result = await retryWithBackoff(failing(4), all);

    expect(result).toEqual({ ok: true, value: 5 });
    expect(retries).toEqual([0, 1, 2, 3]);
    expect(waits.every((ms, i) => ms <= [10, 20, 40, 40][i]! && ms >= [8, 16, 32, 32][i]!)).toBe(true);
  });

  it("given a final error, when retried, then it gives up at once with that error", async () => {
    const final = new Error("conflict");
    const { all, retries } = hooks({ isFinal: (e) => e === final });

    expect(await retryWithBackoff(failing(9, final), all)).toEqual({ ok: false, error: final });
    expect(retries).toEqual([]);
  });

  it("given the work stops being wanted, when retried, then it gives up with the last error", async () => {
    let wanted = 3;
    const error = new Error("HDFS away");
    const { all } = hooks({ stillWanted: () => wanted-- > 0 });

    expect(await retryWithBackoff(failing(99, error), all)).toEqual({ ok: false, error });
  });

  it("given onRetry throws (a rebalance), when retried, then the error propagates", async () => {
    const { all } = hooks({
      onRetry: () => {
        throw new Error("rebalancing");
      },
    });

    await expect(retryWithBackoff(failing(1), all)).rejects.toThrow("rebalancing");
  });
});
