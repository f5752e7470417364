import { describe, expect, it } from "vitest";
import { MAX_READING_AGE_MS } from "@/lib/readings/reading-rules";
import { workoutStartMs } from "./timeline";

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0, 456);

describe("workoutStartMs", () => {
  it("given realtime, when a watch starts, then it starts now, staggered by at most one batch window", () => {
    const starts = [0, 0.5, 0.999].map((spread) =>
      workoutStartMs({ speed: "realtime", now: NOW, totalS: 3_600, spread, batchSeconds: 5 }),
    );

    expect(starts).toEqual([NOW - 456, NOW - 456 + 3_000, NOW - 456 + 5_000]);
  });

  it("given max speed, when a watch is laid out, then its workout ends before now and within the 7-day window", () => {
    for (const spread of [0, 0.5, 0.999]) {
      const totalS = 24 * 3_600;
      const start = workoutStartMs({ speed: "max", now: NOW, totalS, spread, batchSeconds: 5 });

      expect(start + totalS * 1000).toBeLessThanOrEqual(NOW);
      expect(start + totalS * 1000).toBeGreaterThan(NOW - 61_000);
      expect(start).toBeGreaterThan(NOW - MAX_READING_AGE_MS);
    }
  });
});
