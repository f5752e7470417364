import { cpus, loadavg } from "node:os";
import { BENCH_SERVER_ENV } from "./app-server";
import type { Baseline } from "./baseline";
import { BASELINE_PRODUCER_PROPS } from "./kafka-baseline";
import { percentile, readingsPerSecond, type LoadResult } from "./load";
import { formatTable, type ScenarioRow } from "./report";
import { targetsFor } from "./targets";

/** What the bench measured against the app, before the Kafka baseline. */
export interface Measured {
  results: { name: string; readingsPerRequest: number; result: LoadResult; warmUp?: LoadResult }[];
  latency: LoadResult;
  /** Single POSTs per second of the latency probe. */
  rate: number;
}

function toRow(name: string, result: LoadResult, baseline: Baseline | undefined, kind: string): ScenarioRow {
  const row: ScenarioRow = {
    name,
    readingsPerSecond: readingsPerSecond(result),
    requestsPerSecond: (result.requests * 1000) / result.elapsedMs,
    p50Ms: percentile(result.latenciesMs, 50),
    p99Ms: percentile(result.latenciesMs, 99),
    failures: [...result.failures.values()].reduce((a, b) => a + b, 0),
    kafkaReadingsPerSecond: baseline?.readingsPerSecond,
    targets: [],
  };
  return { ...row, targets: targetsFor(kind, row) };
}

export function printReport(measured: Measured, baselines: Map<number, Baseline>, seconds: number) {
  const rows = measured.results.map(({ name, readingsPerRequest, result }) =>
    toRow(name, result, baselines.get(readingsPerRequest), name),
  );
  rows.push(toRow(`single POSTs at ${measured.rate}/s (½ peak)`, measured.latency, baselines.get(1), "latency"));
  for (const b of baselines.values()) {
    rows.push({
      name: `Kafka ProducerPerformance, ${b.messageBytes} B`,
      readingsPerSecond: b.readingsPerSecond,
      requestsPerSecond: b.recordsPerSecond,
      p50Ms: Number.NaN,
      p99Ms: Number.NaN,
      failures: Number.NaN,
      targets: [],
    });
  }
  console.log(formatTable(rows));
  console.log(methodNotes(baselines, seconds));
}

function methodNotes(baselines: Map<number, Baseline>, seconds: number): string {
  const sizes = [...baselines.values()].map((b) => `${b.readingsPerMessage} reading(s) → ${b.messageBytes} B`);
  return [
    "",
    `Machine: ${cpus().length} CPUs shared by the bench client, the app server, Kafka, HDFS and PostgreSQL;` +
      ` load average ${loadavg()[0]?.toFixed(2)} at the end.`,
    `Server: npm start (production build) with ${Object.entries(BENCH_SERVER_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")} (the per-device rate limit lifted).`,
    `Throughput rows: closed loop for ${seconds} s after 1.5 s of warm-up; one request in flight per device;`,
    "  readings/s counts readings in 2xx answers only; latency is per request.",
    `Latency row: open loop (fixed schedule), latency counted from the scheduled send time.`,
    `Kafka rows: org.apache.kafka.tools.ProducerPerformance --payload-file with our own encoded messages`,
    `  (${sizes.join(", ")}), --throughput -1, ${BASELINE_PRODUCER_PROPS.slice(1).join(" ")}, 6-partition bench topic;`,
    "  readings/s = records/s × readings per message. 'of Kafka' compares with the row of the same message shape.",
    "Clean-up: the bench topic is deleted; the bench devices are revoked but kept (--delete-devices deletes them),",
    "  because their readings stay on heartrate.readings and the rollup would dead-letter readings of deleted workouts.",
  ].join("\n");
}

export const sumOffsets = (offsets: Map<number, number>) => [...offsets.values()].reduce((a, b) => a + b, 0);

/**
 * Every 2xx answer is one message on heartrate.readings (one workout per
 * bench device), including warm-ups; others may write to the topic too, so
 * the topic may grow by more, never by less.
 */
export function kafkaCheck(measured: Measured, grown: number): string {
  const loads = [...measured.results.flatMap((r) => [r.result, ...(r.warmUp ? [r.warmUp] : [])]), measured.latency];
  const answered = loads.reduce((sum, r) => sum + r.requests - [...r.failures.values()].reduce((a, b) => a + b, 0), 0);
  const verdict = grown >= answered ? "ok" : "MISSING MESSAGES";
  return `heartrate.readings grew by ${grown} messages; the bench had ${answered} accepted requests: ${verdict}.`;
}
