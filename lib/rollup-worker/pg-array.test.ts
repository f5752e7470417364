import { describe, expect, it } from "vitest";
import { toPgArray } from "./pg-array";

describe("toPgArray", () => {
  it.each([
    [[], "{}"],
    [[1, 2.5, -3, 1_700_000_000_123], "{1,2.5,-3,1700000000123}"],
    [["6f1c2b8e-7a55-4d0e-9c43-0d7a4e1b2c3d"], "{6f1c2b8e-7a55-4d0e-9c43-0d7a4e1b2c3d}"],
  ])("given %j, when built, then the literal is %s", (values, literal) => {
    expect(toPgArray(values)).toBe(literal);
  });

  it.each([[[Number.NaN]], [[Infinity]], [["a,b"]], [['"x"']], [[""]], [["NULL x"]]])(
    "given %j, which would need quoting, when built, then it throws",
    (values) => {
      expect(() => toPgArray(values)).toThrow(TypeError);
    },
  );
});
