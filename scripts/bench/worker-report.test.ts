import { describe, expect, it } from "vitest";
import { formatWorkerBenchTable, quantile, workerBenchRows, type WorkerBenchFigures } from "./worker-report";

const FIGURES: WorkerBenchFigures = {
  readings: 1_000_000,
  plainReadingsPerSecond: 500_000,
  lakeReadingsPerSecond: 200_000,
  rollupReadingsPerSecond: 90_000,
  freshness: { p50Ms: 120, p95Ms: 400, samples: 10_000, offeredPerSecond: 10_000 },
};

describe("worker bench report", () => {
  it.each([
    { what: "lake writer", vsPlain: "40 %", pass: true },
    { what: "rollup", vsPlain: "18 %", pass: false },
  ])("given the figures, then $what is $vsPlain of plain and pass=$pass", ({ what, vsPlain, pass }) => {
    const row = workerBenchRows(FIGURES).find((r) => r.what === what);
    expect(row).toMatchObject({ vsPlain, pass });
  });

  it("given no freshness samples, then freshness fails", () => {
    const rows = workerBenchRows({ ...FIGURES, freshness: { ...FIGURES.freshness, samples: 0, p95Ms: Number.NaN } });
    expect(rows.at(-1)?.pass).toBe(false);
  });

  it("prints one line per row with its mark", () => {
    const table = formatWorkerBenchTable(FIGURES);
    expect(table.split("\n")).toHaveLength(7);
    expect(table).toContain("✘ FAIL");
    expect(table).toContain("✔ pass");
  });

  it.each([
    { values: [], q: 0.5, expected: Number.NaN },
    { values: [5], q: 0.95, expected: 5 },
    { values: [4, 1, 3, 2], q: 0.5, expected: 2 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), q: 0.95, expected: 95 },
  ])("quantile($values, $q) = $expected", ({ values, q, expected }) => {
    expect(quantile(values, q)).toBe(expected);
  });
});
