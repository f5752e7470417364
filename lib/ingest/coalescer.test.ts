import { describe, expect, it } from "vitest";
import { createCoalescer } from "./coalescer";

/** A flush that records its batches and finishes only when told to. */
function recordingFlush() {
  const batches: number[][] = [];
  const finishers: ((err?: Error) => void)[] = [];
  const flush = (items: number[]) => {
    batches.push(items);
    return new Promise<void>((resolve, reject) => finishers.push((err) => (err ? reject(err) : resolve())));
  };
  const finishNext = (err?: Error) => finishers.shift()?.(err);
  return { batches, flush, finishNext };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createCoalescer", () => {
  it("given calls within the linger, when it expires, then they go in one flush and all resolve", async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 5, maxItems: 100 });

    const calls = [1, 2, 3].map((n) => coalescer.add(n));
    expect(batches).toEqual([]);
    await tick(10);
    finishNext();

    await expect(Promise.all(calls)).resolves.toEqual([undefined, undefined, undefined]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("given a full batch, when the last item arrives, then it is flushed without waiting for the linger", async () => {
    const { batches, flush } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 60_000, maxItems: 2 });

    void coalescer.add(1);
    void coalescer.add(2);
    void coalescer.add(3);
    await tick();

    expect(batches).toEqual([[1, 2]]);
  });

  it("given a flush under way, when items arrive, then they wait and go together in the next flush", async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 0, maxItems: 100 });

    const first = coalescer.add(1);
    await tick();
    const later = [2, 3, 4].map((n) => coalescer.add(n));
    await tick(5);
    expect(batches).toEqual([[1]]);
    finishNext();
    await first;
    await tick();
    finishNext();

    await Promise.all(later);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("given a weight limit, when items are taken, then a batch stops before it and a heavy item still goes alone", async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 1, maxItems: 100, maxWeight: 10, weightOf: (n) => n });

    const calls = [4, 5, 3, 20, 1].map((n) => coalescer.add(n));
    for (let i = 0; i < 4; i += 1) {
      await tick(5);
      finishNext();
    }

    await Promise.all(calls);
    expect(batches).toEqual([[4, 5], [3], [20], [1]]);
  });

  it("given a failing flush, when it fails, then every caller of that batch gets the error and later batches still run", async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 1, maxItems: 100 });

    const failed = [coalescer.add(1), coalescer.add(2)].map((p) => p.catch((err: Error) => err.message));
    await tick(5);
    finishNext(new Error("broker gone"));
    expect(await Promise.all(failed)).toEqual(["broker gone", "broker gone"]);
    const next = coalescer.add(3);
    await tick(5);
    finishNext();

    await expect(next).resolves.toBeUndefined();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("given a flush that throws synchronously, when it runs, then its callers are rejected rather than left hanging", async () => {
    const coalescer = createCoalescer<number>(
      () => {
        throw new Error("bug");
      },
      { lingerMs: 0, maxItems: 10 },
    );

    await expect(coalescer.add(1)).rejects.toThrow("bug");
  });

  it("given items waiting and a flush under way, when settled is awaited, then it resolves only after all are flushed", async () => {
    const { flush, finishNext } = recordingFlush();
    const coalescer = createCoalescer(flush, { lingerMs: 0, maxItems: 1 });
    let settled = false;

    void coalescer.add(1);
    void coalescer.add(2);
    const done = coalescer.settled().then(() => (settled = true));
    await tick();
    finishNext();
    await tick();
    expect(settled).toBe(false);
    finishNext();

    await done;
    expect(settled).toBe(true);
  });
});
