/**
 * The rollup worker: readings topic -> PostgreSQL minutes per zone.
 *
 * - Position: consumer_offsets in PostgreSQL, written in the same transaction
 *   as the rows a batch produced. On every assignment each partition is
 *   sought there (or to the log's start when there is none); records below it
 *   are skipped. Kafka's group offsets are committed after each batch only so
 *   lag dashboards work; they never decide where reading starts.
 * - Replay: reset or delete the consumer_offsets rows (workers stopped) and
 *   start again. Readings are keyed by their deterministic id and minutes are
 *   recomputed from stored readings, so a replay never counts twice.
 * - Poison (undecodable, invalid, unknown version, or a workout PostgreSQL
 *   does not have: reason UNKNOWN_WORKOUT) goes to the DLQ topic with its
 *   original bytes and to dead_letters; the worker carries on.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createKafka } from "@/lib/kafka/client";
import { runWorker, type Worker } from "@/workers/run-worker";
import { resolveOptions, type RollupWorkerOptions } from "./options";
import { startRollup, type RunningRollup } from "./start-rollup";
import { createStats, type RollupStats } from "./stats";

export type { RollupWorkerOptions } from "./options";

export interface RollupWorker extends Worker {
  readonly topic: string;
  readonly groupId: string;
  /** A copy of this instance's running totals. */
  stats(): RollupStats;
}

export function createWorker(options: RollupWorkerOptions = {}): RollupWorker {
  const resolved = resolveOptions(options);
  const stats = createStats();
  let running: RunningRollup | undefined;
  return {
    topic: resolved.topic,
    groupId: resolved.groupId,
    async start() {
      if (running) return;
      running = await startRollup(resolved, createKafka({ clientId: "heartlake-rollup" }), stats);
    },
    async stop() {
      const current = running;
      running = undefined;
      await current?.stop();
    },
    stats: () => ({ ...stats }),
  };
}

/** True when this file is the process's script (`tsx workers/rollup/index.ts`), not an import. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  try {
    return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runWorker("rollup", createWorker({ onFatal: () => process.exit(1) }));
}
