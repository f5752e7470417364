import { afterAll, describe, expect, it } from "vitest";
import { findCoverageProblems } from "@/lib/lake/partition-positions";
import type { ReadingsMessage } from "@/lib/readings/readings-message";
import { createWorker } from "@/workers/lake-writer";
import {
  createLakeNamespace,
  makeMessages,
  memoryLog,
  PARTITIONS,
  produce,
  readingIds,
  readLake,
  waitForLake,
} from "../integration/lake-support";
import { startServices, stopServices } from "../integration/support/stack";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_READINGS = 2_000;

describe("lake writer: HDFS goes away and comes back", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    startServices(["hdfs"]);
    for (const cleanup of cleanups) await cleanup();
  });

  it("given messages arriving before, during and after a 30 s HDFS outage, when HDFS is back, then the writer catches up with every reading exactly once, having buffered no more than its limits", async () => {
    const { namespace, names, drop } = await createLakeNamespace("fault-lake-hdfs");
    cleanups.push(drop);
    const log = memoryLog(true);
    const writer = createWorker({
      namespace,
      heartbeats: false,
      log,
      policy: { maxReadings: MAX_READINGS, maxAgeMs: 500 },
    });
    await writer.start();
    const produced: ReadingsMessage[] = [];
    let producing = true;
    const producer = (async () => {
      while (producing) {
        const batch = makeMessages(20, 10);
        await produce(names.topics.readings, batch);
        produced.push(...batch);
        await sleep(250);
      }
    })();
    let maxBuffered = 0;
    const sampler = setInterval(() => {
      maxBuffered = Math.max(
        maxBuffered,
        writer.partitions().reduce((n, p) => n + p.buffered, 0),
      );
    }, 100);

    try {
      await sleep(5_000);
      stopServices(["hdfs"]);
      const down = Date.now();
      await sleep(30_000);
      const landedWhileDown = writer.stats().filesLanded;
      await sleep(1_000);
      expect(writer.stats().filesLanded).toBe(landedWhileDown);
      startServices(["hdfs"]);
      const outage = Date.now() - down;
      await sleep(3_000);
      producing = false;
      await producer;
      const caughtUp = Date.now();
      await waitForLake(names, 90_000);
      const lag = Date.now() - caughtUp;
      console.log(`outage ${outage} ms; caught up ${lag} ms after the last message; buffered ${maxBuffered} at most`);
    } finally {
      producing = false;
      clearInterval(sampler);
      await writer.stop();
    }
    const files = await readLake(names);

    expect(writer.stats().flushRetries).toBeGreaterThan(0);
    expect(writer.stats().abandonedFlushes).toBe(0);
    expect(maxBuffered).toBeLessThanOrEqual(PARTITIONS * MAX_READINGS);
    expect(findCoverageProblems(files)).toEqual([]);
    const ids = files.flatMap((f) => f.rows.map((r) => String(r.reading_id)));
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(readingIds(produced)));
  }, 170_000);
});
