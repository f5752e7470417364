import type { PoisonRecord } from "../batch-types";
import { truncateDetail } from "../dead-letter-message";
import type { PartitionKey } from "./consumer-offsets";
import type { Queryable } from "./queryable";

/** Records the batch's poison in the same transaction as its offset; a replayed record is not recorded twice. */
export async function insertDeadLetters(db: Queryable, key: PartitionKey, poison: readonly PoisonRecord[]) {
  if (poison.length === 0) return;
  await db.query(
    `INSERT INTO dead_letters (consumer_group, topic, partition, "offset", reason, detail)
     SELECT $1, $2, $3, o, r, d FROM unnest($4::int8[], $5::text[], $6::text[]) AS p(o, r, d)
     ON CONFLICT (consumer_group, topic, partition, "offset") DO NOTHING`,
    [
      key.groupId,
      key.topic,
      key.partition,
      poison.map((p) => p.record.offset),
      poison.map((p) => p.reason),
      poison.map((p) => truncateDetail(p.detail)),
    ],
  );
}
