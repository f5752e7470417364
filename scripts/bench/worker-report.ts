/** The worker benchmark's figures, targets and table: pure, so it is easy to check. */

export interface WorkerBenchFigures {
  readings: number;
  plainReadingsPerSecond: number;
  lakeReadingsPerSecond: number;
  rollupReadingsPerSecond: number;
  freshness: { p50Ms: number; p95Ms: number; samples: number; offeredPerSecond: number };
}

export const WORKER_TARGETS = {
  lakeReadingsPerSecond: 150_000,
  rollupReadingsPerSecond: 100_000,
  freshnessP95Ms: 1_000,
} as const;

export interface WorkerBenchRow {
  what: string;
  measured: string;
  vsPlain: string;
  target: string;
  pass: boolean | undefined;
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString("en")}/s`;
const ratio = (n: number, plain: number) => `${((100 * n) / plain).toFixed(0)} %`;

export function workerBenchRows(f: WorkerBenchFigures): WorkerBenchRow[] {
  return [
    {
      what: "plain kafkajs consumer",
      measured: perSecond(f.plainReadingsPerSecond),
      vsPlain: "100 %",
      target: "-",
      pass: undefined,
    },
    {
      what: "lake writer",
      measured: perSecond(f.lakeReadingsPerSecond),
      vsPlain: ratio(f.lakeReadingsPerSecond, f.plainReadingsPerSecond),
      target: `≥ ${perSecond(WORKER_TARGETS.lakeReadingsPerSecond)}`,
      pass: f.lakeReadingsPerSecond >= WORKER_TARGETS.lakeReadingsPerSecond,
    },
    {
      what: "rollup",
      measured: perSecond(f.rollupReadingsPerSecond),
      vsPlain: ratio(f.rollupReadingsPerSecond, f.plainReadingsPerSecond),
      target: `≥ ${perSecond(WORKER_TARGETS.rollupReadingsPerSecond)}`,
      pass: f.rollupReadingsPerSecond >= WORKER_TARGETS.rollupReadingsPerSecond,
    },
    {
      what: `freshness p50 (${perSecond(f.freshness.offeredPerSecond)} offered)`,
      measured: `${Math.round(f.freshness.p50Ms)} ms`,
      vsPlain: "-",
      target: "-",
      pass: undefined,
    },
    {
      what: `freshness p95 (${f.freshness.samples} samples)`,
      measured: `${Math.round(f.freshness.p95Ms)} ms`,
      vsPlain: "-",
      target: `< ${WORKER_TARGETS.freshnessP95Ms} ms`,
      pass: f.freshness.samples > 0 && f.freshness.p95Ms < WORKER_TARGETS.freshnessP95Ms,
    },
  ];
}

export function formatWorkerBenchTable(f: WorkerBenchFigures): string {
  const rows = workerBenchRows(f);
  const cells = [
    ["", "measured", "vs plain", "target", ""],
    ...rows.map((r) => [
      r.what,
      r.measured,
      r.vsPlain,
      r.target,
      r.pass === undefined ? "" : r.pass ? "✔ pass" : "✘ FAIL",
    ]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [`worker benchmark, ${f.readings.toLocaleString("en")} readings`, ...cells.map(line)].join("\n");
}

/** The q-quantile (0..1) of some values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
