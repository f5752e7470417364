import { describe, expect, it } from "vitest";
import { dedupeReadings, getDedupeKeys, getDeviceSecondKey } from "./dedupe";
import { makeReading, T0 } from "./readings.fixtures";

const idsOf = (readings: readonly { readingId: string }[]) => readings.map((r) => r.readingId);

describe("dedupeReadings", () => {
  it("given two readings of a device in one second, when deduped, then the first to arrive wins even if later in time", () => {
    const later = makeReading({ readingId: "a", ts: T0 + 900 });
    const earlier = makeReading({ readingId: "b", ts: T0 + 100 });

    const { accepted, duplicates } = dedupeReadings([later, earlier]);

    expect(idsOf(accepted)).toEqual(["a"]);
    expect(duplicates).toEqual([{ reading: earlier, reason: "same-device-second" }]);
  });

  it.each([
    { pair: "999 ms and 1000 ms (two seconds)", a: { ts: T0 + 999 }, b: { ts: T0 + 1000 }, kept: 2 },
    { pair: "0 ms and 999 ms (one second)", a: { ts: T0 }, b: { ts: T0 + 999 }, kept: 1 },
    { pair: "two devices in one second", a: { deviceId: "watch-1" }, b: { deviceId: "strap-2" }, kept: 2 },
    { pair: "one device in two workouts", a: { workoutId: "w-1" }, b: { workoutId: "w-2" }, kept: 1 },
  ])("given readings at $pair, when deduped, then $kept are kept", ({ a, b, kept }) => {
    const batch = [makeReading({ readingId: "a", ...a }), makeReading({ readingId: "b", ...b })];

    expect(dedupeReadings(batch).accepted).toHaveLength(kept);
  });

  it("given a retried message in the same batch, when deduped, then it is counted once", () => {
    const first = makeReading({ readingId: "r-1", ts: T0 });
    const retry = { ...first };

    const { accepted, duplicates } = dedupeReadings([first, retry]);

    expect(accepted).toEqual([first]);
    expect(duplicates).toEqual([{ reading: retry, reason: "same-reading-id" }]);
  });

  it.each([
    ["a retry of a stored message", { readingId: "stored", ts: T0 + 10_000 }, "same-reading-id"],
    ["a new message in a stored second", { readingId: "new", ts: T0 + 500 }, "same-device-second"],
  ] as const)("given %s, when deduped against the store, then the stored one wins", (_, incoming, reason) => {
    const stored = getDedupeKeys([makeReading({ readingId: "stored", ts: T0 + 200 })]);

    const { accepted, duplicates } = dedupeReadings([makeReading(incoming)], stored);

    expect(accepted).toEqual([]);
    expect(duplicates.map((d) => d.reason)).toEqual([reason]);
  });

  it("given extra fields on readings, when deduped, then they are carried through", () => {
    const reading = { ...makeReading(), offset: "42" };

    expect(dedupeReadings([reading]).accepted[0]?.offset).toBe("42");
  });
});

describe("getDeviceSecondKey", () => {
  it("given device ids containing the separator, when keyed, then keys of different seconds never collide", () => {
    const a = getDeviceSecondKey({ deviceId: "2|x", ts: 1_000 });
    const b = getDeviceSecondKey({ deviceId: "x", ts: 12_000 });

    expect(a).not.toBe(b);
  });

  it("given a timestamp before 1970, when keyed, then it floors to the earlier second", () => {
    expect(getDeviceSecondKey({ deviceId: "d", ts: -1 })).toBe(getDeviceSecondKey({ deviceId: "d", ts: -1_000 }));
  });
});
