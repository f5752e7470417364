import { describe, expect, it } from "vitest";
import { planMinuteRuns } from "./minute-runs";

const M = 60_000;
const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

describe("planMinuteRuns", () => {
  it.each([
    ["one reading", [["w", 5_000]], [["w", 0, 1]]],
    [
      "consecutive minutes merge",
      [
        ["w", 59_000],
        ["w", 60_000],
        ["w", 125_000],
      ],
      [["w", 0, 3]],
    ],
    [
      "a gap splits",
      [
        ["w", 1_000],
        ["w", 3 * M + 1],
      ],
      [
        ["w", 0, 1],
        ["w", 3, 4],
      ],
    ],
    [
      "any order",
      [
        ["w", 3 * M],
        ["w", 1_000],
        ["w", 2 * M],
      ],
      [
        ["w", 0, 1],
        ["w", 2, 4],
      ],
    ],
    [
      "per workout",
      [
        ["a", 0],
        ["b", 0],
        ["a", M],
      ],
      [
        ["a", 0, 2],
        ["b", 0, 1],
      ],
    ],
  ] as const)("given %s, when planned, then the runs are minute ranges", (_, points, expected) => {
    const runs = planMinuteRuns(points.map(([workoutId, offset]) => ({ workoutId, ts: T0 + offset })));

    expect(runs).toEqual(
      expected.map(([workoutId, from, to]) => ({ workoutId, fromMs: T0 + from * M, toMs: T0 + to * M })),
    );
  });

  it("given no readings, when planned, then there are no runs", () => {
    expect(planMinuteRuns([])).toEqual([]);
  });
});
