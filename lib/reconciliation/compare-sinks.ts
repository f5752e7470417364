import type { RollupDayCounts } from "@/lib/rollup-worker/rollup-day-counts";
import { toOffsetRanges } from "./offset-ranges";
import type {
  DayReconciliation,
  KafkaDayScan,
  LakeFileSummary,
  PartitionTotals,
  PostgresOffsetCount,
  ScannedMessage,
  SinkDifference,
} from "./types";

/** Everything read from the four places, for one day. */
export interface SinkSnapshot {
  day: string;
  accepted: number;
  kafka: KafkaDayScan;
  lakeFiles: readonly LakeFileSummary[];
  postgresOffsets: readonly PostgresOffsetCount[];
  postgres: RollupDayCounts;
}

/**
 * Compares the sinks against Kafka, partition by partition, without I/O.
 * The lake keeps every reading of every message (duplicates included);
 * PostgreSQL keeps each reading id once, under the first message that
 * carried it (partitions taken in order, then offsets: across partitions the
 * rollup's real order is not known, so such duplicates may show as ranges).
 */
export function compareSinks(snapshot: SinkSnapshot): DayReconciliation {
  const firstSeen = firstOccurrences(snapshot.kafka);
  const differences: SinkDifference[] = [];
  const kafkaPartitions: PartitionTotals[] = [];
  let poisonMessages = 0;
  for (const { partition, messages } of [...snapshot.kafka.partitions].sort((a, b) => a.partition - b.partition)) {
    const day = messages.filter((m) => m.status === "day");
    poisonMessages += messages.filter((m) => m.status === "poison").length;
    if (day.length > 0)
      kafkaPartitions.push(
        totals(
          partition,
          day.sort((a, b) => a.offset - b.offset),
        ),
      );
    const files = snapshot.lakeFiles.filter((f) => f.partition === partition);
    differences.push(...compareLake(partition, messages, files));
    const stored = snapshot.postgresOffsets.filter((p) => p.partition === partition);
    differences.push(...comparePostgres(partition, messages, firstSeen, stored));
  }
  differences.push(...orphans(snapshot));
  const kafkaReadings = sum(kafkaPartitions.map((p) => p.readings));
  const hdfsReadings = sum(snapshot.lakeFiles.map((f) => f.rows));
  return {
    day: snapshot.day,
    api: { accepted: snapshot.accepted },
    kafka: {
      readings: kafkaReadings,
      distinctReadings: firstSeen.size,
      messages: sum(kafkaPartitions.map((p) => p.messages)),
      poisonMessages,
      partitions: kafkaPartitions,
    },
    hdfs: { readings: hdfsReadings, files: snapshot.lakeFiles.length, partitions: lakePartitions(snapshot.lakeFiles) },
    postgres: { readings: snapshot.postgres.readings, partitions: snapshot.postgres.partitions },
    differences,
    sinksAgree:
      differences.length === 0 && hdfsReadings === kafkaReadings && snapshot.postgres.readings === firstSeen.size,
    apiMatchesKafka: snapshot.accepted === kafkaReadings,
  };
}

/** reading id -> "partition/offset" of the first day message carrying it. */
function firstOccurrences(scan: KafkaDayScan): Map<string, string> {
  const first = new Map<string, string>();
  for (const { partition, messages } of [...scan.partitions].sort((a, b) => a.partition - b.partition)) {
    for (const m of [...messages].sort((a, b) => a.offset - b.offset)) {
      for (const id of m.readingIds) if (!first.has(id)) first.set(id, `${partition}/${m.offset}`);
    }
  }
  return first;
}

function compareLake(partition: number, messages: readonly ScannedMessage[], files: readonly LakeFileSummary[]) {
  const byOffset = new Map(messages.map((m) => [m.offset, m]));
  const covered = (offset: number) => files.some((f) => offset >= f.firstOffset && offset <= f.lastOffset);
  const poison = new Set(messages.filter((m) => m.status === "poison" && !covered(m.offset)).map((m) => m.offset));
  const readingsIn = (from: number, to: number) =>
    sum(messages.filter((m) => m.offset >= from && m.offset <= to).map((m) => m.readingIds.length));
  const differences: SinkDifference[] = [];
  const missing = messages.filter((m) => m.status === "day" && !covered(m.offset)).map((m) => m.offset);
  for (const r of toOffsetRanges(missing, poison)) {
    differences.push({
      sink: "hdfs",
      kind: "missing",
      partition,
      ...r,
      expectedReadings: readingsIn(r.fromOffset, r.toOffset),
      actualReadings: 0,
    });
  }
  for (const file of files) {
    const extra: number[] = [];
    for (let o = file.firstOffset; o <= file.lastOffset; o += 1) {
      const status = byOffset.get(o)?.status;
      if (status !== "day" && status !== "poison") extra.push(o);
    }
    const expected = readingsIn(file.firstOffset, file.lastOffset);
    for (const r of toOffsetRanges(extra)) {
      differences.push({ sink: "hdfs", kind: "extra", partition, ...r, expectedReadings: 0, actualReadings: 0 });
    }
    if (extra.length === 0 && expected !== file.rows) {
      differences.push({
        sink: "hdfs",
        kind: "rows",
        partition,
        fromOffset: file.firstOffset,
        toOffset: file.lastOffset,
        expectedReadings: expected,
        actualReadings: file.rows,
      });
    }
  }
  return differences;
}

function comparePostgres(
  partition: number,
  messages: readonly ScannedMessage[],
  firstSeen: ReadonlyMap<string, string>,
  stored: readonly PostgresOffsetCount[],
): SinkDifference[] {
  const expected = new Map<number, number>();
  for (const m of messages) {
    // Distinct: two readings of one device in one second share an id, even within a message.
    const first = new Set(m.readingIds.filter((id) => firstSeen.get(id) === `${partition}/${m.offset}`)).size;
    if (first > 0) expected.set(m.offset, first);
  }
  const actual = new Map(stored.map((s) => [s.offset, s.readings]));
  const kinds = new Map<SinkDifference["kind"], number[]>([
    ["missing", []],
    ["extra", []],
    ["rows", []],
  ]);
  for (const offset of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(offset) ?? 0;
    const a = actual.get(offset) ?? 0;
    const kind = a === 0 ? "missing" : e === 0 ? "extra" : e !== a ? "rows" : undefined;
    if (kind) kinds.get(kind)!.push(offset);
  }
  // Offsets without first readings (duplicates only, poison, other days) do not split a range.
  const neutral = new Set(
    messages.filter((m) => !expected.has(m.offset) && !actual.has(m.offset)).map((m) => m.offset),
  );
  return [...kinds].flatMap(([kind, offsets]) =>
    toOffsetRanges(offsets, neutral).map((r) => ({
      sink: "postgres" as const,
      kind,
      partition,
      ...r,
      expectedReadings: sumRange(expected, r.fromOffset, r.toOffset),
      actualReadings: sumRange(actual, r.fromOffset, r.toOffset),
    })),
  );
}

/** Sink offsets of partitions Kafka did not return at all. */
function orphans(snapshot: SinkSnapshot): SinkDifference[] {
  const scanned = new Set(snapshot.kafka.partitions.map((p) => p.partition));
  const lake = snapshot.lakeFiles
    .filter((f) => !scanned.has(f.partition))
    .map((f) => ({
      sink: "hdfs" as const,
      kind: "extra" as const,
      partition: f.partition,
      fromOffset: f.firstOffset,
      toOffset: f.lastOffset,
      expectedReadings: 0,
      actualReadings: f.rows,
    }));
  const pg = [
    ...new Set(snapshot.postgresOffsets.filter((p) => !scanned.has(p.partition)).map((p) => p.partition)),
  ].flatMap((partition) => {
    const rows = snapshot.postgresOffsets.filter((p) => p.partition === partition);
    const counts = new Map(rows.map((r) => [r.offset, r.readings]));
    return toOffsetRanges(counts.keys()).map((r) => ({
      sink: "postgres" as const,
      kind: "extra" as const,
      partition,
      ...r,
      expectedReadings: 0,
      actualReadings: sumRange(counts, r.fromOffset, r.toOffset),
    }));
  });
  return [...lake, ...pg];
}

function lakePartitions(files: readonly LakeFileSummary[]): PartitionTotals[] {
  const partitions = [...new Set(files.map((f) => f.partition))].sort((a, b) => a - b);
  return partitions.map((partition) => {
    const own = files.filter((f) => f.partition === partition);
    return {
      partition,
      readings: sum(own.map((f) => f.rows)),
      messages: sum(own.map((f) => f.lastOffset - f.firstOffset + 1)),
      fromOffset: Math.min(...own.map((f) => f.firstOffset)),
      toOffset: Math.max(...own.map((f) => f.lastOffset)),
    };
  });
}

function totals(partition: number, day: readonly ScannedMessage[]): PartitionTotals {
  return {
    partition,
    readings: sum(day.map((m) => m.readingIds.length)),
    messages: day.length,
    fromOffset: day[0]!.offset,
    toOffset: day.at(-1)!.offset,
  };
}

function sumRange(counts: ReadonlyMap<number, number>, from: number, to: number): number {
  let total = 0;
  for (const [offset, n] of counts) if (offset >= from && offset <= to) total += n;
  return total;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
