import { EventEmitter } from "node:events";
import type { Consumer } from "kafkajs";
import { describe, expect, it, vi } from "vitest";
import { createGroupFence } from "./lake-group-fence";
import { FencedError, type OwnedPartition } from "./lake-partition-flush";
import { PartitionBuffer } from "./partition-buffer";

const events = { GROUP_JOIN: "join", REBALANCING: "rebalancing", CRASH: "crash", STOP: "stop" };

/** Just what the fence uses of a kafkajs consumer. */
function fakeConsumer(commit: (offset: string) => Promise<void> = async () => undefined) {
  const emitter = new EventEmitter();
  const consumer = {
    events,
    on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
    commitOffsets: vi.fn(async ([o]: { offset: string }[]) => commit(o!.offset)),
  };
  const join = (partitions: number[]) => emitter.emit("join", { payload: { memberAssignment: { t: partitions } } });
  return {
    consumer: consumer as unknown as Consumer,
    emit: (e: string) => emitter.emit(e, {}),
    join,
    commits: consumer.commitOffsets,
  };
}

const kafkaError = (type: string) => Object.assign(new Error(type), { type });
const state = (epoch: number): OwnedPartition => ({
  partition: 2,
  epoch,
  recovered: true,
  landed: 40,
  next: 50,
  buffer: new PartitionBuffer(),
});

function setup(commit?: (offset: string) => Promise<void>) {
  const fake = fakeConsumer(commit);
  const fence = createGroupFence("t", () => fake.consumer);
  const assigned: [number[], number][] = [];
  fence.attach(fake.consumer, (partitions, epoch) => assigned.push([partitions, epoch]));
  return { fence, assigned, ...fake };
}

describe("createGroupFence", () => {
  it("given joins, a rebalance and a crash, when asked, then only the latest join's epoch holds, and only until the group moves", () => {
    const { fence, join, emit, assigned } = setup();

    join([3, 1]);
    join([0]);
    expect(assigned).toEqual([
      [[1, 3], 1],
      [[0], 2],
    ]);
    expect([fence.holds(1), fence.holds(2)]).toEqual([false, true]);
    emit("rebalancing");
    expect(fence.holds(2)).toBe(false);
    join([0]);
    emit("crash");
    expect(fence.holds(3)).toBe(false);
  });

  it("given an owned partition, when proven, then its lake position is committed through the group", async () => {
    const { fence, join, commits } = setup();
    join([2]);

    await fence.prove(state(1), () => true);

    expect(commits).toHaveBeenCalledWith([{ topic: "t", partition: 2, offset: "40" }]);
  });

  it.each(["ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID", "REBALANCE_IN_PROGRESS"])(
    "given the group answers %s, when proven, then it is fenced and the epoch no longer holds",
    async (type) => {
      const { fence, join } = setup(() => Promise.reject(kafkaError(type)));
      join([2]);

      await expect(fence.prove(state(1), () => true)).rejects.toBeInstanceOf(FencedError);
      expect(fence.holds(1)).toBe(false);
    },
  );

  it("given a broker that is away, when proven, then the error is thrown as is (retried by the caller)", async () => {
    const { fence, join } = setup(() => Promise.reject(kafkaError("NETWORK")));
    join([2]);

    await expect(fence.prove(state(1), () => true)).rejects.not.toBeInstanceOf(FencedError);
    expect(fence.holds(1)).toBe(true);
  });

  it("given ownership lost while the commit was in flight, when proven, then it is fenced", async () => {
    let owner = true;
    const { fence, join } = setup(async () => void (owner = false));
    join([2]);

    await expect(fence.prove(state(1), () => owner)).rejects.toBeInstanceOf(FencedError);
  });

  it("given a heartbeat that finds the group rebalancing, when heartbeatOr runs, then the buffers are landed first and the error rethrown", async () => {
    const { fence, join } = setup();
    join([2]);
    const order: string[] = [];
    fence.useHeartbeat(async () => {
      order.push("heartbeat");
      throw kafkaError("REBALANCE_IN_PROGRESS");
    });

    await expect(fence.heartbeatOr(async () => void order.push("flush"))).rejects.toThrow("REBALANCE_IN_PROGRESS");
    expect(order).toEqual(["heartbeat", "flush"]);
    expect(fence.holds(1)).toBe(false);
  });

  it("given a member already expelled, when heartbeatOr runs, then nothing is landed", async () => {
    const { fence, join } = setup();
    join([2]);
    const onRevoke = vi.fn(async () => undefined);
    fence.useHeartbeat(() => Promise.reject(kafkaError("UNKNOWN_MEMBER_ID")));

    await expect(fence.heartbeatOr(onRevoke)).rejects.toThrow();
    expect(onRevoke).not.toHaveBeenCalled();
  });
});
