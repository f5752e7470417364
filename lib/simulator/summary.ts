import { readingId } from "@/lib/readings/reading-id";
import type { KafkaCount } from "./kafka-check";
import type { WatchPlan } from "./plan-watches";
import type { RunStats } from "./run-stats";

/** Reading ids the server should have given: readingId(device, second) of every distinct reading. */
export type ExpectedIds = ReadonlySet<string>;

export interface RunSummary {
  generated: number;
  duplicates: number;
  dropouts: number;
  distinct: number;
  accepted: number;
  retried: number;
  rejected: number;
  kafka?: { messages: number; readings: number; distinctIds: number; missing: number; unexpected: number };
}

/** The id each distinct reading must have on Kafka (see lib/readings/reading-id.ts). */
export function expectedReadingIds(plans: readonly WatchPlan[], deviceIds: readonly string[]): Set<string> {
  const ids = new Set<string>();
  plans.forEach((plan, watch) => {
    const deviceId = deviceIds[watch] ?? "";
    for (const second of plan.seconds) ids.add(readingId(deviceId, second * 1000));
  });
  return ids;
}

export function summarize(
  plans: readonly WatchPlan[],
  stats: RunStats,
  check?: { kafka: KafkaCount; expected: ExpectedIds },
): RunSummary {
  const sum = (f: (p: WatchPlan) => number) => plans.reduce((total, p) => total + f(p), 0);
  return {
    generated: sum((p) => p.workout.readings.length),
    duplicates: sum((p) => p.workout.duplicates),
    dropouts: sum((p) => p.workout.dropouts.length),
    distinct: sum((p) => p.seconds.size),
    accepted: stats.accepted,
    retried: stats.retries,
    rejected: stats.rejected,
    ...(check && { kafka: compareIds(check.kafka, check.expected) }),
  };
}

/** What went wrong, one sentence each; empty when the run is clean. */
export function summaryProblems(summary: RunSummary): string[] {
  const problems: string[] = [];
  if (summary.rejected > 0) problems.push(`${summary.rejected} readings were rejected`);
  if (summary.accepted !== summary.generated) {
    problems.push(`${summary.accepted} readings accepted of ${summary.generated} generated`);
  }
  const { kafka } = summary;
  // More on Kafka than acknowledged is at-least-once delivery: an ack lost in
  // transit made us resend. The id check below proves they are the same readings.
  if (kafka && kafka.readings < summary.accepted) {
    problems.push(`${kafka.readings} readings on Kafka, but ${summary.accepted} accepted`);
  }
  if (kafka && (kafka.missing > 0 || kafka.unexpected > 0)) {
    problems.push(
      `reading ids on Kafka differ from the plan: ${kafka.missing} missing, ${kafka.unexpected} unexpected`,
    );
  }
  return problems;
}

export function formatSummary(summary: RunSummary, errors: ReadonlyMap<string, number>): string {
  const lines = [
    `readings generated   ${summary.generated} (${summary.duplicates} duplicates, ${summary.dropouts} dropouts)`,
    `distinct after dedupe ${summary.distinct}`,
    `accepted             ${summary.accepted}`,
    `retried              ${summary.retried} attempts`,
    `rejected             ${summary.rejected}`,
  ];
  if (summary.kafka) {
    const { messages, readings, distinctIds, missing, unexpected } = summary.kafka;
    lines.push(`on Kafka             ${readings} readings in ${messages} messages, ${distinctIds} distinct ids`);
    if (readings > summary.accepted) {
      lines.push(`  resent             ${readings - summary.accepted} readings whose acknowledgement was lost`);
    }
    lines.push(`  ids vs plan        ${missing} missing, ${unexpected} unexpected`);
  }
  if (errors.size > 0) lines.push("retries and refusals by reason:");
  for (const [reason, count] of errors) lines.push(`  ${count} × ${reason}`);
  return lines.join("\n");
}

/**
 * Same ids means same devices and same seconds: a legacy wall time read in
 * the wrong zone would shift every id, even with the right count.
 */
function compareIds(kafka: KafkaCount, expected: ExpectedIds) {
  const missing = [...expected].filter((id) => !kafka.ids.has(id)).length;
  const unexpected = [...kafka.ids].filter((id) => !expected.has(id)).length;
  return { messages: kafka.messages, readings: kafka.readings, distinctIds: kafka.ids.size, missing, unexpected };
}
