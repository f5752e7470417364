import type { Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKafka } from "@/lib/kafka/client";
import { uniqueName } from "./support/ids";

const kafka = createKafka({ clientId: "heartlake-kafka-test" });

describe("kafkajs against the local Kafka 4.1 broker", () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  it("given a 6-partition topic, when keyed messages are produced idempotently and consumed by a group, then each arrives once, in key order, and the group's offsets are committed", async () => {
    const topic = uniqueName("it-kafka");
    const groupId = uniqueName("it-group");
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 60 }, (_, i) => ({ key: `workout-${i % 3}`, value: String(i) }));

    await producer.send({ topic, acks: -1, messages: sent });
    await producer.disconnect();

    const received: { key: string; value: string; partition: number }[] = [];
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          received.push({ key: String(message.key), value: String(message.value), partition });
          if (received.length === sent.length) resolve();
        },
      });
    });
    await done;
    await consumer.disconnect();

    expect(received.map((m) => m.value).sort()).toEqual(sent.map((m) => m.value).sort());
    for (const key of ["workout-0", "workout-1", "workout-2"]) {
      const ofKey = received.filter((m) => m.key === key);
      expect(new Set(ofKey.map((m) => m.partition)).size, `${key} stays in one partition`).toBe(1);
      const values = ofKey.map((m) => Number(m.value));
      expect(values, `${key} arrives in order`).toEqual([...values].sort((a, b) => a - b));
    }
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const totalCommitted = committed!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(totalCommitted).toBe(sent.length);
    const topicOffsets = await admin.fetchTopicOffsets(topic);
    expect(topicOffsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(sent.length);

    await admin.deleteTopics({ topics: [topic] });
  });

  it("given the broker, when described, then it reports a single KRaft node that is its own controller", async () => {
    const cluster = await admin.describeCluster();

    expect(cluster.brokers).toHaveLength(1);
    expect(cluster.controller).toBe(cluster.brokers[0]?.nodeId);
  });
});
