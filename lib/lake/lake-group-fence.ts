import type { Consumer } from "kafkajs";
import { FencedError, type OwnedPartition } from "./lake-partition-flush";

/** Kafka's answers that say this member's assignment is over or changing. */
const MEMBERSHIP_ERRORS = new Set([
  "REBALANCE_IN_PROGRESS",
  "ILLEGAL_GENERATION",
  "UNKNOWN_MEMBER_ID",
  "FENCED_INSTANCE_ID",
]);

const errorType = (err: unknown) =>
  typeof err === "object" && err !== null && "type" in err && typeof err.type === "string" ? err.type : undefined;

/**
 * Keeps a writer from landing a file for a partition it no longer owns (a
 * "zombie" flush after a rebalance, which would duplicate what the new owner
 * reads from the lake). kafkajs has no revocation callback, so ownership is
 * tracked from its events: each GROUP_JOIN starts a new epoch, a rebalance
 * or crash suspends every epoch until the next join. Just before each rename
 * the writer commits its lake position through the group, which the broker
 * accepts only from a current member of the current generation.
 */
export function createGroupFence(topic: string, getConsumer: () => Consumer | undefined) {
  let epoch = 0;
  let settled = false;
  let kafkaHeartbeat: (() => Promise<void>) | undefined;

  function unsettle() {
    settled = false;
  }

  async function commit(partition: number, offset: number) {
    const consumer = getConsumer();
    if (!consumer) throw new FencedError("the consumer is not running");
    await consumer.commitOffsets([{ topic, partition, offset: String(offset) }]);
  }

  return {
    attach(consumer: Consumer, onAssigned: (partitions: number[], epoch: number) => void) {
      const { GROUP_JOIN, REBALANCING, CRASH, STOP } = consumer.events;
      consumer.on(GROUP_JOIN, ({ payload }) => {
        epoch += 1;
        settled = true;
        onAssigned(
          [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b),
          epoch,
        );
      });
      consumer.on(REBALANCING, unsettle);
      consumer.on(STOP, unsettle);
      consumer.on(CRASH, () => {
        unsettle();
        // The crashed runner's heartbeat belongs to a session that is gone.
        kafkaHeartbeat = undefined;
      });
    },

    /** Whether partitions assigned in `atEpoch` are still this instance's. */
    holds: (atEpoch: number) => settled && atEpoch === epoch,

    /** Commits the lake position as a proof of membership, then checks nothing moved meanwhile. */
    async prove(state: OwnedPartition, isOwner: (s: OwnedPartition) => boolean) {
      if (!isOwner(state)) throw new FencedError(`partition ${state.partition} is no longer assigned here`);
      try {
        await commit(state.partition, state.landed);
      } catch (err) {
        if (!MEMBERSHIP_ERRORS.has(errorType(err) ?? "")) throw err;
        unsettle();
        throw new FencedError(`partition ${state.partition}: the group refused this member (${errorType(err)})`);
      }
      if (!isOwner(state)) throw new FencedError(`partition ${state.partition} was revoked during the fence`);
    },

    /** After a rename: the committed offset is what lag monitoring compares with the log end. */
    commitForLag: commit,

    useHeartbeat(fn: () => Promise<void>) {
      kafkaHeartbeat = fn;
    },

    /** Heartbeats the group (kafkajs spaces them); a membership error suspends ownership and is thrown. */
    async heartbeat() {
      try {
        await kafkaHeartbeat?.();
      } catch (err) {
        if (!MEMBERSHIP_ERRORS.has(errorType(err) ?? "")) return;
        unsettle();
        throw err;
      }
    },

    /**
     * Heartbeats; when the group has just started rebalancing, runs
     * `onRevoke` first (the coordinator waits for this member to rejoin, so
     * its partitions are still its own), then lets kafkajs rejoin.
     */
    async heartbeatOr(onRevoke: () => Promise<void>) {
      // Already noticed: kafkajs is rejoining; more heartbeats only add noise.
      if (!settled) return;
      try {
        await kafkaHeartbeat?.();
      } catch (err) {
        // Other failures (a broker away) are kafkajs's to handle in its own loop.
        if (!MEMBERSHIP_ERRORS.has(errorType(err) ?? "")) return;
        if (errorType(err) === "REBALANCE_IN_PROGRESS") await onRevoke().catch(() => undefined);
        unsettle();
        throw err;
      }
    },
  };
}
