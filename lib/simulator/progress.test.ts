import { describe, expect, it } from "vitest";
import { formatProgress } from "./progress";
import { countError, createRunStats } from "./run-stats";

describe("formatProgress", () => {
  it("given a run under way, when formatted, then the line shows sent, acked, rate, retries, rejections and errors", () => {
    const stats = { ...createRunStats(), sent: 600, accepted: 500, retries: 2, rejected: 0, failures: 1 };

    expect(formatProgress(stats, 1_000, 65_000, 123.4)).toBe(
      "[simulate] 01:05  sent 600/1000  acked 500 (50 %)  123 readings/s  retries 2  rejected 0  errors 1",
    );
  });
});

describe("countError", () => {
  it("given reasons that differ only by an id, when counted, then they group together", () => {
    const stats = createRunStats();
    countError(stats, "workout 5f0c6f5e-9f4a-4d55-8c1a-1c2b3d4e5f60 not found");
    countError(stats, "workout 0a0c6f5e-9f4a-4d55-8c1a-1c2b3d4e5f61 not found");

    expect([...stats.errors]).toEqual([["workout <id> not found", 2]]);
  });
});
