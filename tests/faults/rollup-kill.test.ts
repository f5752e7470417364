import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { pipelineNames } from "@/lib/pipeline/names";
import {
  firstPerDeviceSecond,
  percentOfMax,
  referenceWorkout,
  type SentReading,
} from "../integration/rollup-reference";
import {
  createAthlete,
  createRollupNamespace,
  generateSession,
  produce,
  readStoredWorkout,
  readTopic,
  seeded,
  toMessages,
  waitUntilApplied,
  type Athlete,
} from "../integration/rollup-support";

const ROOT = path.resolve(import.meta.dirname, "../..");
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 6 * 3_600_000;
const BOUNDS = { moderate: percentOfMax(64, 185), high: percentOfMax(77, 185) };
const WORKOUTS = 50;
const READINGS_PER_WORKOUT = 10_000;
const POISON = 24;
const KILLS = 8;
const prisma = getPrisma();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker process as an operator starts it; its own process group, so kill -9 reaches tsx's child too. */
function spawnWorker(namespace: string, output: string[]): ChildProcess {
  const child = spawn("npx", ["tsx", "workers/rollup/index.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // The broker's minimum session, so a killed instance's partitions move on
    // quickly; small batches, so more kills land inside a transaction.
    env: {
      ...process.env,
      PIPELINE_NAMESPACE: namespace,
      ROLLUP_KAFKA_SESSION_TIMEOUT_MS: "6000",
      ROLLUP_FETCH_MAX_BYTES: String(256 * 1024),
    },
  });
  const record = (chunk: Buffer) => {
    const time = new Date().toISOString().slice(11, 23);
    for (const line of chunk.toString().split("\n")) {
      if (line && !line.startsWith("npm warn")) output.push(`${time} [${child.pid}] ${line}\n`);
    }
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

/** The worker itself (tsx's child node process), once it has started: SIGTERM must reach it exactly once. */
async function startedWorkerPid(child: ChildProcess, output: string[]): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ps = spawnSync("ps", ["-o", "pid=,args=", "-g", String(child.pid)], { encoding: "utf8" });
    const line = ps.stdout.split("\n").find((l) => l.includes("loader.mjs") && l.includes("workers/rollup/index.ts"));
    const started = output.some((o) => o.includes(`[${child.pid}] [rollup] started`));
    if (line && started) return Number(line.trim().split(/\s+/)[0]);
    if (Date.now() > deadline) throw new Error(`worker of group ${child.pid} did not start:\n${output.join("")}`);
    await sleep(100);
  }
}

/** Waits for the next commit (the stored offsets move), then runs `then`. */
async function untilProgress(groupId: string, output: string[], then: () => Promise<unknown>) {
  const before = await appliedOffsets(groupId);
  const deadline = Date.now() + 30_000;
  while ((await appliedOffsets(groupId)) === before) {
    if (Date.now() > deadline) throw new Error(`worker made no progress:\n${output.join("")}\n${await activity()}`);
    await sleep(50);
  }
  await then();
}

async function appliedOffsets(groupId: string): Promise<number> {
  const rows = await prisma.consumerOffset.findMany({ where: { groupId } });
  return rows.reduce((sum, r) => sum + Number(r.offset), 0);
}

/** What PostgreSQL is doing, for the failure message when a worker makes no progress. */
async function activity(): Promise<string> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT pid, state, wait_event_type, wait_event, (now() - xact_start)::text AS xact, left(query, 60) AS query
    FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return rows.map((r) => JSON.stringify(r)).join("\n");
}

describe("rollup worker killed with SIGKILL", () => {
  let ns: Awaited<ReturnType<typeof createRollupNamespace>> | undefined;
  const output: string[] = [];
  let current: ChildProcess | undefined;
  afterAll(async () => {
    if (current?.pid && current.exitCode === null) process.kill(-current.pid, "SIGKILL");
    await ns?.drop();
  });

  it(`given a worker process killed -9 at random moments ${KILLS} times mid-run and restarted each time, when it finally drains the topic, then PostgreSQL equals the reference exactly`, async () => {
    ns = await createRollupNamespace(4);
    const groupId = pipelineNames(ns.namespace).groups.rollup;
    const rand = seeded(Date.now());
    const athletes: Athlete[] = [];
    const sent: SentReading[][] = [];
    for (let i = 0; i < WORKOUTS; i += 1) {
      athletes.push(await createAthlete({ maxHr: 185 }, new Date(T0)));
      sent.push(generateSession(rand, athletes[i]!.deviceId, T0, READINGS_PER_WORKOUT, [BOUNDS.moderate, BOUNDS.high]));
    }
    const messages = athletes.flatMap((a, i) => toMessages(a, sent[i]!, rand));
    for (let p = 0; p < POISON; p += 1) {
      messages.splice(Math.floor(rand() * messages.length), 0, { key: `poison-${p}`, value: `{"v":1,"poison":${p}}` });
    }
    await produce(ns.names.topics.readings, messages);
    const total = messages.length;

    const killedMidRun: number[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      current = spawnWorker(ns.namespace, output);
      // Half the kills at any moment of a start (loading, joining, seeking,
      // first batch), half within 600 ms of its first commit (mid-batch).
      if (k % 2 === 0) await sleep(Math.floor(rand() * 4_000));
      else await untilProgress(groupId, output, () => sleep(Math.floor(rand() * 600)));
      const at = await appliedOffsets(groupId);
      process.kill(-current.pid!, "SIGKILL");
      output.push(`${new Date().toISOString().slice(11, 23)} kill -9 ${current.pid} at applied offset ${at}\n`);
      await exited(current);
      if (at < total) killedMidRun.push(at);
    }
    current = spawnWorker(ns.namespace, output);
    await waitUntilApplied(groupId, ns.names.topics.readings, 90_000);
    process.kill(await startedWorkerPid(current, output), "SIGTERM");
    const code = await exited(current);

    expect(killedMidRun, output.join("")).toHaveLength(KILLS);
    expect(code, output.join("")).toBe(0);
    for (const [i, athlete] of athletes.entries()) {
      expect(await readStoredWorkout(athlete.workoutId)).toEqual(
        referenceWorkout(firstPerDeviceSecond(sent[i]!), BOUNDS),
      );
    }
    const distinct = sent.reduce((sum, s) => sum + firstPerDeviceSecond(s).length, 0);
    expect(await prisma.reading.count({ where: { workoutId: { in: athletes.map((a) => a.workoutId) } } })).toBe(
      distinct,
    );
    expect(await prisma.deadLetter.count({ where: { consumerGroup: groupId } })).toBe(POISON);
    // The DLQ topic is at least once (published before the commit a kill may prevent); dead_letters exactly once.
    const dlq = await readTopic(ns.names.topics.readingsDlq);
    expect(
      new Set(
        dlq.map(
          (m) => `${String(m.headers?.["x-dlq-source-partition"])}/${String(m.headers?.["x-dlq-source-offset"])}`,
        ),
      ).size,
    ).toBe(POISON);
    console.log(`[rollup-kill] killed at applied offsets ${killedMidRun.join(", ")} of ${total} records`);
  }, 180_000);
});
