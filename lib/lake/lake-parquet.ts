import type { SchemaElement } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { LakeColumns } from "./lake-rows";

const string = (name: string, repetition_type: "REQUIRED" | "OPTIONAL" = "REQUIRED"): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  logical_type: { type: "STRING" },
  repetition_type,
});

// Both the legacy converted type and the logical type, as parquet-mr writes
// them, so old readers (Hive) and new ones (Spark, DuckDB) agree: UTC millis.
const timestamp = (name: string): SchemaElement => ({
  name,
  type: "INT64",
  converted_type: "TIMESTAMP_MILLIS",
  logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
  repetition_type: "REQUIRED",
});

/** The lake table's columns, in file order; external_id and request_id are kept for tracing. */
export const LAKE_SCHEMA: readonly SchemaElement[] = [
  string("reading_id"),
  string("user_id"),
  string("device_id"),
  string("workout_id"),
  timestamp("ts"),
  { name: "bpm", type: "DOUBLE", repetition_type: "REQUIRED" },
  timestamp("received_at"),
  { name: "kafka_partition", type: "INT32", repetition_type: "REQUIRED" },
  { name: "kafka_offset", type: "INT64", repetition_type: "REQUIRED" },
  string("external_id", "OPTIONAL"),
  string("request_id", "OPTIONAL"),
];

/** Snappy: built into the writer and every Parquet reader; Node 20 has no zstd. */
export const LAKE_CODEC = "SNAPPY";

/** One Parquet file (a single row group) holding the given rows. */
export function encodeLakeFile(columns: LakeColumns, createdBy = "heartlake lake-writer"): Uint8Array<ArrayBuffer> {
  const rows = columns.reading_id.length;
  const buffer = parquetWriteBuffer({
    columnData: LAKE_SCHEMA.map((element) => ({
      name: element.name,
      data: columns[element.name as keyof LakeColumns],
      nullable: element.repetition_type === "OPTIONAL",
      // Min/max of ids prune nothing and cost a fifth of the encoding time;
      // those of times, offsets and bpm are what readers skip files by.
      statistics: element.type !== "BYTE_ARRAY",
    })),
    schema: [{ name: "schema", num_children: LAKE_SCHEMA.length }, ...LAKE_SCHEMA],
    codec: LAKE_CODEC,
    // One row group per file: files are already flush-sized, and readers
    // that split by row group get a file per task.
    rowGroupSize: Math.max(rows, 1),
    createdBy,
  });
  return new Uint8Array(buffer);
}
