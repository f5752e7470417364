import { describe, expect, it } from "vitest";
import { findCoverageProblems } from "@/lib/lake/partition-positions";
import type { ReadingsMessage } from "@/lib/readings/readings-message";
import { createWorker, type LakeWorker } from "@/workers/lake-writer";
import {
  cleanupAfterEach,
  endOffsets,
  eventually,
  lakeRanges,
  makeMessages,
  memoryLog,
  oneWorkout,
  produce,
  readLake,
  waitForLake,
} from "./lake-support";

const { setup, track } = cleanupAfterEach();

async function startWriter(namespace: string, options: Parameters<typeof createWorker>[0] = {}): Promise<LakeWorker> {
  const worker = createWorker({ namespace, heartbeats: false, log: memoryLog(), ...options });
  track(() => worker.stop());
  await worker.start();
  return worker;
}

/** What the lake should hold for some messages: one row per reading. */
const expectedRows = (messages: ReadingsMessage[]) =>
  messages.flatMap((m) =>
    m.readings.map((r) => ({
      reading_id: r.id,
      user_id: m.userId,
      device_id: m.deviceId,
      workout_id: m.workoutId,
      ts: new Date(r.ts),
      bpm: r.bpm,
      received_at: new Date(m.receivedAt),
    })),
  );

const byId = (a: { reading_id: unknown }, b: { reading_id: unknown }) =>
  String(a.reading_id).localeCompare(String(b.reading_id));

const LAKE_SCHEMA = [
  ["reading_id", "BYTE_ARRAY", { type: "STRING" }],
  ["user_id", "BYTE_ARRAY", { type: "STRING" }],
  ["device_id", "BYTE_ARRAY", { type: "STRING" }],
  ["workout_id", "BYTE_ARRAY", { type: "STRING" }],
  ["ts", "INT64", { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" }],
  ["bpm", "DOUBLE", undefined],
  ["received_at", "INT64", { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" }],
  ["kafka_partition", "INT32", undefined],
  ["kafka_offset", "INT64", undefined],
  ["external_id", "BYTE_ARRAY", { type: "STRING" }],
  ["request_id", "BYTE_ARRAY", { type: "STRING" }],
];

describe("lake writer: readings topic → Parquet files in HDFS", () => {
  it("given messages on 6 partitions on both sides of a UTC midnight, when landed, then files are named for their offset ranges, split by day, and hold exactly the readings in typed columns", async () => {
    const { namespace, names } = await setup("it-lake-files");
    const before = makeMessages(60, 5, Date.UTC(2025, 0, 31, 23, 59, 59, 999));
    // The same workouts (so the same partitions) just after midnight.
    const after = makeMessages(60, 5, Date.UTC(2025, 1, 1)).map((m, i) => ({ ...m, workoutId: before[i]!.workoutId }));
    await produce(names.topics.readings, before);
    await produce(names.topics.readings, after);

    await startWriter(namespace, { policy: { maxAgeMs: 500 } });
    await waitForLake(names);
    const files = await readLake(names);

    const ends = await endOffsets(names.topics.readings);
    expect(findCoverageProblems(files, new Map([...ends.keys()].map((p) => [p, 0])))).toEqual([]);
    const topicPattern = names.topics.readings.replace(/\./g, "\\.");
    for (const f of files) {
      expect(f.name).toMatch(new RegExp(`^${topicPattern}\\+[0-5]\\+\\d{10}\\+\\d{10}\\.parquet$`));
      expect(f.rows.every((r) => r.kafka_partition === f.partition)).toBe(true);
      const offsets = f.rows.map((r) => Number(r.kafka_offset));
      expect([Math.min(...offsets), Math.max(...offsets)]).toEqual([f.firstOffset, f.lastOffset]);
      expect(new Set(f.rows.map((r) => (r.received_at as Date).toISOString().slice(0, 10)))).toEqual(new Set([f.day]));
    }
    expect(new Set(files.map((f) => f.day))).toEqual(new Set(["2025-01-31", "2025-02-01"]));
    expect(new Set(files.map((f) => f.partition)).size).toBeGreaterThan(1);
    for (const f of files) {
      expect(f.metadata.schema.slice(1).map((e) => [e.name, e.type, e.logical_type])).toEqual(LAKE_SCHEMA);
      expect(new Set(f.metadata.row_groups[0]!.columns.map((c) => c.meta_data!.codec))).toEqual(new Set(["SNAPPY"]));
    }
    const landed = files
      .flatMap((f) => f.rows)
      .map(({ reading_id, user_id, device_id, workout_id, ts, bpm, received_at }) => {
        return { reading_id, user_id, device_id, workout_id, ts, bpm, received_at };
      });
    expect(landed.sort(byId)).toEqual(expectedRows([...before, ...after]).sort(byId));
  });

  it("given a buffer below every limit, when the reading limit is reached, then it flushes at once; the rest waits for stop()", async () => {
    const { namespace, names } = await setup("it-lake-count");
    await produce(names.topics.readings, oneWorkout(7, 5));
    const writer = await startWriter(namespace, { policy: { maxReadings: 10, maxAgeMs: 600_000 } });

    await eventually(async () => ((await lakeRanges(names)).length >= 3 ? true : undefined), "three files");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const byCount = (await readLake(names)).map((f) => [f.firstOffset, f.lastOffset, f.rows.length]);
    await writer.stop();
    const afterStop = (await readLake(names)).map((f) => [f.firstOffset, f.lastOffset, f.rows.length]);

    expect(byCount.sort()).toEqual([
      [0, 1, 10],
      [2, 3, 10],
      [4, 5, 10],
    ]);
    expect(afterStop.sort()).toEqual([...byCount, [6, 6, 5]].sort());
  });

  it("given a few readings and a 1 s age limit, when nothing else arrives, then they are in the lake within seconds", async () => {
    const { namespace, names } = await setup("it-lake-age");
    const writer = await startWriter(namespace, { policy: { maxAgeMs: 1_000 } });
    await eventually(async () => (writer.partitions().every((p) => p.landed !== null) ? true : undefined), "recovery");

    const started = Date.now();
    await produce(names.topics.readings, oneWorkout(2, 3));
    await waitForLake(names, 15_000);

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(writer.stats()).toMatchObject({ filesLanded: 1, readingsLanded: 6, messagesLanded: 2 });
  });
});
