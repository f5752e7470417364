import { describe, expect, it } from "vitest";
import { readingId } from "./reading-id";

const TS = 1_700_748_309_123; // 2023-11-23T14:05:09.123Z
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("readingId", () => {
  it("given a known device and time, when derived, then the id never changes (stored ids depend on it)", () => {
    // Cross-checked with Python's hashlib; changing this breaks dedupe against stored readings.
    expect(readingId("device-1", TS)).toBe("5db9732b-dec0-8a40-ac0a-bebad04450c2");
  });

  it("given any input, when derived, then the id is an RFC 9562 version-8 UUID", () => {
    expect(readingId("device-1", TS)).toMatch(UUID_V8);
  });

  it.each<{ given: string; a: [string, number]; b: [string, number]; same: boolean }>([
    { given: "a retry with the same ts", a: ["device-1", TS], b: ["device-1", TS], same: true },
    {
      given: "the start and end of one second",
      a: ["device-1", 1_700_748_309_000],
      b: ["device-1", 1_700_748_309_999],
      same: true,
    },
    { given: "adjacent seconds", a: ["device-1", 1_700_748_309_999], b: ["device-1", 1_700_748_310_000], same: false },
    { given: "two devices, same second", a: ["device-1", TS], b: ["device-2", TS], same: false },
    { given: "-1 ms and 0 ms (floor, not truncation)", a: ["device-1", -1], b: ["device-1", 0], same: false },
    { given: "ids that concatenate alike", a: ["device-1", 12], b: ["device-11", 2], same: false },
  ])("given $given, when derived, then the ids are equal: $same", ({ a, b, same }) => {
    expect(readingId(...a) === readingId(...b)).toBe(same);
  });

  it.each([
    { given: "an empty device id", deviceId: "", ts: TS, error: TypeError },
    { given: "a NaN timestamp", deviceId: "device-1", ts: Number.NaN, error: RangeError },
    { given: "an infinite timestamp", deviceId: "device-1", ts: Number.POSITIVE_INFINITY, error: RangeError },
  ])("given $given, when derived, then it throws", ({ deviceId, ts, error }) => {
    expect(() => readingId(deviceId, ts)).toThrow(error);
  });
});
