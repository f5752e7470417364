import { describe, expect, it } from "vitest";
import { atLeast, below, formatTable } from "./report";

describe("formatTable", () => {
  it("given rows with targets, when formatted, then columns align and every target shows PASS or FAIL", () => {
    const table = formatTable([
      {
        name: "batches of 1,000",
        readingsPerSecond: 123_456.7,
        requestsPerSecond: 123.4,
        p50Ms: 12.34,
        p99Ms: 80,
        failures: 0,
        kafkaReadingsPerSecond: 493_826.8,
        targets: [atLeast(123_456, 100_000, "readings/s"), atLeast(0.25, 0.25, "of Kafka")],
      },
      {
        name: "single POSTs",
        readingsPerSecond: 900,
        requestsPerSecond: 900,
        p50Ms: 5,
        p99Ms: 60,
        failures: 2,
        targets: [below(60, 50, "ms p99")],
      },
    ]);
    const lines = table.split("\n");

    expect(lines[2]).toContain("123,457");
    expect(lines[2]).toContain("25 %");
    expect(lines[2]).toContain("PASS ≥ 100,000 readings/s");
    expect(lines[3]).toContain("FAIL < 50 ms p99");
    const rightEdge = (line: string | undefined, text: string) => (line ?? "").indexOf(text) + text.length;
    expect(rightEdge(lines[2], "123,457")).toBe(rightEdge(lines[0], "readings/s"));
  });
});
