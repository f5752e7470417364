import { atLeast, below, type ScenarioRow } from "./report";

/** The ingestion targets; printed beside the figures, never failing the process. */
export const TARGETS = {
  batchReadingsPerSecond: 100_000,
  batchShareOfKafka: 0.25,
  socketReadingsPerSecond: 50_000,
  singleReadingsPerSecond: 5_000,
  singleP99Ms: 50,
};

export function targetsFor(kind: string, row: ScenarioRow) {
  const share = row.kafkaReadingsPerSecond ? row.readingsPerSecond / row.kafkaReadingsPerSecond : 0;
  if (kind === "single POSTs") return [atLeast(row.readingsPerSecond, TARGETS.singleReadingsPerSecond, "readings/s")];
  if (kind === "latency") return [below(row.p99Ms, TARGETS.singleP99Ms, "ms p99")];
  if (kind.startsWith("socket.io"))
    return [atLeast(row.readingsPerSecond, TARGETS.socketReadingsPerSecond, "readings/s")];
  return [
    atLeast(row.readingsPerSecond, TARGETS.batchReadingsPerSecond, "readings/s"),
    { text: `≥ ${TARGETS.batchShareOfKafka * 100} % of Kafka`, met: share >= TARGETS.batchShareOfKafka },
  ];
}
