import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { listLakeDayInventory } from "@/lib/lake/lake-inventory";
import { findCoverageProblems } from "@/lib/lake/partition-positions";
import { createWorker, type LakeWorker } from "@/workers/lake-writer";
import {
  cleanupAfterEach,
  eventually,
  hdfs,
  makeMessages,
  memoryLog,
  produce,
  readingIds,
  readLake,
  waitForLake,
} from "./lake-support";

const { setup, track } = cleanupAfterEach();

async function startWriter(namespace: string, options: Parameters<typeof createWorker>[0] = {}) {
  const worker: LakeWorker = createWorker({ namespace, log: memoryLog(), policy: { maxAgeMs: 300 }, ...options });
  track(() => worker.stop());
  await worker.start();
  return worker;
}

const held = (w: LakeWorker) => w.partitions().map((p) => p.partition);

describe("lake writer: a consumer group of writers", () => {
  it("given two instances, when both run, then they split the 6 partitions, heartbeat them, and land every offset once", async () => {
    const { namespace, names } = await setup("it-lake-group");
    const first = await startWriter(namespace);
    await eventually(async () => (held(first).length === 6 ? true : undefined), "first instance holds all");
    const early = makeMessages(150, 4);
    await produce(names.topics.readings, early);

    const second = await startWriter(namespace);
    await eventually(async () => (held(first).length === 3 && held(second).length === 3 ? true : undefined), "split");
    const late = makeMessages(150, 4);
    await produce(names.topics.readings, late);
    await waitForLake(names);
    const files = await readLake(names);
    const rows = await getPrisma().workerHeartbeat.findMany({ where: { consumerGroup: names.groups.lakeWriter } });

    expect([...held(first), ...held(second)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.partitions.length).sort()).toEqual([3, 3]);
    expect(rows.flatMap((r) => r.partitions).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(findCoverageProblems(files)).toEqual([]);
    const ids = files.flatMap((f) => f.rows.map((r) => String(r.reading_id)));
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(readingIds([...early, ...late])));
    expect(first.stats().readingsLanded + second.stats().readingsLanded).toBe(ids.length);
  });

  it("given landed files of a day, when inventoried, then each file's partition, offsets, rows (from its footer) and bytes are listed", async () => {
    const { namespace, names } = await setup("it-lake-inventory");
    const messages = makeMessages(40, 3, Date.UTC(2025, 5, 1, 12));
    await produce(names.topics.readings, messages);
    await startWriter(namespace, { heartbeats: false });
    await waitForLake(names);

    const inventory = await listLakeDayInventory(hdfs, names.lake.readings, "2025-06-01");
    const files = await readLake(names);

    expect(inventory.reduce((n, f) => n + f.rows, 0)).toBe(readingIds(messages).length);
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const f of inventory) {
      const read = byName.get(f.name)!;
      expect(f).toMatchObject({
        partition: read.partition,
        firstOffset: read.firstOffset,
        lastOffset: read.lastOffset,
      });
      expect(f.rows).toBe(read.rows.length);
      expect(f.bytes).toBeGreaterThan(0);
    }
    expect(await listLakeDayInventory(hdfs, names.lake.readings, "2025-06-02")).toEqual([]);
  });
});

describe("lake writer: revocation", () => {
  it("given an instance with buffered readings and traffic flowing, when a second instance joins, then nothing is lost or doubled, and buffers are landed before rejoining or read again", async () => {
    const { namespace, names } = await setup("it-lake-revoke");
    const firstLog = memoryLog();
    const policy = { maxAgeMs: 120_000 };
    const first = await startWriter(namespace, { log: firstLog, policy, heartbeats: false, heartbeatIntervalMs: 500 });
    await eventually(async () => (held(first).length === 6 ? true : undefined), "joined");
    const produced: ReturnType<typeof makeMessages> = [];
    let producing = true;
    const traffic = (async () => {
      while (producing) {
        const batch = makeMessages(12, 2);
        await produce(names.topics.readings, batch);
        produced.push(...batch);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await eventually(async () => (first.partitions().every((p) => p.buffered > 0) ? true : undefined), "buffered");

    const second = await startWriter(namespace, { policy, heartbeats: false, heartbeatIntervalMs: 500 });
    await eventually(async () => (held(first).length === 3 && held(second).length === 3 ? true : undefined), "split");
    producing = false;
    await traffic;
    await first.stop();
    await second.stop();
    // What was still in Kafka, unread, when they stopped: a third lands it.
    await startWriter(namespace, { heartbeats: false });
    await waitForLake(names);
    const files = await readLake(names);

    expect(firstLog.lines.some((l) => /revocation: landed the buffers of partitions/.test(l))).toBe(true);
    expect(findCoverageProblems(files)).toEqual([]);
    const ids = files.flatMap((f) => f.rows.map((r) => String(r.reading_id)));
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(readingIds(produced)));
  });
});
