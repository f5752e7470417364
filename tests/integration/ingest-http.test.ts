import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { countAccepted } from "@/lib/ingest/ingest-counts";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { readingId } from "@/lib/readings/reading-id";
import { endWorkout, postReadings, startWorkout } from "./support/api";
import { pairDevice } from "./support/devices";
import { readDeviceMessages, readingsEndOffsets } from "./support/readings-topic";

// One anchor per file: two calls a second boundary apart must agree.
const anchor = Math.floor(Date.now() / 1000) * 1000;
const secondsAgo = (s: number) => anchor - s * 1000;

describe("POST /api/v1/readings against real Kafka and PostgreSQL", () => {
  afterAll(() => closeIngestRuntime());

  it("given one reading, when posted, then 202 and one message keyed by its workout carries user, device, workout and a deterministic reading id", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();
    const ts = secondsAgo(30);

    const res = await postReadings(watch.token, { ts, bpm: 128 }, "application/json", { "x-request-id": "req-one" });

    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(1);
    const [sent, ...rest] = await readDeviceMessages(from, watch.deviceId);
    expect(rest).toEqual([]);
    expect(sent?.key).toBe(sent?.message.workoutId);
    expect(sent?.headers["x-request-id"]).toBe("req-one");
    expect(sent?.message).toMatchObject({
      v: 1,
      userId: watch.userId,
      deviceId: watch.deviceId,
      requestId: "req-one",
      readings: [{ id: readingId(watch.deviceId, ts), ts, bpm: 128 }],
    });
    expect(res.body.workoutIds).toEqual([sent?.message.workoutId]);
  });

  it("given a batch with ISO and epoch timestamps, when posted, then all readings go out in one message of one workout", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();
    const readings = [
      { ts: new Date(secondsAgo(20)).toISOString(), bpm: 100 },
      { ts: secondsAgo(19), bpm: 101.5 },
      { ts: secondsAgo(18), bpm: 102 },
    ];

    const res = await postReadings(watch.token, { readings });

    expect(res).toMatchObject({ status: 202, body: { accepted: 3 } });
    const messages = await readDeviceMessages(from, watch.deviceId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message.readings.map((r) => [r.ts, r.bpm])).toEqual([
      [secondsAgo(20), 100],
      [secondsAgo(19), 101.5],
      [secondsAgo(18), 102],
    ]);
  });

  it("given NDJSON, when posted, then every line is a reading", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();
    const lines = [0, 1, 2, 3].map((i) => JSON.stringify({ ts: secondsAgo(40 - i), bpm: 90 + i })).join("\n");

    const res = await postReadings(watch.token, `${lines}\n`, "application/x-ndjson");

    expect(res).toMatchObject({ status: 202, body: { accepted: 4 } });
    const [message] = await readDeviceMessages(from, watch.deviceId);
    expect(message?.message.readings.map((r) => r.bpm)).toEqual([90, 91, 92, 93]);
  });

  it("given the legacy watch payload from a watch in Berlin, when posted, then createdAt is read in Berlin time and playerId kept", async () => {
    const watch = await pairDevice({ timeZone: "Europe/Berlin" });
    const from = await readingsEndOffsets();
    // Sweden's locale writes "YYYY-MM-DD HH:MM:SS": Berlin's wall clock for that instant.
    const wall = new Date(secondsAgo(60)).toLocaleString("sv-SE", { timeZone: "Europe/Berlin" });
    const createdAt = [...wall.split(/[- :]/).map(Number), 250_000_000];

    const res = await postReadings(watch.token, { playerId: "p-17", heartbeat: 128.0, createdAt });

    expect(res).toMatchObject({ status: 202, body: { accepted: 1 } });
    const [message] = await readDeviceMessages(from, watch.deviceId);
    expect(message?.message.readings).toEqual([
      { id: readingId(watch.deviceId, secondsAgo(60) + 250), ts: secondsAgo(60) + 250, bpm: 128, externalId: "p-17" },
    ]);
  });

  it("given a rejected batch, when posted, then nothing of it reaches Kafka", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();

    const res = await postReadings(watch.token, {
      readings: [
        { ts: secondsAgo(5), bpm: 120 },
        { ts: secondsAgo(4), bpm: 300 },
      ],
    });

    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ index: 1, field: "bpm" })]);
    expect(await readDeviceMessages(from, watch.deviceId)).toEqual([]);
  });
});

describe("watch identity", () => {
  afterAll(() => closeIngestRuntime());

  it.each([
    ["no token", undefined, "MISSING_TOKEN"],
    ["an unknown token", "hl_dev_not-a-real-token", "INVALID_TOKEN"],
  ])("given %s, when readings are posted, then 401 with its code", async (_, token, code) => {
    const res = await postReadings(token, { ts: secondsAgo(5), bpm: 120 });

    expect(res).toMatchObject({ status: 401, body: { code } });
  });

  it("given a revoked token, when the watch posts right after, then it gets 401 TOKEN_REVOKED", async () => {
    const watch = await pairDevice();
    expect((await postReadings(watch.token, { ts: secondsAgo(5), bpm: 120 })).status).toBe(202);

    await getPrisma().device.update({ where: { id: watch.deviceId }, data: { revokedAt: new Date() } });

    expect(await postReadings(watch.token, { ts: secondsAgo(4), bpm: 120 })).toMatchObject({
      status: 401,
      body: { code: "TOKEN_REVOKED" },
    });
  });

  it("given a watch bursting requests, when it exceeds its allowance, then it gets 429 with Retry-After", async () => {
    const watch = await pairDevice();
    const statuses: number[] = [];
    let retryAfter: string | null = null;

    for (let i = 0; i < 70; i += 1) {
      const res = await postReadings(watch.token, "{", "application/json");
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }

    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("workouts", () => {
  afterAll(() => closeIngestRuntime());

  it("given a started workout, when readings name it and it is ended, then messages are keyed by it and it is ENDED", async () => {
    const watch = await pairDevice();
    const started = await startWorkout(watch.token, { sport: "Running", clientId: "w-1" });
    const again = await startWorkout(watch.token, { sport: "Running", clientId: "w-1" });
    const id = String(started.body.id);
    const from = await readingsEndOffsets();

    const posted = await postReadings(watch.token, { readings: [{ ts: secondsAgo(3), bpm: 140, workoutId: id }] });
    const ended = await endWorkout(watch.token, id);

    expect(started).toMatchObject({ status: 201, body: { sport: "running", status: "ACTIVE" } });
    expect(again).toMatchObject({ status: 200, body: { id } });
    expect(posted.status).toBe(202);
    expect((await readDeviceMessages(from, watch.deviceId)).map((m) => m.key)).toEqual([id]);
    expect(ended).toMatchObject({ status: 200, body: { id, status: "ENDED" } });
  });

  it("given another device's workout, when readings name it, then 404 WORKOUT_NOT_FOUND lists them and nothing is sent", async () => {
    const owner = await pairDevice();
    const other = await pairDevice();
    const { body } = await startWorkout(owner.token, { sport: "cycling" });
    const from = await readingsEndOffsets();

    const res = await postReadings(other.token, { readings: [{ ts: secondsAgo(3), bpm: 140, workoutId: body.id }] });

    expect(res).toMatchObject({ status: 404, body: { code: "WORKOUT_NOT_FOUND" } });
    expect(res.body.details).toEqual([expect.objectContaining({ index: 0, field: "workoutId" })]);
    expect(await readDeviceMessages(from, other.deviceId)).toEqual([]);
    expect((await endWorkout(other.token, String(body.id))).status).toBe(404);
  });

  it("given readings without a workout 20 minutes apart, when posted, then they open two workouts and the first is closed", async () => {
    const watch = await pairDevice();

    const first = await postReadings(watch.token, { readings: [{ ts: secondsAgo(1_500), bpm: 110 }] });
    const second = await postReadings(watch.token, { readings: [{ ts: secondsAgo(300), bpm: 112 }] });

    const workouts = await getPrisma().workout.findMany({
      where: { deviceId: watch.deviceId },
      orderBy: { startedAt: "asc" },
    });
    expect(first.body.workoutIds).not.toEqual(second.body.workoutIds);
    expect(workouts.map((w) => w.status)).toEqual(["ENDED", "ACTIVE"]);
    expect(workouts.map((w) => w.id)).toEqual([
      ...(first.body.workoutIds as string[]),
      ...(second.body.workoutIds as string[]),
    ]);
  });
});

describe("the API's own count for reconciliation", () => {
  afterAll(() => closeIngestRuntime());

  it("given a day, when readings are counted twice, then the day holds their sum", async () => {
    const day = Date.UTC(1999, 0, 1, 23, 59, 59);

    await countAccepted(getPrisma(), day, 2);
    await countAccepted(getPrisma(), day, 3);

    const row = await getPrisma().ingestCount.findUniqueOrThrow({ where: { day: new Date("1999-01-01") } });
    expect(row.accepted).toBe(5n);
  });

  it("given accepted and rejected requests, when posted, then only readings Kafka acknowledged are added to the day's count", async () => {
    const watch = await pairDevice();
    const days = new Set([new Date().toISOString().slice(0, 10)]);
    const total = async () => {
      const rows = await getPrisma().ingestCount.findMany({
        where: { day: { in: [...days].map((d) => new Date(d)) } },
      });
      return rows.reduce((sum, r) => sum + r.accepted, 0n);
    };
    const before = await total();

    await postReadings(watch.token, {
      readings: [
        { ts: secondsAgo(9), bpm: 100 },
        { ts: secondsAgo(8), bpm: 101 },
      ],
    });
    await postReadings(watch.token, { readings: [{ ts: secondsAgo(7), bpm: 999 }] });
    days.add(new Date().toISOString().slice(0, 10)); // the run may cross midnight

    // Other test files post concurrently, so the count grew by at least ours.
    expect((await total()) - before).toBeGreaterThanOrEqual(2n);
  });
});
