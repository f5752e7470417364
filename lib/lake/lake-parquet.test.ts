import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { encodeLakeFile, LAKE_SCHEMA } from "./lake-parquet";
import { toLakeColumns } from "./lake-rows";
import { buffered } from "./lake-messages.fixtures";

describe("encodeLakeFile", () => {
  it("given rows, when encoded and read back by hyparquet, then schema, codec and values are as the table says", async () => {
    const messages = [buffered(41, "2025-01-31", 2), buffered(42, null), buffered(43, "2025-01-31", 1)];
    const bytes = encodeLakeFile(toLakeColumns(messages, 3));

    const metadata = parquetMetadata(bytes.buffer);
    const rows = await parquetReadObjects({ file: bytes.buffer, rowFormat: "object" });

    expect(metadata.schema.slice(1).map((e) => [e.name, e.type, e.converted_type, e.repetition_type])).toEqual(
      LAKE_SCHEMA.map((e) => [e.name, e.type, e.converted_type, e.repetition_type]),
    );
    expect(metadata.schema.find((e) => e.name === "ts")?.logical_type).toEqual({
      type: "TIMESTAMP",
      isAdjustedToUTC: true,
      unit: "MILLIS",
    });
    expect(metadata.row_groups).toHaveLength(1);
    expect(new Set(metadata.row_groups[0]?.columns.map((c) => c.meta_data?.codec))).toEqual(new Set(["SNAPPY"]));
    expect(rows).toHaveLength(3);
    const first = messages[0]!.message!;
    expect(rows[0]).toEqual({
      reading_id: first.readings[0]!.id,
      user_id: "user-1",
      device_id: "device-1",
      workout_id: first.workoutId,
      ts: new Date(first.readings[0]!.ts),
      bpm: 100,
      received_at: new Date(first.receivedAt),
      kafka_partition: 3,
      kafka_offset: 41n,
      external_id: null,
      request_id: null,
    });
    expect(rows.map((r) => r.kafka_offset)).toEqual([41n, 41n, 43n]);
  });

  it("given no rows (only poison messages), when encoded, then it is a valid Parquet file of 0 rows", () => {
    const bytes = encodeLakeFile(toLakeColumns([buffered(1, null)], 0));

    expect(parquetMetadata(bytes.buffer).num_rows).toBe(0n);
  });
});
