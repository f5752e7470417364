import { describe, expect, it } from "vitest";
import { legacyServerTs, toLegacyPayload, toLocalDateTimeArray } from "./legacy-payload";

const utc = (iso: string) => Date.parse(iso);

describe("toLocalDateTimeArray", () => {
  it.each([
    { iso: "2023-11-23T13:05:09.123Z", zone: "Europe/Berlin", wall: [2023, 11, 23, 14, 5, 9, 123_000_000] },
    { iso: "2023-07-01T10:00:07.000Z", zone: "Europe/Berlin", wall: [2023, 7, 1, 12, 0, 7] },
    { iso: "2023-07-01T10:00:00.000Z", zone: "Europe/Berlin", wall: [2023, 7, 1, 12, 0] },
    { iso: "2023-12-31T23:30:00.500Z", zone: "Asia/Kolkata", wall: [2024, 1, 1, 5, 0, 0, 500_000_000] },
    { iso: "2023-11-23T14:05:09.123Z", zone: "UTC", wall: [2023, 11, 23, 14, 5, 9, 123_000_000] },
  ])("given $iso in $zone, when serialised like Jackson, then it is $wall", ({ iso, zone, wall }) => {
    expect(toLocalDateTimeArray(utc(iso), zone)).toEqual(wall);
  });
});

describe("toLegacyPayload", () => {
  it("given a reading, when turned into the old watch payload, then it has playerId, heartbeat and the wall time", () => {
    const payload = toLegacyPayload({ ts: utc("2024-01-15T08:00:01.250Z"), bpm: 131 }, "sim-ab-1", "Europe/Berlin");

    expect(payload).toEqual({ playerId: "sim-ab-1", heartbeat: 131, createdAt: [2024, 1, 15, 9, 0, 1, 250_000_000] });
  });
});

describe("legacyServerTs", () => {
  it("given ordinary instants, when read back by the server in the same zone, then they round-trip exactly", () => {
    for (const iso of ["2023-11-23T13:05:09.123Z", "2024-03-31T01:00:00.001Z", "2024-07-01T00:00:00.999Z"]) {
      expect(legacyServerTs(utc(iso), "Europe/Berlin")).toBe(utc(iso));
    }
  });

  it("given the repeated hour when Berlin's clocks go back, when read back, then the server takes the earlier instant", () => {
    // 01:30 UTC on 27 Oct 2024 is 02:30 CET, the second 02:30 of that night; 00:30 UTC was the first (CEST).
    expect(legacyServerTs(utc("2024-10-27T01:30:00Z"), "Europe/Berlin")).toBe(utc("2024-10-27T00:30:00Z"));
  });
});
