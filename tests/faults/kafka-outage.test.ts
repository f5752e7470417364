import { afterAll, describe, expect, it } from "vitest";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { readingId } from "@/lib/readings/reading-id";
import { postReadings } from "../integration/support/api";
import { pairDevice } from "../integration/support/devices";
import { readDeviceMessages, readingsEndOffsets } from "../integration/support/readings-topic";
import { startServices, stopServices } from "../integration/support/stack";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Kafka goes away and comes back", () => {
  afterAll(async () => {
    startServices(["kafka"]);
    await closeIngestRuntime();
  });

  it("given acknowledged readings before, during and after an outage, when the watch retries its 503s, then every reading is on Kafka with the same id", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();
    const base = Math.floor(Date.now() / 1000) * 1000 - 120_000;
    const send = (i: number) => postReadings(watch.token, { ts: base + i * 1000, bpm: 100 + i });
    const acknowledged: number[] = [];
    const refused: { i: number; status: number; retryAfter: string | null; code: unknown }[] = [];

    for (let i = 0; i < 5; i += 1) if ((await send(i)).status === 202) acknowledged.push(i);
    stopServices(["kafka"]);
    for (let i = 5; i < 10; i += 1) {
      const res = await send(i);
      if (res.status === 202) acknowledged.push(i);
      else refused.push({ i, status: res.status, retryAfter: res.headers.get("retry-after"), code: res.body.code });
    }
    startServices(["kafka"]);
    const retried = await retryUntilAccepted(
      refused.map((r) => r.i),
      send,
    );

    expect(acknowledged).toEqual([0, 1, 2, 3, 4]);
    expect(refused.map((r) => [r.status, r.code])).toEqual(Array(5).fill([503, "KAFKA_UNAVAILABLE"]));
    expect(refused.every((r) => Number(r.retryAfter) > 0)).toBe(true);
    expect(retried).toEqual([5, 6, 7, 8, 9]);
    const onKafka = new Set(
      (await readDeviceMessages(from, watch.deviceId)).flatMap((m) => m.message.readings.map((r) => r.id)),
    );
    const expected = Array.from({ length: 10 }, (_, i) => readingId(watch.deviceId, base + i * 1000));
    expect([...onKafka].sort()).toEqual([...expected].sort());
  });
});

/** What a watch does with a 503: wait, then send the very same reading again. */
async function retryUntilAccepted(pending: number[], send: (i: number) => Promise<{ status: number }>) {
  const accepted: number[] = [];
  const deadline = Date.now() + 60_000;
  for (const i of pending) {
    while ((await send(i)).status !== 202) {
      if (Date.now() > deadline) throw new Error(`reading ${i} still refused a minute after Kafka came back`);
      await sleep(1_000);
    }
    accepted.push(i);
  }
  return accepted;
}
