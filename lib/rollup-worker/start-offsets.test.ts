import { describe, expect, it } from "vitest";
import { chooseStartOffset } from "./start-offsets";

describe("chooseStartOffset", () => {
  it.each([
    ["nothing stored: the log's start", undefined, 0, { offset: 0, lost: 0 }],
    ["nothing stored, log trimmed", undefined, 40, { offset: 40, lost: 0 }],
    ["a stored offset: it wins", 120, 40, { offset: 120, lost: 0 }],
    ["stored below the log's start: what retention deleted is reported", 10, 40, { offset: 40, lost: 30 }],
  ] as const)("given %s, when chosen, then it is %j", (_, stored, logStart, expected) => {
    expect(chooseStartOffset(stored, logStart)).toEqual(expected);
  });
});
