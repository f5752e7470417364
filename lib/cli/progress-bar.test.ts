import { describe, expect, it } from "vitest";
import { formatBar } from "./progress-bar";

describe("formatBar", () => {
  it.each([
    [0, "parse [          ]   0 %"],
    [0.45, "parse [####      ]  45 %"],
    [1, "parse [##########] 100 %"],
    [1.7, "parse [##########] 100 %"],
    [-1, "parse [          ]   0 %"],
  ])("given %s done, when drawn 10 wide, then it reads %j", (fraction, expected) => {
    expect(formatBar("parse", fraction, 10)).toBe(expected);
  });
});
