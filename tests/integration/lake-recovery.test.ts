import { describe, expect, it } from "vitest";
import { formatTempFileName } from "@/lib/lake/lake-file-name";
import { findCoverageProblems } from "@/lib/lake/partition-positions";
import { createWorker, type LakeWorker } from "@/workers/lake-writer";
import {
  cleanupAfterEach,
  createLakeNamespace,
  eventually,
  hdfs,
  makeMessages,
  memoryLog,
  oneWorkout,
  produce,
  readingIds,
  readLake,
  waitForLake,
} from "./lake-support";

const { setup, track } = cleanupAfterEach();

async function startWriter(namespace: string, options: Parameters<typeof createWorker>[0] = {}) {
  const log = memoryLog();
  const worker: LakeWorker = createWorker({ namespace, heartbeats: false, log, policy: { maxAgeMs: 300 }, ...options });
  track(() => worker.stop());
  await worker.start();
  return { worker, log };
}

describe("lake writer: positions come from the lake", () => {
  it("given a writer stopped after landing, when a writer of a fresh consumer group starts, then it resumes from the lake's file names: nothing twice, nothing missing", async () => {
    const { namespace, names } = await setup("it-lake-restart");
    const first = makeMessages(120, 3);
    await produce(names.topics.readings, first);
    const { worker } = await startWriter(namespace);
    await waitForLake(names);
    await worker.stop();

    const second = makeMessages(90, 3);
    await produce(names.topics.readings, second);
    // A fresh group has no committed offsets: only the lake can say where to resume.
    const { worker: again } = await startWriter(namespace, { groupId: `${names.groups.lakeWriter}-fresh` });
    await waitForLake(names);
    const files = await readLake(names);

    expect(findCoverageProblems(files)).toEqual([]);
    const ids = files.flatMap((f) => f.rows.map((r) => String(r.reading_id)));
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(readingIds([...first, ...second])));
    expect(again.partitions().map((p) => p.partition)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("given temporary files a killed writer left, when a writer takes the partitions, then it deletes its topic's and leaves another topic's", async () => {
    const { namespace, names } = await setup("it-lake-stale");
    const range = { topic: names.topics.readings, partition: 2, firstOffset: 0, lastOffset: 9 };
    const stale = `${names.lake.tmp}/${formatTempFileName(range, "dead0001")}`;
    const foreign = `${names.lake.tmp}/${formatTempFileName({ ...range, topic: `${names.topics.readings}.x` }, "live0001")}`;
    await hdfs.mkdirs(names.lake.tmp);
    await hdfs.create(stale, new Uint8Array([1, 2, 3]));
    await hdfs.create(foreign, new Uint8Array([4]));

    const { log } = await startWriter(namespace);
    await waitForDeletion(stale);

    // The recovery line is logged once recovery has finished, a moment after the delete.
    const recovered = await eventually(
      async () => log.lines.find((l) => /stale temp files/.test(l)),
      "the writer's recovery line",
    );
    expect(await hdfs.exists(foreign)).toBe(true);
    expect(recovered).toMatch(/deleted 1 stale temp files/);
  });

  it("given poison messages among good ones, when landed, then they give no rows, are counted and logged, and their offsets are inside a file's range", async () => {
    const { namespace, names } = await setup("it-lake-poison");
    const good = oneWorkout(4, 2);
    await produce(names.topics.readings, good.slice(0, 2));
    const partition = (await readLakeAfter(namespace, names)).partition;
    await produce(names.topics.readings, [
      { partition, value: "{not json" },
      ...good.slice(2).map((m) => m),
      { partition, value: JSON.stringify({ v: 7 }) },
    ]);
    const { worker, log } = await startWriter(namespace, { groupId: `${names.groups.lakeWriter}-poison` });
    await waitForLake(names);
    const files = await readLake(names);

    expect(worker.stats().poisonMessages).toBe(2);
    expect(
      log.lines.filter((l) => /poison message .*@(2|5) skipped \((INVALID_JSON|UNKNOWN_VERSION)\)/.test(l)),
    ).toHaveLength(2);
    expect(files.map((f) => [f.partition, f.firstOffset, f.lastOffset])).toEqual([
      [partition, 0, 1],
      [partition, 2, 5],
    ]);
    expect(files.flatMap((f) => f.rows.map((r) => String(r.reading_id))).sort()).toEqual(readingIds(good).sort());
  });
});

/** Lands the first messages with a writer of its own and reports their partition. */
async function readLakeAfter(namespace: string, names: Awaited<ReturnType<typeof createLakeNamespace>>["names"]) {
  const { worker } = await startWriter(namespace);
  await waitForLake(names);
  await worker.stop();
  const [file] = await readLake(names);
  if (!file) throw new Error("nothing landed");
  return file;
}

async function waitForDeletion(path: string) {
  const deadline = Date.now() + 20_000;
  while (await hdfs.exists(path)) {
    if (Date.now() > deadline) throw new Error(`${path} still there`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
