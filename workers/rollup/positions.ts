import type { Admin, Consumer } from "kafkajs";
import type { Pool } from "pg";
import { getStartOffsets } from "@/lib/rollup-worker/partition-positions";
import type { Heartbeat } from "@/lib/workers/heartbeat";

export interface PositionTracking {
  /** Resolves once the current assignment's partitions were sought; rejects if that failed. */
  positioned(): Promise<void>;
}

/**
 * On every assignment: report the partitions in the heartbeat and seek each
 * to PostgreSQL's offset. kafkajs may already be fetching from Kafka's
 * committed offset meanwhile; the batch handler waits for `positioned()`,
 * after which such batches are stale and dropped.
 */
export function trackPositions(deps: {
  consumer: Consumer;
  pool: Pool;
  admin: Admin;
  heartbeat: Heartbeat;
  topic: string;
  groupId: string;
  log: (message: string) => void;
}): PositionTracking {
  let positioning: Promise<void> = Promise.resolve();
  deps.consumer.on(deps.consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = payload.memberAssignment[deps.topic] ?? [];
    deps.heartbeat.setPartitions(partitions);
    positioning = seekToStoredOffsets(deps, partitions);
    // Handled by the batch handler, which awaits it; this only keeps Node from calling it unhandled.
    positioning.catch((err: unknown) => deps.log(`seeking to stored offsets failed: ${String(err)}`));
  });
  return { positioned: () => positioning };
}

async function seekToStoredOffsets(deps: Parameters<typeof trackPositions>[0], partitions: readonly number[]) {
  if (partitions.length === 0) return;
  const starts = await getStartOffsets(deps.pool, deps.admin, deps.groupId, deps.topic, partitions);
  for (const [partition, start] of starts) {
    if (start.lost > 0) {
      deps.log(`partition ${partition}: ${start.lost} messages were deleted by retention before being applied`);
    }
    deps.consumer.seek({ topic: deps.topic, partition, offset: String(start.offset) });
  }
  deps.log(`assigned partitions ${partitions.join(", ")} of ${deps.topic}`);
}
