import { afterEach } from "vitest";
import { randomUUID } from "node:crypto";
import { parquetMetadata, parquetReadObjects, type FileMetaData } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { Partitioners } from "kafkajs";
import { getConfig } from "@/lib/config";
import { createKafka } from "@/lib/kafka/client";
import { parseLakeFileName, type LakeFileRange } from "@/lib/lake/lake-file-name";
import { listLakeFiles } from "@/lib/lake/lake-hdfs";
import type { LakeLog } from "@/lib/lake/lake-log";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import { pipelineNames, type PipelineNames } from "@/lib/pipeline/names";
import { createReadingsMessage, encodeReadingsMessage, type ReadingsMessage } from "@/lib/readings/readings-message";
import { uniqueName } from "./support/ids";

/** Helpers shared by the lake writer's integration and fault tests. */

const config = getConfig();
export const kafka = createKafka({ clientId: "heartlake-lake-test" });
export const hdfs = createWebHdfsClient({ baseUrl: config.WEBHDFS_URL, user: config.HDFS_USER });
export const PARTITIONS = 6;

/** A namespace of its own (topic with 6 partitions, group, lake paths); `drop` removes all of it. */
export async function createLakeNamespace(prefix: string) {
  const namespace = uniqueName(prefix).replace(/[^\w-]/g, "_");
  const names = pipelineNames(namespace);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic: names.topics.readings, numPartitions: PARTITIONS }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  const drop = async () => {
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics: [names.topics.readings] }).catch(() => undefined);
    await cleanup.disconnect();
    await hdfs.delete(names.lake.readings, { recursive: true }).catch(() => undefined);
    await hdfs.delete(names.lake.tmp, { recursive: true }).catch(() => undefined);
  };
  return { namespace, names, drop };
}

/** `count` messages of `perMessage` readings, each of its own workout (so they spread over partitions). */
export function makeMessages(count: number, perMessage: number, receivedAt = Date.now()): ReadingsMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const start = receivedAt - 3_600_000 + i * perMessage * 1000;
    const readings = Array.from({ length: perMessage }, (_, j) => ({
      ts: start + j * 1000,
      bpm: 60 + ((i + j) % 120) + 0.5,
    }));
    return createReadingsMessage(
      { userId: `user-${i % 7}`, deviceId: `device-${randomUUID()}`, workoutId: randomUUID(), receivedAt },
      readings,
    );
  });
}

/** Produces messages keyed by workout (as the API does), or raw values to a given partition. */
export async function produce(topic: string, messages: (ReadingsMessage | { partition: number; value: string })[]) {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 2_000) {
      await producer.send({
        topic,
        acks: -1,
        messages: messages
          .slice(i, i + 2_000)
          .map((m) =>
            "v" in m
              ? { key: m.workoutId, value: encodeReadingsMessage(m) }
              : { partition: m.partition, value: m.value },
          ),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** The topic's end offset per partition. */
export async function endOffsets(topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

export interface LakeFileRead extends LakeFileRange {
  day: string;
  name: string;
  metadata: FileMetaData;
  rows: Record<string, unknown>[];
}

/** Every file of the namespace's table, read back with hyparquet (not the writer's library). */
export async function readLake(names: PipelineNames): Promise<LakeFileRead[]> {
  const files = await listLakeFiles(hdfs, names.lake.readings);
  return Promise.all(
    files.map(async (f) => {
      const range = parseLakeFileName(f.name);
      if (!range) throw new Error(`not a lake file name: ${f.path}`);
      const bytes = await hdfs.open(f.path);
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const rows = await parquetReadObjects({ file, compressors, rowFormat: "object" });
      return { ...range, day: f.day, name: f.name, metadata: parquetMetadata(file), rows };
    }),
  );
}

/** Lake files of the namespace's table (names only: cheap to poll). */
export async function lakeRanges(names: PipelineNames): Promise<LakeFileRange[]> {
  const files = await listLakeFiles(hdfs, names.lake.readings);
  return files.flatMap((f) => parseLakeFileName(f.name) ?? []);
}

/** Polls until every offset below the topic's end is in some lake file (or the time is up). */
export async function waitForLake(names: PipelineNames, timeoutMs = 60_000): Promise<LakeFileRange[]> {
  const ends = await endOffsets(names.topics.readings);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ranges = await lakeRanges(names);
    const landed = new Map<number, number>();
    for (const r of ranges) landed.set(r.partition, Math.max(landed.get(r.partition) ?? 0, r.lastOffset + 1));
    if ([...ends].every(([p, end]) => (landed.get(p) ?? 0) >= end)) return ranges;
    if (Date.now() > deadline) {
      throw new Error(
        `lake still behind after ${timeoutMs} ms: landed ${JSON.stringify([...landed])}, ends ${JSON.stringify([...ends])}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls `check` until it returns something other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Messages that all go to one partition (one workout), `perMessage` readings each. */
export function oneWorkout(count: number, perMessage: number, receivedAt = Date.now()): ReadingsMessage[] {
  const messages = makeMessages(count, perMessage, receivedAt);
  return messages.map((m) => ({ ...m, workoutId: messages[0]!.workoutId }));
}

/** Every reading id of some messages. */
export const readingIds = (messages: ReadingsMessage[]) => messages.flatMap((m) => m.readings.map((r) => r.id));

/** A log that keeps its lines, to assert on what the writer said. */
export function memoryLog(echo = false): LakeLog & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (m: string) => {
    lines.push(`${level} ${m}`);
    if (echo) console.log(`[lake-writer] ${level} ${m}`);
  };
  return { lines, info: keep("info"), warn: keep("warn"), error: keep("error") };
}

/**
 * Cleanups a test registers (namespaces, workers), run newest first after
 * each test; `setup` creates a lake namespace that is dropped that way.
 */
export function cleanupAfterEach() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    track: (cleanup: () => Promise<void>) => cleanups.push(cleanup),
    async setup(prefix: string) {
      const ns = await createLakeNamespace(prefix);
      cleanups.push(ns.drop);
      return ns;
    },
  };
}
