import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { createRateLimiter } from "./rate-limiter";

const rejection = (fn: () => void): AppError | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err as AppError;
  }
};

describe("createRateLimiter", () => {
  it("given an idle device, when it sends a burst, then the burst passes and the next request gets 429 with Retry-After", () => {
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 });

    for (let i = 0; i < 3; i += 1) limiter.take("watch", 0);
    const error = rejection(() => limiter.take("watch", 0));

    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfterSeconds: 1 });
  });

  it("given an exhausted bucket, when time passes, then tokens come back at the sustained rate", () => {
    const limiter = createRateLimiter({ perSecond: 2, burst: 2 });
    limiter.take("watch", 0);
    limiter.take("watch", 0);

    expect(rejection(() => limiter.take("watch", 400))).toBeDefined();
    expect(rejection(() => limiter.take("watch", 1_000))).toBeUndefined();
  });

  it("given two devices, when one is exhausted, then the other is not limited", () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 });
    limiter.take("a", 0);

    expect(rejection(() => limiter.take("a", 0))).toBeDefined();
    expect(rejection(() => limiter.take("b", 0))).toBeUndefined();
  });

  it("given a watch sending a batch every 2 seconds for an hour, when limited by the defaults, then it is never refused", () => {
    const limiter = createRateLimiter({ perSecond: 20, burst: 60 });

    for (let t = 0; t < 3_600_000; t += 2_000) limiter.take("watch", t);
  });

  it("given more keys than it keeps, when a forgotten key returns, then it starts with a full bucket", () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1, maxKeys: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);

    expect(rejection(() => limiter.take("a", 0))).toBeUndefined();
  });
});
