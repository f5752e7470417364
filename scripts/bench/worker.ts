/**
 * The workers' throughput and freshness, on the real stack:
 *
 *   npm run bench:worker [-- --readings 1000000 --freshness-seconds 20 --rate 10000]
 *
 * Pre-fills a topic of its own namespace with N readings (20 a message, over
 * 200 workouts in PostgreSQL), then times a plain kafkajs consumer reading it
 * (the ceiling), the lake writer landing it and the rollup applying it, each
 * from start until caught up (the lake writer with a 1 s flush age). With both workers running it then offers a
 * steady load and measures message produced → visible in the workout summary.
 * Removes its topics, lake directories and rows at the end.
 */
import { parseArgs } from "node:util";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/prisma";
import { createKafka } from "@/lib/kafka/client";
import { consoleLakeLog } from "@/lib/lake/lake-log";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import { pipelineNames } from "@/lib/pipeline/names";
import { createWorker as createLakeWorker } from "@/workers/lake-writer";
import { createWorker as createRollupWorker } from "@/workers/rollup";
import { measureFreshness } from "./worker-freshness";
import { lakeCaughtUp, rollupCaughtUp, timeCatchUp, timePlainConsumer } from "./worker-measure";
import { formatWorkerBenchTable, WORKER_TARGETS } from "./worker-report";
import { cleanUpBench, createBenchTopics, createBenchWorkouts, fillTopic, type BenchWorkout } from "./worker-setup";

const { values } = parseArgs({
  options: {
    readings: { type: "string", default: "1000000" },
    "per-message": { type: "string", default: "20" },
    workouts: { type: "string", default: "200" },
    rate: { type: "string", default: "10000" },
    "freshness-seconds": { type: "string", default: "20" },
  },
});
const READINGS = Number(values.readings);
const PER_MESSAGE = Number(values["per-message"]);
const config = getConfig();
const kafka = createKafka({ clientId: "heartlake-bench-worker" });
const hdfs = createWebHdfsClient({ baseUrl: config.WEBHDFS_URL, user: config.HDFS_USER });
const prisma = getPrisma();

async function main(): Promise<boolean> {
  const namespace = `bench-worker-${Date.now().toString(36)}`;
  const names = pipelineNames(namespace);
  const workouts: BenchWorkout[] = [];
  // A 1 s flush age: with the default 30 s the last partial buffers would wait, and the time measured would be the age.
  const lake = createLakeWorker({
    namespace,
    heartbeats: false,
    policy: { maxAgeMs: 1_000 },
    log: consoleLakeLog("lake-writer", "warn"),
  });
  const rollup = createRollupWorker({ namespace, statsIntervalMs: 3_600_000 });
  try {
    await createBenchTopics(kafka, names, config.KAFKA_READINGS_PARTITIONS);
    const start = Date.now() - 6 * 3_600_000;
    workouts.push(...(await createBenchWorkouts(prisma, Number(values.workouts), start)));
    console.log(`filling ${names.topics.readings} with ${READINGS.toLocaleString("en")} readings…`);
    const ends = await fillTopic(kafka, names.topics.readings, workouts, READINGS, PER_MESSAGE);
    const readings = Math.ceil(READINGS / PER_MESSAGE) * PER_MESSAGE;
    const plain = await timePlainConsumer(kafka, names.topics.readings, ends);
    console.log(`plain consumer: ${plain.toFixed(2)} s; lake writer…`);
    const lakeSeconds = await timeCatchUp(lake, lakeCaughtUp(hdfs, names, ends), 600_000);
    console.log(`lake writer: ${lakeSeconds.toFixed(2)} s; rollup…`);
    const rollupSeconds = await timeCatchUp(rollup, rollupCaughtUp(prisma, names, ends), 600_000);
    console.log(`rollup: ${rollupSeconds.toFixed(2)} s; freshness under steady load…`);
    // In production the workers are processes of their own; here they share one
    // event loop, and the lake writer's Parquet encoding would stall the rollup.
    await lake.stop();
    const freshness = await measureFreshness({
      kafka,
      prisma,
      topic: names.topics.readings,
      workouts,
      readingsPerSecond: Number(values.rate),
      seconds: Number(values["freshness-seconds"]),
      perMessage: PER_MESSAGE,
    });
    const figures = {
      readings,
      plainReadingsPerSecond: readings / plain,
      lakeReadingsPerSecond: readings / lakeSeconds,
      rollupReadingsPerSecond: readings / rollupSeconds,
      freshness,
    };
    console.log(formatWorkerBenchTable(figures));
    return (
      figures.lakeReadingsPerSecond >= WORKER_TARGETS.lakeReadingsPerSecond &&
      figures.rollupReadingsPerSecond >= WORKER_TARGETS.rollupReadingsPerSecond &&
      freshness.p95Ms < WORKER_TARGETS.freshnessP95Ms
    );
  } finally {
    await lake.stop();
    await rollup.stop();
    await cleanUpBench({ kafka, hdfs, prisma }, names, workouts);
  }
}

const passed = await main();
await prisma.$disconnect();
process.exit(passed ? 0 : 1);
