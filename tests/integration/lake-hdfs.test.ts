import { afterAll, describe, expect, it } from "vitest";
import { deleteStaleTempFiles, landLakeFile, LandingConflictError, listOrEmpty } from "@/lib/lake/lake-hdfs";
import { hdfs } from "./lake-support";
import { uniqueName } from "./support/ids";

const root = `/tmp/heartlake-it/${uniqueName("lake-hdfs")}`;
const tmpDir = `${root}/+tmp`;
const dayDir = `${root}/table/dt=2025-01-31`;
const names = async (dir: string) => (await listOrEmpty(hdfs, dir)).map((f) => f.pathSuffix).sort();

function landing(fileName: string, fence: () => Promise<void> = async () => undefined) {
  return { tmpDir, tmpName: `${fileName}.a1.tmp`, dayDir, fileName, bytes: new Uint8Array([1, 2, 3]), fence };
}

describe("landing lake files through WebHDFS", () => {
  afterAll(() => hdfs.delete(root, { recursive: true }));

  it("given a file, when landed, then it is in the day's directory and its temporary file is gone", async () => {
    expect(await landLakeFile(hdfs, landing("t+0+0000000000+0000000009.parquet"))).toBe(
      `${dayDir}/t+0+0000000000+0000000009.parquet`,
    );
    expect(await names(dayDir)).toContain("t+0+0000000000+0000000009.parquet");
    expect(await names(tmpDir)).toEqual([]);
  });

  it("given a fence that refuses, when landed, then nothing reaches the table", async () => {
    const refused = landing("t+1+0000000000+0000000009.parquet", () => Promise.reject(new Error("revoked")));

    await expect(landLakeFile(hdfs, refused)).rejects.toThrow("revoked");
    expect(await names(dayDir)).not.toContain("t+1+0000000000+0000000009.parquet");
  });

  it("given the new owner deletes the temporary file before the rename, when landed, then it is a conflict and nothing lands", async () => {
    const raced = landing("t+2+0000000000+0000000009.parquet", async () => {
      await deleteStaleTempFiles(hdfs, tmpDir, "t", new Set([2]));
    });

    await expect(landLakeFile(hdfs, raced)).rejects.toBeInstanceOf(LandingConflictError);
    expect(await names(dayDir)).not.toContain("t+2+0000000000+0000000009.parquet");
  });

  it("given the same range already landed (a retry after a lost answer), when landed again, then it counts as landed once", async () => {
    await landLakeFile(hdfs, landing("t+3+0000000000+0000000009.parquet"));

    await landLakeFile(hdfs, landing("t+3+0000000000+0000000009.parquet"));

    expect((await names(dayDir)).filter((n) => n.startsWith("t+3+"))).toHaveLength(1);
    expect((await names(tmpDir)).filter((n) => n.startsWith("t+3+"))).toEqual([]);
  });

  it("given temporary files of several partitions and topics, when a writer cleans its partitions, then only those go", async () => {
    for (const name of [
      "t+4+0000000000+0000000001.x.tmp",
      "t+5+0000000000+0000000001.x.tmp",
      "u+4+0000000000+0000000001.x.tmp",
    ]) {
      await hdfs.create(`${tmpDir}/${name}`, new Uint8Array([0]), { overwrite: true });
    }

    expect(await deleteStaleTempFiles(hdfs, tmpDir, "t", new Set([4]))).toEqual(["t+4+0000000000+0000000001.x.tmp"]);
    expect(await names(tmpDir)).toEqual(
      expect.arrayContaining(["t+5+0000000000+0000000001.x.tmp", "u+4+0000000000+0000000001.x.tmp"]),
    );
  });
});
