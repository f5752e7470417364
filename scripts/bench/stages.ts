// Where an ingest request's time goes, stage by stage, in-process (no HTTP):
// parsing, message encoding, the PostgreSQL transaction, and Kafka publishing
// with the app's producer settings versus alternatives.
// Usage: npx tsx scripts/bench/stages.ts
import { randomBytes, randomUUID } from "node:crypto";
import type { Kafka, Producer } from "kafkajs";
import { getPrisma } from "@/lib/db/prisma";
import { authenticateDevice } from "@/lib/devices/devices";
import { ingestReadings } from "@/lib/ingest/ingest-readings";
import { createKafka } from "@/lib/kafka/client";
import { parseReadingsRequest } from "@/lib/readings/parse-readings-request";
import { readingId } from "@/lib/readings/reading-id";
import { readingsMessageV1Schema } from "@/lib/readings/readings-message";
import { createBenchDevices, deleteBenchDevices, type BenchDevice } from "./bench-devices";
import { createBenchTopic, deleteBenchTopic, sampleMessages } from "./kafka-baseline";
import { runClosedLoop, type Attempt } from "./load";
import { batchPayload, ndjsonPayload, singlePayload, type Payload } from "./payloads";

const log = (line: string) => console.log(line);

/** Mean µs per call of a synchronous function, after a warm-up. */
function timeSync(iterations: number, fn: () => void): number {
  for (let i = 0; i < Math.min(50, iterations); i += 1) fn();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i += 1) fn();
  return ((performance.now() - t0) * 1000) / iterations;
}

function cpuStages(device: BenchDevice) {
  const now = Date.now();
  const deviceId = randomUUID();
  const ids = Array.from({ length: 1000 }, (_, i) => now - i * 1000);
  const message = JSON.parse(sampleMessages(1000, 1)[0] ?? "{}") as unknown;
  const parse = (p: Payload) => () => parseReadingsRequest({ contentType: p.contentType, body: p.body }, { now });
  const rows: [string, number, number][] = [
    ["parse single reading", timeSync(5_000, parse(singlePayload(device))), 1],
    ["parse batch of 100", timeSync(500, parse(batchPayload(device, 100))), 100],
    ["parse batch of 1,000", timeSync(100, parse(batchPayload(device, 1000))), 1000],
    ["parse NDJSON of 1,000", timeSync(100, parse(ndjsonPayload(device, 1000))), 1000],
    ["create + encode message of 1", timeSync(5_000, () => sampleMessages(1, 1)), 1],
    ["create + encode message of 1,000", timeSync(50, () => sampleMessages(1000, 1)), 1000],
    ["  of which readingId × 1,000", timeSync(50, () => ids.forEach((ts) => readingId(deviceId, ts))), 1000],
    ["  of which zod check of the message", timeSync(50, () => readingsMessageV1Schema.parse(message)), 1000],
    ["  of which JSON.stringify", timeSync(50, () => JSON.stringify(message)), 1000],
  ];
  for (const [name, us, n] of rows)
    log(`${name.padEnd(34)} ${us.toFixed(0).padStart(7)} µs/request  ${(us / n).toFixed(2)} µs/reading`);
}

/** The PostgreSQL part of a request: token lookup plus the workout transaction, with a no-op publisher. */
async function dbStage(devices: BenchDevice[], concurrency: number) {
  const prisma = getPrisma();
  const deps = {
    prisma,
    publisher: { publish: () => Promise.resolve(), disconnect: () => Promise.resolve() },
    sessionGapMs: 600_000,
  };
  const send = async (w: number): Promise<Attempt> => {
    const d = devices[w % devices.length] as BenchDevice;
    const device = await authenticateDevice(prisma, d.token);
    await ingestReadings(deps, device, [{ ts: (d.nextTs += 1000), bpm: 120 }], { receivedAt: Date.now() });
    return { ok: true, readings: 1 };
  };
  await runClosedLoop(concurrency, 1_000, send);
  const cpu0 = process.cpuUsage();
  const r = await runClosedLoop(concurrency, 5_000, send);
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / r.requests;
  log(
    `auth + workout transaction, ${concurrency} at once: ${((r.requests * 1000) / r.elapsedMs).toFixed(0)} requests/s, ` +
      `${cpuMsPerRequest.toFixed(2)} ms of this process's CPU per request`,
  );
}

interface PublishCase {
  label: string;
  producer: Producer;
  /** Readings per message. */
  n: number;
  concurrency: number;
  /** Messages per producer.send: what a publisher that coalesces concurrent requests would send. */
  perSend: number;
}

async function publishStage(topic: string, { label, producer, n, concurrency, perSend }: PublishCase) {
  const messages = sampleMessages(n, 20);
  const send = async (w: number): Promise<Attempt> => {
    const batch = Array.from({ length: perSend }, (_, i) => ({
      key: randomUUID(),
      value: messages[(w + i) % 20] ?? "",
    }));
    await producer.send({ topic, acks: -1, messages: batch });
    return { ok: true, readings: n * perSend };
  };
  await runClosedLoop(concurrency, 1_000, send);
  const r = await runClosedLoop(concurrency, 5_000, send);
  const perSecond = (r.requests * perSend * 1000) / r.elapsedMs;
  log(
    `${label}: ${n}-reading messages, ${concurrency} sends at once, ${perSend} per send: ${perSecond.toFixed(0)} messages/s`,
  );
}

async function kafkaStages(kafka: Kafka, topic: string) {
  const idempotent = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const plain = kafka.producer({ maxInFlightRequests: 5 });
  await Promise.all([idempotent.connect(), plain.connect()]);
  const app = "app's producer (idempotent, maxInFlightRequests 1)";
  const cases: PublishCase[] = [
    { label: app, producer: idempotent, n: 1, concurrency: 1, perSend: 1 },
    { label: app, producer: idempotent, n: 1, concurrency: 64, perSend: 1 },
    { label: app, producer: idempotent, n: 1, concurrency: 4, perSend: 64 },
    { label: app, producer: idempotent, n: 1000, concurrency: 16, perSend: 1 },
    { label: app, producer: idempotent, n: 1000, concurrency: 4, perSend: 8 },
    { label: "non-idempotent, maxInFlightRequests 5", producer: plain, n: 1, concurrency: 64, perSend: 1 },
    { label: "non-idempotent, maxInFlightRequests 5", producer: plain, n: 1000, concurrency: 16, perSend: 1 },
  ];
  for (const c of cases) await publishStage(topic, c);
  await Promise.all([idempotent.disconnect(), plain.disconnect()]);
}

async function main() {
  const runId = randomBytes(3).toString("hex");
  const prisma = getPrisma();
  const kafka = createKafka({ clientId: "heartlake-bench-stages" });
  const topic = `heartlake-bench-stages-${runId}`;
  const devices = await createBenchDevices(prisma, runId, 64);
  await createBenchTopic(kafka, topic, 6);
  try {
    cpuStages(devices[0] as BenchDevice);
    await dbStage(devices, 1);
    await dbStage(devices, 64);
    await kafkaStages(kafka, topic);
  } finally {
    await deleteBenchTopic(kafka, topic);
    await deleteBenchDevices(prisma, runId);
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
