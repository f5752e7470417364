import { dtDirName, parseDtDirName, tempFilePartition } from "./lake-file-name";
import { WebHdfsError, type FileStatus, type WebHdfsClient } from "./webhdfs";

/**
 * The lake's layout on HDFS: `<table>/dt=YYYY-MM-DD/<file>.parquet`, and
 * files in the making under a temporary directory outside the table.
 */

/** One file found in a dt directory of the table. */
export interface LakeListingEntry {
  day: string;
  name: string;
  path: string;
  bytes: number;
}

/** The children of a directory; one that does not exist yet is empty. */
export async function listOrEmpty(hdfs: WebHdfsClient, path: string): Promise<FileStatus[]> {
  try {
    return await hdfs.listStatus(path);
  } catch (err) {
    if (err instanceof WebHdfsError && err.status === 404) return [];
    throw err;
  }
}

/** The days the table has a dt directory for, oldest first. */
export async function listLakeDays(hdfs: WebHdfsClient, table: string): Promise<string[]> {
  const entries = await listOrEmpty(hdfs, table);
  return entries
    .filter((e) => e.type === "DIRECTORY")
    .flatMap((e) => parseDtDirName(e.pathSuffix) ?? [])
    .sort();
}

/** The files in one day's directory. */
export async function listLakeDay(hdfs: WebHdfsClient, table: string, day: string): Promise<LakeListingEntry[]> {
  const dir = `${table}/${dtDirName(day)}`;
  const entries = await listOrEmpty(hdfs, dir);
  return entries
    .filter((e) => e.type === "FILE")
    .map((e) => ({ day, name: e.pathSuffix, path: `${dir}/${e.pathSuffix}`, bytes: e.length }));
}

/**
 * Every file of every day. A partition's newest offsets may sit in any day
 * (a message's day is its receivedAt, not its offset), so recovery reads all.
 */
export async function listLakeFiles(hdfs: WebHdfsClient, table: string, parallel = 4): Promise<LakeListingEntry[]> {
  const days = await listLakeDays(hdfs, table);
  const found: LakeListingEntry[][] = [];
  for (let i = 0; i < days.length; i += parallel) {
    found.push(...(await Promise.all(days.slice(i, i + parallel).map((d) => listLakeDay(hdfs, table, d)))));
  }
  return found.flat();
}

/**
 * Deletes the temporary files of the given partitions: what a writer that
 * died mid-flush left. Other partitions' files belong to other instances,
 * which may be writing them right now, so they are left alone.
 */
export async function deleteStaleTempFiles(
  hdfs: WebHdfsClient,
  tmpDir: string,
  topic: string,
  partitions: ReadonlySet<number>,
): Promise<string[]> {
  const stale = (await listOrEmpty(hdfs, tmpDir)).filter((e) => {
    const partition = tempFilePartition(e.pathSuffix, topic);
    return e.type === "FILE" && partition !== null && partitions.has(partition);
  });
  for (const e of stale) await hdfs.delete(`${tmpDir}/${e.pathSuffix}`);
  return stale.map((e) => e.pathSuffix);
}

/** The rename into the table found its source gone or its target taken: another writer got there. */
export class LandingConflictError extends Error {
  override name = "LandingConflictError";
}

/** Where one file is written and where it lands. */
export interface Landing {
  tmpDir: string;
  tmpName: string;
  dayDir: string;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** Checked after the bytes are safe and before the rename; throws to abandon the file. */
  fence: () => Promise<void>;
}

/**
 * Writes the bytes under the temporary name, then renames them into the
 * day's directory. The rename is atomic in HDFS: the file is in the table
 * whole or not at all, and its name is the commit. Safe to call again after
 * any failure: the temporary file is simply overwritten.
 * Returns the landed path.
 */
export async function landLakeFile(hdfs: WebHdfsClient, landing: Landing): Promise<string> {
  const tmpPath = `${landing.tmpDir}/${landing.tmpName}`;
  const finalPath = `${landing.dayDir}/${landing.fileName}`;
  await hdfs.mkdirs(landing.tmpDir);
  await hdfs.create(tmpPath, landing.bytes, { overwrite: true });
  await hdfs.mkdirs(landing.dayDir);
  await landing.fence();
  if (await hdfs.rename(tmpPath, finalPath)) return finalPath;
  // HDFS refuses a rename onto an existing file. A file of this very name
  // holds this very offset range (a retry after a rename whose answer was
  // lost finds its own), so the range is in the lake exactly once already.
  if (await hdfs.exists(finalPath)) {
    await hdfs.delete(tmpPath);
    return finalPath;
  }
  // The source is gone: the partition's new owner deleted it as stale.
  throw new LandingConflictError(`rename ${tmpPath} -> ${finalPath} refused: the temporary file is gone`);
}
