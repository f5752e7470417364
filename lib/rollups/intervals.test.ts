import { describe, expect, it } from "vitest";
import { creditReadings, DEFAULT_MAX_GAP_MS, LAST_READING_MS } from "./intervals";
import { makeReading, makeWorkout, T0 } from "./readings.fixtures";

const credits = (offsets: number[], maxGapMs?: number) =>
  creditReadings(makeWorkout(offsets.map((o) => [o, 100])), maxGapMs === undefined ? undefined : { maxGapMs }).map(
    (c) => [c.creditMs, c.dropoutMs],
  );

describe("creditReadings", () => {
  it("given the defaults, when read, then the gap cap is 5 s and the last reading is 1 s", () => {
    expect([DEFAULT_MAX_GAP_MS, LAST_READING_MS]).toEqual([5_000, 1_000]);
  });

  it.each([
    // [gap to the next reading, its credit, its dropout]
    [1_000, 1_000, 0],
    [4_999, 4_999, 0],
    [5_000, 5_000, 0],
    [5_001, 5_000, 1],
    [60_000, 5_000, 55_000],
    [1, 1, 0],
  ])(
    "given a gap of %s ms, when credited, then the reading stands for %s ms with %s ms of dropout",
    (gap, credit, dropout) => {
      expect(credits([0, gap])).toEqual([
        [credit, dropout],
        [LAST_READING_MS, 0],
      ]);
    },
  );

  it("given a single reading, when credited, then it stands for one second", () => {
    expect(credits([0])).toEqual([[1_000, 0]]);
  });

  it("given a custom max gap, when credited, then gaps beyond it are dropouts", () => {
    expect(credits([0, 2_000, 4_500], 2_000)).toEqual([
      [2_000, 0],
      [2_000, 500],
      [1_000, 0],
    ]);
  });

  it("given readings out of order, when credited, then they come back in time order with the same credit", () => {
    const inOrder = makeWorkout([
      [0, 100],
      [3_000, 110],
      [9_000, 120],
    ]);
    const reversed = [...inOrder].reverse();

    expect(creditReadings(reversed)).toEqual(creditReadings(inOrder));
    expect(creditReadings(reversed).map((c) => c.reading.ts - T0)).toEqual([0, 3_000, 9_000]);
  });

  it("given two devices at the same instant, when credited in either order, then the result is the same", () => {
    const a = makeReading({ readingId: "a", deviceId: "watch", ts: T0 });
    const b = makeReading({ readingId: "b", deviceId: "strap", ts: T0 });

    expect(creditReadings([b, a])).toEqual(creditReadings([a, b]));
    expect(creditReadings([b, a]).map((c) => [c.reading.readingId, c.creditMs])).toEqual([
      ["a", 0],
      ["b", 1_000],
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN])("given maxGapMs %s, when credited, then it is refused", (maxGapMs) => {
    expect(() => creditReadings([], { maxGapMs })).toThrow(RangeError);
  });

  it("given a fractional timestamp, when credited, then it is refused rather than breaking exact sums", () => {
    expect(() => creditReadings([makeReading({ ts: T0 + 0.5 })])).toThrow(RangeError);
  });
});
