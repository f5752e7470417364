import { describe, expect, it } from "vitest";
import { classifyFiveZone, getFiveZoneRanges, getFiveZoneThresholds } from "./five-zones";

describe("getFiveZoneThresholds", () => {
  it.each([
    [190, [95, 114, 133, 152, 171]],
    [186.3, [93.15, 111.78, 130.41, 149.04, 167.67]],
  ])("given max %s, when resolved, then zones 1-5 start at %j, unrounded", (maxHr, expected) => {
    expect(getFiveZoneThresholds(maxHr).map((t) => t.fromBpm)).toEqual(expected);
  });
});

describe("classifyFiveZone", () => {
  const max190 = getFiveZoneThresholds(190);
  const tanaka31 = getFiveZoneThresholds(186.3);

  it.each([
    [0, 0],
    [94.9, 0],
    [95, 1],
    [113.9, 1],
    [114, 2],
    [132.9, 2],
    [133, 3],
    [151.9, 3],
    [152, 4],
    [170.9, 4],
    [171, 5],
    [190, 5],
    [205, 5],
  ])("given max 190 and %s bpm, when classified, then it is zone %s", (bpm, zone) => {
    expect(classifyFiveZone(bpm, max190)).toBe(zone);
  });

  it.each([
    [111.77, 1],
    [111.78, 2],
    [167.67, 5],
  ])("given max 186.3 and %s bpm, when classified, then it is zone %s", (bpm, zone) => {
    expect(classifyFiveZone(bpm, tanaka31)).toBe(zone);
  });
});

describe("getFiveZoneRanges", () => {
  it("given max 190, when previewed, then zone 0 to 5 ranges meet at the thresholds", () => {
    expect(getFiveZoneRanges(190)).toEqual([
      { zone: 0, fromBpm: 0, toBpm: 95 },
      { zone: 1, fromBpm: 95, toBpm: 114 },
      { zone: 2, fromBpm: 114, toBpm: 133 },
      { zone: 3, fromBpm: 133, toBpm: 152 },
      { zone: 4, fromBpm: 152, toBpm: 171 },
      { zone: 5, fromBpm: 171, toBpm: null },
    ]);
  });

  it("given any bpm to a hundredth, when looked up, then exactly one range holds it and it agrees with classify", () => {
    const ranges = getFiveZoneRanges(186.3);
    const thresholds = getFiveZoneThresholds(186.3);
    const disagreements = [];
    for (let hundredths = 0; hundredths <= 25_000; hundredths++) {
      const bpm = hundredths / 100;
      const holding = ranges.filter((r) => bpm >= r.fromBpm && (r.toBpm === null || bpm < r.toBpm));
      if (holding.length !== 1 || holding[0]?.zone !== classifyFiveZone(bpm, thresholds)) disagreements.push(bpm);
    }

    expect(disagreements).toEqual([]);
  });
});
