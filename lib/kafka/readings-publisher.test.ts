import type { Kafka, ProducerConfig, ProducerRecord } from "kafkajs";
import { describe, expect, it } from "vitest";
import { createReadingsMessage, type ReadingsMessage } from "@/lib/readings/readings-message";
import { createReadingsPublisher, type ReadingsPublisherOptions } from "./readings-publisher";

const TS = 1_700_748_309_000;
const workoutId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const message = (n: number): ReadingsMessage =>
  createReadingsMessage({ userId: "user-1", deviceId: "device-1", workoutId: workoutId(n), receivedAt: TS }, [
    { ts: TS + n * 1000, bpm: 120 },
  ]);

interface FakeProducer {
  config: ProducerConfig | undefined;
  sends: ProducerRecord[];
  disconnected: boolean;
}

/** A Kafka whose producers record their sends; `answer` decides how each send ends. */
function fakeKafka(answer: (record: ProducerRecord) => Promise<void> = () => Promise.resolve()) {
  const producers: FakeProducer[] = [];
  const kafka = {
    admin: () => ({
      connect: () => Promise.resolve(),
      createTopics: () => Promise.resolve(true),
      disconnect: () => Promise.resolve(),
    }),
    producer: (config?: ProducerConfig) => {
      const producer: FakeProducer = { config, sends: [], disconnected: false };
      producers.push(producer);
      return {
        connect: () => Promise.resolve(),
        disconnect: () => {
          producer.disconnected = true;
          return Promise.resolve();
        },
        send: async (record: ProducerRecord) => {
          producer.sends.push(record);
          await answer(record);
          return [];
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const OPTIONS: ReadingsPublisherOptions = {
  topic: "readings",
  partitions: 6,
  maxInFlight: 64,
  maxWaiting: 100,
  timeoutMs: 1_000,
  lingerMs: 2,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createReadingsPublisher, coalescing", () => {
  it("given concurrent publishes, when they arrive within the linger, then one idempotent acks=all send carries them all with their keys and headers", async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = createReadingsPublisher(kafka, OPTIONS);

    await Promise.all([1, 2, 3].map((n) => publisher.publish([message(n)], { "x-request-id": `req-${n}` })));

    const [producer] = producers;
    expect(producer?.config).toMatchObject({ idempotent: true, maxInFlightRequests: 1 });
    expect(producer?.sends).toHaveLength(1);
    expect(producer?.sends[0]).toMatchObject({ topic: "readings", acks: -1 });
    expect(producer?.sends[0]?.messages.map((m) => [m.key, m.headers, JSON.parse(String(m.value)).workoutId])).toEqual(
      [1, 2, 3].map((n) => [workoutId(n), { "x-request-id": `req-${n}` }, workoutId(n)]),
    );
  });

  it("given a send under way, when more publishes arrive, then they share the next send", async () => {
    let release: () => void = () => undefined;
    const { kafka, producers } = fakeKafka(() => new Promise((resolve) => (release = resolve)));
    const publisher = createReadingsPublisher(kafka, OPTIONS);

    const first = publisher.publish([message(1)]);
    await sleep(10);
    const later = [2, 3, 4].map((n) => publisher.publish([message(n)]));
    await sleep(10);
    release();
    await first;
    await sleep(10);
    release();
    await Promise.all(later);

    expect(producers[0]?.sends.map((s) => s.messages.length)).toEqual([1, 3]);
  });

  it.each([
    { given: "maxBatchCalls 2", options: { maxBatchCalls: 2 }, sizes: [2, 2, 1] },
    { given: "maxBatchBytes below two messages", options: { maxBatchBytes: 400 }, sizes: [1, 1, 1, 1, 1] },
  ])("given $given, when five publish at once, then sends are split: $sizes", async ({ options, sizes }) => {
    const { kafka, producers } = fakeKafka();
    const publisher = createReadingsPublisher(kafka, { ...OPTIONS, ...options });

    await Promise.all([1, 2, 3, 4, 5].map((n) => publisher.publish([message(n)])));

    expect(producers[0]?.sends.map((s) => s.messages.length)).toEqual(sizes);
  });
});

describe("createReadingsPublisher, failures", () => {
  it("given a send that fails, when it does, then every caller in it gets 503 KAFKA_UNAVAILABLE and the next publish uses a fresh producer", async () => {
    let fail = true;
    const { kafka, producers } = fakeKafka(() => (fail ? Promise.reject(new Error("broker gone")) : Promise.resolve()));
    const publisher = createReadingsPublisher(kafka, OPTIONS);

    const results = await Promise.allSettled([1, 2].map((n) => publisher.publish([message(n)])));
    fail = false;
    await publisher.publish([message(3)]);

    expect(results.map((r) => (r.status === "rejected" ? r.reason : r))).toEqual([
      expect.objectContaining({ code: "KAFKA_UNAVAILABLE", status: 503, retryAfterSeconds: 5 }),
      expect.objectContaining({ code: "KAFKA_UNAVAILABLE", status: 503, retryAfterSeconds: 5 }),
    ]);
    expect(producers.map((p) => [p.sends.length, p.disconnected])).toEqual([
      [1, true],
      [1, false],
    ]);
  });

  it("given sends queued behind one that never answers, when the timeout passes, then every caller gets 503 and the queued ones are never sent", async () => {
    const { kafka, producers } = fakeKafka(() => new Promise(() => undefined));
    const publisher = createReadingsPublisher(kafka, { ...OPTIONS, timeoutMs: 50, maxBatchCalls: 1 });

    const errors = await Promise.all(
      [1, 2, 3].map((n) => publisher.publish([message(n)]).catch((err: unknown) => err)),
    );
    await sleep(20);

    expect(errors).toEqual(Array(3).fill(expect.objectContaining({ code: "KAFKA_UNAVAILABLE", status: 503 })));
    expect(producers.flatMap((p) => p.sends.map((s) => s.messages.map((m) => m.key)))).toEqual([[workoutId(1)]]);
  });

  it("given every slot taken and the waiting line full, when one more publishes, then it gets 503 at once", async () => {
    const { kafka } = fakeKafka(() => new Promise(() => undefined));
    const publisher = createReadingsPublisher(kafka, { ...OPTIONS, maxInFlight: 1, maxWaiting: 1, timeoutMs: 200 });

    void publisher.publish([message(1)]).catch(() => undefined);
    void publisher.publish([message(2)]).catch(() => undefined);
    const started = Date.now();
    const error = await publisher.publish([message(3)]).catch((err: unknown) => err);

    expect(error).toMatchObject({ code: "KAFKA_UNAVAILABLE", status: 503 });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("given a message that fails its checks, when published, then only its caller fails and nothing is sent", async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = createReadingsPublisher(kafka, OPTIONS);

    const bad = publisher.publish([{ ...message(1), workoutId: "not-a-uuid" }]);

    await expect(bad).rejects.toThrow();
    expect(producers).toEqual([]);
  });
});

describe("createReadingsPublisher, disconnect", () => {
  it("given a publish under way, when disconnecting, then it waits for the send and then closes the producer", async () => {
    let release: () => void = () => undefined;
    const { kafka, producers } = fakeKafka(() => new Promise((resolve) => (release = resolve)));
    const publisher = createReadingsPublisher(kafka, OPTIONS);

    const published = publisher.publish([message(1)]);
    await sleep(10);
    const disconnected = publisher.disconnect();
    await sleep(10);
    expect(producers[0]?.disconnected).toBe(false);
    release();

    await Promise.all([published, disconnected]);
    expect(producers[0]?.disconnected).toBe(true);
  });
});
