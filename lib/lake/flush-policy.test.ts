import { describe, expect, it } from "vitest";
import { flushReason, type BufferStats } from "./flush-policy";

const policy = { maxReadings: 100, maxBytes: 1_000, maxAgeMs: 30_000 };
const stats = (over: Partial<BufferStats>): BufferStats => ({
  messages: 1,
  readings: 1,
  bytes: 10,
  openedAt: 1_000,
  ...over,
});

describe("flushReason", () => {
  it.each<[string, Partial<BufferStats>, number, ReturnType<typeof flushReason>]>([
    ["an empty buffer, however old", { messages: 0, readings: 0, bytes: 0, openedAt: null }, 1e9, null],
    ["a young, small buffer", {}, 30_999, null],
    ["a buffer at the reading limit", { readings: 100 }, 1_000, "readings"],
    ["a buffer at the byte limit", { bytes: 1_000 }, 1_000, "bytes"],
    ["a buffer at the age limit", {}, 31_000, "age"],
    ["only poison messages (no readings), old enough", { readings: 0 }, 31_000, "age"],
    ["a buffer over every limit", { readings: 500, bytes: 5_000 }, 99_000, "readings"],
  ])("given %s, when checked, then the reason is %s", (_, over, now, reason) => {
    expect(flushReason(stats(over), policy, now)).toBe(reason);
  });
});
