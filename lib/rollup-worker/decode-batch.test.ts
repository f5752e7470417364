import { describe, expect, it } from "vitest";
import { createReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";
import type { SourceRecord } from "./batch-types";
import { decodeRecords, selectFreshRecords } from "./decode-batch";

const WORKOUT = "6f1c2b8e-7a55-4d0e-9c43-0d7a4e1b2c3d";
const meta = { userId: "u-1", deviceId: "d-1", workoutId: WORKOUT, receivedAt: 1_700_000_000_000 };

function record(offset: number, value: string | null): SourceRecord {
  return { offset, key: Buffer.from(WORKOUT), value: value === null ? null : Buffer.from(value), headers: {} };
}

const good = (offset: number) =>
  record(
    offset,
    encodeReadingsMessage(createReadingsMessage(meta, [{ ts: 1_700_000_000_000 + offset * 1000, bpm: 120 }])),
  );

describe("selectFreshRecords", () => {
  it("given no stored offset, when selected, then every record is fresh and decoded or poison", () => {
    const fresh = selectFreshRecords(decodeRecords([good(0), record(1, "{"), good(2)]), null);

    expect(fresh.decoded.map((d) => d.record.offset)).toEqual([0, 2]);
    expect(fresh.poison.map((p) => [p.record.offset, p.reason])).toEqual([[1, "INVALID_JSON"]]);
    expect(fresh).toMatchObject({ skipped: 0, firstOffset: 0 });
  });

  it("given a stored offset inside the batch, when selected, then records below it are skipped", () => {
    const fresh = selectFreshRecords(decodeRecords([good(5), record(6, null), good(7), good(8)]), 7);

    expect(fresh.decoded.map((d) => d.record.offset)).toEqual([7, 8]);
    expect(fresh.poison).toEqual([]);
    expect(fresh).toMatchObject({ skipped: 2, firstOffset: 7 });
  });

  it("given a stored offset past the batch, when selected, then nothing is fresh", () => {
    const fresh = selectFreshRecords(decodeRecords([good(1), good(2)]), 10);

    expect(fresh).toEqual({ decoded: [], poison: [], skipped: 2, firstOffset: null });
  });

  it.each([
    [null, "UNDECODABLE"],
    ['{"v":2}', "UNKNOWN_VERSION"],
    ['{"v":1}', "INVALID_FIELDS"],
    ["[1]", "INVALID_FIELDS"],
  ])("given the value %s, when selected, then it is poison with reason %s", (value, reason) => {
    const fresh = selectFreshRecords(decodeRecords([record(3, value)]), null);

    expect(fresh.poison[0]?.reason).toBe(reason);
    expect(fresh.poison[0]?.detail).not.toBe("");
  });
});
