import type { Admin } from "kafkajs";
import type { Pool } from "pg";
import { readStoredOffsets } from "./db/consumer-offsets";
import { getLogStartOffsets } from "./kafka-topics";
import { chooseStartOffset, type StartOffset } from "./start-offsets";

/**
 * Where each newly assigned partition must be read from: PostgreSQL's
 * position (see chooseStartOffset). Read on every assignment, because the
 * previous owner may have committed more since this instance last held it.
 */
export async function getStartOffsets(
  pool: Pool,
  admin: Admin,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<Map<number, StartOffset>> {
  const [stored, logStarts] = await Promise.all([
    readStoredOffsets(pool, groupId, topic),
    getLogStartOffsets(admin, topic),
  ]);
  return new Map(partitions.map((p) => [p, chooseStartOffset(stored.get(p), logStarts.get(p) ?? 0)]));
}
