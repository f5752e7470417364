/** One measured row of the table. */
export interface ScenarioRow {
  name: string;
  readingsPerSecond: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  /** Kafka's own rate for a message of the same shape, readings/s; the ratio column. */
  kafkaReadingsPerSecond?: number;
  /** Each target: its text and whether it was met. */
  targets: { text: string; met: boolean }[];
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(n < 0.1 ? 1 : 0)} %` : "–");

/** A plain-text table that reads well in a terminal and pasted into an issue. */
export function formatTable(rows: readonly ScenarioRow[]): string {
  const header = ["scenario", "readings/s", "requests/s", "p50 ms", "p99 ms", "failed", "of Kafka", "targets"];
  const body = rows.map((r) => [
    r.name,
    int(r.readingsPerSecond),
    int(r.requestsPerSecond),
    ms(r.p50Ms),
    ms(r.p99Ms),
    int(r.failures),
    r.kafkaReadingsPerSecond ? pct(r.readingsPerSecond / r.kafkaReadingsPerSecond) : "",
    r.targets.map((t) => `${t.met ? "PASS" : "FAIL"} ${t.text}`).join("; "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** `≥ 100,000 readings/s` style target. */
export const atLeast = (value: number, min: number, unit: string) => ({
  text: `≥ ${int(min)} ${unit}`,
  met: value >= min,
});

export const below = (value: number, max: number, unit: string) => ({
  text: `< ${int(max)} ${unit}`,
  met: value < max,
});
