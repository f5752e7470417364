import { parquetMetadataAsync, type AsyncBuffer } from "hyparquet";
import { parseLakeFileName, type LakeFileRange } from "./lake-file-name";
import { listLakeDay, type LakeListingEntry } from "./lake-hdfs";
import type { WebHdfsClient } from "./webhdfs";

/** One landed file of a day, for reconciliation: where its rows came from and how many there are. */
export interface LakeFileInfo extends LakeFileRange {
  day: string;
  name: string;
  path: string;
  /** Row count from the Parquet footer (one row per reading). */
  rows: number;
  /** File size in HDFS. */
  bytes: number;
}

/** Reads only the footer: enough for the row count, without moving a file's data. */
const FOOTER_GUESS_BYTES = 64 * 1024;

/**
 * The lake files of one day (optionally of one topic only), sorted by
 * partition and first offset. Files whose names are not lake file names are
 * left out. Rows are counted from each file's footer.
 */
export async function listLakeDayInventory(
  hdfs: WebHdfsClient,
  table: string,
  day: string,
  options: { topic?: string; parallel?: number } = {},
): Promise<LakeFileInfo[]> {
  const files = (await listLakeDay(hdfs, table, day)).flatMap((entry) => {
    const range = parseLakeFileName(entry.name);
    return range && (options.topic === undefined || range.topic === options.topic) ? [{ entry, range }] : [];
  });
  const parallel = options.parallel ?? 8;
  const infos: LakeFileInfo[] = [];
  for (let i = 0; i < files.length; i += parallel) {
    const chunk = files.slice(i, i + parallel);
    infos.push(...(await Promise.all(chunk.map(({ entry, range }) => describeFile(hdfs, entry, range)))));
  }
  return infos.sort((a, b) => a.partition - b.partition || a.firstOffset - b.firstOffset);
}

async function describeFile(hdfs: WebHdfsClient, entry: LakeListingEntry, range: LakeFileRange) {
  const metadata = await parquetMetadataAsync(hdfsAsyncBuffer(hdfs, entry.path, entry.bytes), {
    initialFetchSize: FOOTER_GUESS_BYTES,
  });
  return {
    ...range,
    day: entry.day,
    name: entry.name,
    path: entry.path,
    rows: Number(metadata.num_rows),
    bytes: entry.bytes,
  };
}

/** hyparquet's random-access file, backed by ranged WebHDFS reads. */
export function hdfsAsyncBuffer(hdfs: WebHdfsClient, path: string, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end = byteLength) {
      const bytes = await hdfs.openRange(path, start, end - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}
