import { describe, expect, it } from "vitest";
import { toBatches } from "./batches";

const START = 1_000_000;
const reading = (sendS: number) => ({ ts: START + sendS * 1000, bpm: 100, sendS });

describe("toBatches", () => {
  it("given a reading per second, when batched every 5 s, then each batch holds one window and is due at its end", () => {
    const batches = toBatches(
      Array.from({ length: 12 }, (_, s) => reading(s)),
      START,
      5,
    );

    expect(batches.map((b) => b.readings.map((r) => r.sendS))).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11],
    ]);
    expect(batches.map((b) => b.dueAt)).toEqual([START + 5_000, START + 10_000, START + 15_000]);
  });

  it("given a dropout spanning a window, when batched, then that window sends nothing", () => {
    const batches = toBatches([reading(0), reading(12)], START, 5);

    expect(batches.map((b) => b.dueAt)).toEqual([START + 5_000, START + 15_000]);
  });

  it("given more readings in a window than the API takes, when batched, then the window is split", () => {
    const batches = toBatches(
      Array.from({ length: 25 }, (_, s) => reading(s)),
      START,
      60,
      10,
    );

    expect(batches.map((b) => b.readings.length)).toEqual([10, 10, 5]);
    expect(new Set(batches.map((b) => b.dueAt)).size).toBe(1);
  });

  it("given a duplicate sent later, when batched, then it goes in the window it is sent in", () => {
    const duplicate = { ts: START + 4_000, bpm: 100, sendS: 6 };
    const batches = toBatches([reading(4), reading(5), duplicate], START, 5);

    expect(batches[1]?.readings).toContain(duplicate);
  });
});
