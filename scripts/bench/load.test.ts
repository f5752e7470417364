import { describe, expect, it } from "vitest";
import { percentile, runClosedLoop, runOpenLoop } from "./load";

describe("percentile", () => {
  it.each([
    { p: 50, expected: 50 },
    { p: 99, expected: 99 },
    { p: 100, expected: 100 },
    { p: 0, expected: 1 },
  ])("given 1..100, when p$p is taken, then it is $expected (nearest rank)", ({ p, expected }) => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => 100 - i),
        p,
      ),
    ).toBe(expected);
  });

  it("given no values, when a percentile is taken, then it is NaN rather than a made-up number", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("runClosedLoop", () => {
  it("given workers and a sender that sometimes fails, when run, then successes count readings and failures group by reason", async () => {
    let calls = 0;
    const result = await runClosedLoop(2, 30, async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (calls % 5 === 0) throw new Error("HTTP 503");
      return { ok: true, readings: 10 };
    });

    expect(result.requests).toBe(calls);
    expect(result.readings).toBe((calls - (result.failures.get("HTTP 503") ?? 0)) * 10);
    expect(result.failures.get("HTTP 503")).toBeGreaterThan(0);
  });
});

describe("runOpenLoop", () => {
  it("given a rate and a duration, when run, then exactly rate × duration requests are sent", async () => {
    const result = await runOpenLoop(200, 100, () => Promise.resolve({ ok: true, readings: 1 }));

    expect(result.requests).toBe(20);
    expect(result.readings).toBe(20);
  });
});
