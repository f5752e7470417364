import { Partitioners, type Kafka, type Message } from "kafkajs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { quantile } from "./worker-report";
import { nextMessage, type BenchWorkout } from "./worker-setup";

export interface FreshnessInput {
  kafka: Kafka;
  prisma: PrismaClient;
  topic: string;
  workouts: BenchWorkout[];
  readingsPerSecond: number;
  seconds: number;
  perMessage: number;
}

interface Pending {
  workoutId: string;
  lastTs: number;
  producedAt: number;
}

const TICK_MS = 50;

/**
 * Freshness under steady load: a message's latency is from the moment it is
 * handed to the producer until the workout's summary in PostgreSQL shows its
 * last reading (last_reading_at), polled every 25 ms.
 */
export async function measureFreshness(input: FreshnessInput) {
  const producer = input.kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const pending: Pending[] = [];
  const latencies: number[] = [];
  let producing = true;
  let offered = 0;
  const poller = (async () => {
    while (producing || pending.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      if (pending.length === 0) continue;
      const ids = [...new Set(pending.map((p) => p.workoutId))];
      const rows = await input.prisma.workout.findMany({
        where: { id: { in: ids } },
        select: { id: true, lastReadingAt: true },
      });
      const now = Date.now();
      const seen = new Map(rows.map((r) => [r.id, r.lastReadingAt?.getTime() ?? 0]));
      for (let i = pending.length - 1; i >= 0; i -= 1) {
        const p = pending[i]!;
        if ((seen.get(p.workoutId) ?? 0) >= p.lastTs) {
          latencies.push(now - p.producedAt);
          pending.splice(i, 1);
        } else if (!producing && now - p.producedAt > 30_000) pending.splice(i, 1);
      }
    }
  })();
  const perTick = Math.max(1, Math.round((input.readingsPerSecond * TICK_MS) / 1000 / input.perMessage));
  const started = Date.now();
  let next = 0;
  for (let tick = 0; Date.now() - started < input.seconds * 1000; tick += 1) {
    const messages: Message[] = [];
    const producedAt = Date.now();
    for (let m = 0; m < perTick; m += 1) {
      const w = input.workouts[next++ % input.workouts.length]!;
      messages.push(nextMessage(w, input.perMessage, producedAt));
      // The summary's last_reading_at reaches this message's last reading once it is stored.
      pending.push({ workoutId: w.workoutId, lastTs: w.nextTs - 1_000, producedAt });
    }
    offered += perTick * input.perMessage;
    await producer.send({ topic: input.topic, acks: -1, messages });
    const wait = started + (tick + 1) * TICK_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const elapsed = (Date.now() - started) / 1000;
  producing = false;
  await poller;
  await producer.disconnect();
  return {
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    samples: latencies.length,
    offeredPerSecond: offered / elapsed,
  };
}
