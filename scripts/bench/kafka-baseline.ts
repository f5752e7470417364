import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kafka } from "kafkajs";
import { createReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";

/** Producer settings shared with the app's own (acks=all, idempotent); the rest are Kafka's defaults. */
export const BASELINE_PRODUCER_PROPS = ["bootstrap.servers=127.0.0.1:9092", "acks=all", "enable.idempotence=true"];

/** ProducerPerformance's final line. */
export interface ProducerPerfResult {
  records: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  avgLatencyMs: number;
  p99LatencyMs: number;
}

/** Real readings messages as the app encodes them for one request of `n` readings (headers excluded). */
export function sampleMessages(n: number, count: number): string[] {
  const start = Date.now() - 3_600_000;
  return Array.from({ length: count }, (_, m) => {
    const meta = { userId: randomUUID(), deviceId: randomUUID(), workoutId: randomUUID(), receivedAt: Date.now() };
    const readings = Array.from({ length: n }, (_, i) => ({
      ts: start + (m * n + i) * 1000 + 123,
      bpm: 100 + (i % 80),
    }));
    return encodeReadingsMessage(createReadingsMessage({ ...meta, requestId: randomUUID() }, readings));
  });
}

/** A topic of our own: auto-creation is off, and the app's topic must not get bench noise. */
export async function createBenchTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteBenchTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Runs Kafka's own org.apache.kafka.tools.ProducerPerformance from the
 * stack's jars, sending exactly our message bytes (`--payload-file`, one
 * message per line) as fast as it can.
 */
export async function runProducerPerformance(topic: string, messages: string[], records: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "heartlake-bench-"));
  const file = path.join(dir, "payloads.txt");
  writeFileSync(file, messages.join("\n"));
  try {
    const args = ["scripts/stack/kafka.sh", "tool", "org.apache.kafka.tools.ProducerPerformance"];
    args.push("--topic", topic, "--num-records", String(records), "--throughput", "-1", "--payload-file", file);
    args.push("--producer-props", ...BASELINE_PRODUCER_PROPS);
    const output = await run("bash", args);
    const result = parseProducerPerformance(output);
    if (!result) throw new Error(`could not read ProducerPerformance's result:\n${output.slice(-2_000)}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50, p95, p99, p99.9`. */
export function parseProducerPerformance(output: string): ProducerPerfResult | null {
  const lines = output.split("\n").filter((l) => /records sent, .* records\/sec/.test(l));
  const line = lines.at(-1);
  if (!line) return null;
  const number = (re: RegExp) => Number(re.exec(line)?.[1] ?? Number.NaN);
  return {
    records: number(/^(\d+) records sent/),
    recordsPerSecond: number(/([\d.]+) records\/sec/),
    mbPerSecond: number(/\(([\d.]+) MB\/sec\)/),
    avgLatencyMs: number(/([\d.]+) ms avg latency/),
    p99LatencyMs: number(/(\d+) ms 99th/),
  };
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output.slice(-2_000)}`)),
    );
  });
}
