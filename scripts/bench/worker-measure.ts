import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseLakeFileName } from "@/lib/lake/lake-file-name";
import { listLakeFiles } from "@/lib/lake/lake-hdfs";
import type { WebHdfsClient } from "@/lib/lake/webhdfs";
import type { PipelineNames } from "@/lib/pipeline/names";
import type { Worker } from "@/workers/run-worker";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds a plain kafkajs consumer (no work at all) takes to read the topic to its ends: the ceiling. */
export async function timePlainConsumer(kafka: Kafka, topic: string, ends: Map<number, number>): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-worker-plain-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const pending = new Set([...ends].filter(([, end]) => end > 0).map(([p]) => p));
  const started = performance.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (Number(batch.lastOffset()) + 1 >= (ends.get(batch.partition) ?? 0)) pending.delete(batch.partition);
        if (pending.size === 0) resolve();
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return seconds;
}

/** Seconds from start() until `caughtUp` says so, polled every 100 ms; the worker keeps running. */
export async function timeCatchUp(worker: Worker, caughtUp: () => Promise<boolean>, timeoutMs: number) {
  const started = performance.now();
  await worker.start();
  while (!(await caughtUp())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not caught up within ${timeoutMs} ms`);
    await sleep(100);
  }
  return (performance.now() - started) / 1000;
}

/** The lake's file names cover every offset below the ends. */
export function lakeCaughtUp(hdfs: WebHdfsClient, names: PipelineNames, ends: Map<number, number>) {
  return async () => {
    const landed = new Map<number, number>();
    for (const f of await listLakeFiles(hdfs, names.lake.readings).catch(() => [])) {
      const r = parseLakeFileName(f.name);
      if (r) landed.set(r.partition, Math.max(landed.get(r.partition) ?? 0, r.lastOffset + 1));
    }
    return [...ends].every(([p, end]) => (landed.get(p) ?? 0) >= end);
  };
}

/** PostgreSQL's consumer_offsets of the rollup reach every end. */
export function rollupCaughtUp(prisma: PrismaClient, names: PipelineNames, ends: Map<number, number>) {
  return async () => {
    const rows = await prisma.consumerOffset.findMany({
      where: { groupId: names.groups.rollup, topic: names.topics.readings },
    });
    const at = new Map(rows.map((r) => [r.partition, Number(r.offset)]));
    return [...ends].every(([p, end]) => end === 0 || (at.get(p) ?? 0) >= end);
  };
}
