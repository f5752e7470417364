import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listOrEmpty } from "@/lib/lake/lake-hdfs";
import { findCoverageProblems } from "@/lib/lake/partition-positions";
import type { ReadingsMessage } from "@/lib/readings/readings-message";
import {
  createLakeNamespace,
  endOffsets,
  hdfs,
  makeMessages,
  produce,
  readingIds,
  readLake,
  waitForLake,
} from "../integration/lake-support";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const KILLS = 6;
const TOTAL_READINGS = 300_000;
const PER_MESSAGE = 20;

/** The worker as its own process, as `npm run worker:lake` runs it (one process: kill -9 hits it alone). */
function spawnWriter(namespace: string, output: string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/lake-writer/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PIPELINE_NAMESPACE: namespace,
      LAKE_FLUSH_MAX_READINGS: "5000",
      LAKE_FLUSH_MAX_AGE_MS: "500",
      // A killed member holds its partitions until its session expires.
      LAKE_KAFKA_SESSION_TIMEOUT_MS: "6000",
      LAKE_KAFKA_HEARTBEAT_INTERVAL_MS: "1000",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  return child;
}

async function waitForLine(lines: string[], pattern: RegExp, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!lines.some((l) => pattern.test(l))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

function terminate(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

/** The writers' own account of each take-over: positions and stale temp files deleted. */
const recoveries = (output: string[]) =>
  output
    .join("")
    .split("\n")
    .filter((l) => /recovered from|abandoned|stopped:/.test(l))
    .join("\n");

describe("lake writer: killed with SIGKILL again and again", () => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of children) await killHard(c);
    for (const cleanup of cleanups) await cleanup();
  });

  it(`given ${TOTAL_READINGS} readings streaming in, when the writer is killed -9 ${KILLS} times at random moments and restarted, then the lake holds each offset exactly once and exactly the readings`, async () => {
    const { namespace, names, drop } = await createLakeNamespace("fault-lake-crash");
    cleanups.push(drop);
    const output: string[] = [];
    const produced: ReadingsMessage[] = [];
    const producer = (async () => {
      // About 6,000 readings a second, for a little under a minute.
      while (produced.length * PER_MESSAGE < TOTAL_READINGS) {
        const batch = makeMessages(150, PER_MESSAGE);
        await produce(names.topics.readings, batch);
        produced.push(...batch);
        await sleep(400);
      }
    })();

    const kills: string[] = [];
    const started = Date.now();
    for (let i = 0; i < KILLS; i += 1) {
      const lines: string[] = [];
      const child = spawnWriter(namespace, lines);
      children.push(child);
      // Every other kill during start-up (group join, recovery), the others
      // while it catches up on the backlog its predecessor's death left.
      const joined = i % 2 === 1 && (await waitForLine(lines, /recovered from/, 20_000));
      const after = joined ? Math.floor(Math.random() * 2_500) : 500 + Math.floor(Math.random() * 4_000);
      await sleep(after);
      await killHard(child);
      output.push(...lines);
      kills.push(`${joined ? "after recovery" : "after spawn"} +${after} ms`);
    }
    await producer;
    const last = spawnWriter(namespace, output);
    children.push(last);
    await waitForLake(names, 100_000);
    const exitCode = await terminate(last);
    const elapsed = Date.now() - started;

    const files = await readLake(names);
    const ends = await endOffsets(names.topics.readings);
    const leftovers = (await listOrEmpty(hdfs, names.lake.tmp)).map((f) => f.pathSuffix);
    console.log(
      `kills: ${kills.join("; ")}\n${files.length} files, ${elapsed} ms in all; recoveries:\n${recoveries(output)}`,
    );

    expect(exitCode).toBe(0);
    expect(findCoverageProblems(files, new Map([...ends.keys()].map((p) => [p, 0])))).toEqual([]);
    for (const [partition, end] of ends) {
      expect(Math.max(...files.filter((f) => f.partition === partition).map((f) => f.lastOffset)) + 1).toBe(end);
    }
    for (const f of files) {
      const offsets = f.rows.map((r) => Number(r.kafka_offset));
      expect(offsets.every((o) => o >= f.firstOffset && o <= f.lastOffset)).toBe(true);
    }
    const ids = files.flatMap((f) => f.rows.map((r) => String(r.reading_id)));
    expect(ids.length).toBe(TOTAL_READINGS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(readingIds(produced)));
    expect(leftovers).toEqual([]);
  }, 178_000);
});
