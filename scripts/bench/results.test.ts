import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { kafkaCheck, type Measured } from "./results";

const load = (requests: number, failed = 0): LoadResult => ({
  readings: 0,
  requests,
  failures: new Map(failed > 0 ? [["HTTP 503", failed]] : []),
  elapsedMs: 1_000,
  latenciesMs: [],
});

const measured: Measured = {
  results: [{ name: "single POSTs", readingsPerRequest: 1, result: load(100, 5), warmUp: load(20) }],
  latency: load(50),
  rate: 50,
};

describe("kafkaCheck", () => {
  it("given the topic grew by at least the accepted requests, when checked, then it is ok", () => {
    expect(kafkaCheck(measured, 170)).toBe(
      "heartrate.readings grew by 170 messages; the bench had 165 accepted requests: ok.",
    );
  });

  it("given fewer new messages than accepted requests, when checked, then it says messages are missing", () => {
    expect(kafkaCheck(measured, 164)).toContain("MISSING MESSAGES");
  });
});
