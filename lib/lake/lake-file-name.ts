/**
 * Names of the lake's files, Kafka Connect HDFS sink style:
 * `heartrate.readings+3+0000001200+0000001799.parquet` is partition 3 of the
 * topic, offsets 1200 to 1799 inclusive. The names are the writer's only
 * checkpoint: a partition's position is recovered from them, so they must
 * parse back exactly to what was written.
 */

/** A contiguous range of one Kafka partition's offsets, first and last inclusive. */
export interface LakeFileRange {
  topic: string;
  partition: number;
  firstOffset: number;
  lastOffset: number;
}

export const LAKE_FILE_EXTENSION = ".parquet";
const TEMP_EXTENSION = ".tmp";
const OFFSET_DIGITS = 10;

// Kafka topic names never contain "+", so the last three "+" split the name.
const FILE_NAME = /^(.+)\+(\d+)\+(\d+)\+(\d+)\.parquet$/;
const DT_DIR = /^dt=(\d{4}-\d{2}-\d{2})$/;

/** `topic+partition+first+last.parquet`, offsets zero-padded to 10 digits. */
export function formatLakeFileName({ topic, partition, firstOffset, lastOffset }: LakeFileRange): string {
  if (lastOffset < firstOffset) throw new RangeError(`last offset ${lastOffset} is before first ${firstOffset}`);
  return `${topic}+${partition}+${pad(firstOffset)}+${pad(lastOffset)}${LAKE_FILE_EXTENSION}`;
}

/** The range a lake file name stands for, or null for anything that is not one. */
export function parseLakeFileName(name: string): LakeFileRange | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, topic = "", partition, first, last] = match;
  const range = { topic, partition: Number(partition), firstOffset: Number(first), lastOffset: Number(last) };
  const safe = [range.partition, range.firstOffset, range.lastOffset].every(Number.isSafeInteger);
  return safe && range.lastOffset >= range.firstOffset ? range : null;
}

/**
 * The temporary name a file is written under before its rename into the
 * table. It starts with `topic+partition+` so a new owner of the partition
 * can find and delete it; `attempt` keeps two writers' files apart.
 */
export function formatTempFileName(range: LakeFileRange, attempt: string): string {
  return `${formatLakeFileName(range).slice(0, -LAKE_FILE_EXTENSION.length)}.${attempt}${TEMP_EXTENSION}`;
}

/** The partition a temporary file of `topic` belongs to, or null if it is not one. */
export function tempFilePartition(name: string, topic: string): number | null {
  if (!name.startsWith(`${topic}+`) || !name.endsWith(TEMP_EXTENSION)) return null;
  const partition = /^(\d+)\+/.exec(name.slice(topic.length + 1))?.[1];
  return partition === undefined ? null : Number(partition);
}

/** The UTC day of an epoch-millisecond instant, `YYYY-MM-DD`; null when it has no such day. */
export function utcDay(epochMs: number): string | null {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return null;
  const day = date.toISOString().slice(0, 10);
  // Years past 9999 print as "+010000-…", which is no Hive partition value.
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** The Hive-style partition directory of a day: `dt=YYYY-MM-DD`. */
export function dtDirName(day: string): string {
  return `dt=${day}`;
}

/** The day of a `dt=YYYY-MM-DD` directory name, or null. */
export function parseDtDirName(name: string): string | null {
  return DT_DIR.exec(name)?.[1] ?? null;
}

function pad(offset: number): string {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid Kafka offset ${offset}`);
  return String(offset).padStart(OFFSET_DIGITS, "0");
}
