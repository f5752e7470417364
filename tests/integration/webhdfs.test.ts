import { afterAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { createWebHdfsClient, putToDataNode, WebHdfsError } from "@/lib/lake/webhdfs";
import { uniqueName } from "./support/ids";

const config = getConfig();
const hdfs = createWebHdfsClient({ baseUrl: config.WEBHDFS_URL, user: config.HDFS_USER });
const dir = `/tmp/heartlake-it/${uniqueName("webhdfs")}`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe("WebHDFS client against the local NameNode and DataNode", () => {
  afterAll(() => hdfs.delete(dir, { recursive: true }));

  it("given a CREATE, when sent to the NameNode, then it redirects (307) to a DataNode on localhost that answers 201", async () => {
    const url = new URL(`/webhdfs/v1${dir}/raw.txt`, config.WEBHDFS_URL);
    url.search = new URLSearchParams({ op: "CREATE", "user.name": config.HDFS_USER }).toString();

    const first = await fetch(url, { method: "PUT", redirect: "manual" });
    const location = first.headers.get("location") ?? "";
    const second = await putToDataNode(location, bytes("two steps"), 10_000);

    expect(first.status).toBe(307);
    expect(new URL(location).host).toBe("localhost:9864");
    expect(second.status).toBe(201);
  });

  it("given a file written through the client, when read back, renamed and listed, then the bytes and names match", async () => {
    await hdfs.mkdirs(`${dir}/+tmp`);
    await hdfs.create(`${dir}/+tmp/a.bin`, bytes("heart beats"));

    expect(await hdfs.rename(`${dir}/+tmp/a.bin`, `${dir}/a.bin`)).toBe(true);
    expect(new TextDecoder().decode(await hdfs.open(`${dir}/a.bin`))).toBe("heart beats");
    const listing = await hdfs.listStatus(dir);
    expect(listing.map((f) => [f.pathSuffix, f.type]).sort()).toEqual([
      ["+tmp", "DIRECTORY"],
      ["a.bin", "FILE"],
      ["raw.txt", "FILE"],
    ]);
    expect((await hdfs.getFileStatus(`${dir}/a.bin`)).length).toBe(11);
  });

  it("given an existing file, when created again without overwrite, then HDFS refuses with its own exception name", async () => {
    await hdfs.create(`${dir}/once.bin`, bytes("1"));

    const error = await hdfs.create(`${dir}/once.bin`, bytes("2")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WebHdfsError);
    expect((error as WebHdfsError).exception).toBe("FileAlreadyExistsException");
  });

  it("given a missing path, when its status is asked, then it is a 404 FileNotFoundException and exists() is false", async () => {
    const error = await hdfs.getFileStatus(`${dir}/missing`).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 404, exception: "FileNotFoundException" });
    expect(await hdfs.exists(`${dir}/missing`)).toBe(false);
  });

  it("given a NameNode that is not there, when called, then the error says it is unreachable", async () => {
    const nowhere = createWebHdfsClient({ baseUrl: "http://127.0.0.1:1", user: "x", timeoutMs: 1_000 });

    await expect(nowhere.getFileStatus("/")).rejects.toThrow(/WebHDFS unreachable at http:\/\/127.0.0.1:1/);
  });
});
