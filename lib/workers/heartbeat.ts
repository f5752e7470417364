import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface Heartbeat {
  readonly instanceId: string;
  /** The partitions this instance holds now (after each rebalance). */
  setPartitions(partitions: number[]): void;
  /** A batch was committed: its time shows admins the worker makes progress. */
  markCommit(at?: Date): void;
  /** Stops beating and removes the row: a clean stop is not a stale worker. */
  stop(): Promise<void>;
}

/**
 * Keeps a worker instance's row in worker_heartbeats fresh, so the admin
 * page can list instances, their partitions and last commit, and flag the
 * ones that stopped beating (crashed or hung) as stale.
 */
export function startHeartbeat(prisma: PrismaClient, consumerGroup: string, intervalMs = 5_000): Heartbeat {
  const instanceId = `${consumerGroup}-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  let partitions: number[] = [];
  let lastCommitAt: Date | null = null;

  const beat = () =>
    prisma.workerHeartbeat
      .upsert({
        where: { instanceId },
        create: {
          instanceId,
          consumerGroup,
          host: hostname(),
          pid: process.pid,
          partitions,
          startedAt,
          heartbeatAt: new Date(),
          lastCommitAt,
        },
        update: { partitions, heartbeatAt: new Date(), lastCommitAt },
      })
      .catch((err: unknown) =>
        console.error(`[${consumerGroup}] heartbeat failed:`, err instanceof Error ? err.message : err),
      );

  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();

  return {
    instanceId,
    setPartitions(next) {
      partitions = [...next].sort((a, b) => a - b);
      void beat();
    },
    markCommit(at = new Date()) {
      lastCommitAt = at;
    },
    async stop() {
      clearInterval(timer);
      await prisma.workerHeartbeat.deleteMany({ where: { instanceId } }).catch(() => undefined);
    },
  };
}
