import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { z } from "zod";

/**
 * A small typed WebHDFS client on fetch. Writes follow the protocol's
 * two-step dance: the NameNode answers 307 with a DataNode address and the
 * bytes go there, so the NameNode never relays file data.
 */

export const fileStatusSchema = z.object({
  pathSuffix: z.string(),
  type: z.enum(["FILE", "DIRECTORY", "SYMLINK"]),
  length: z.number(),
  modificationTime: z.number(),
  replication: z.number(),
  owner: z.string(),
  permission: z.string(),
});

export type FileStatus = z.infer<typeof fileStatusSchema>;

const remoteExceptionSchema = z.object({
  RemoteException: z.object({
    exception: z.string(),
    javaClassName: z.string().optional(),
    message: z.string(),
  }),
});

/** A failed WebHDFS call; `exception` is HDFS's own name for it (e.g. FileNotFoundException). */
export class WebHdfsError extends Error {
  override name = "WebHdfsError";
  constructor(
    message: string,
    readonly op: string,
    readonly path: string,
    readonly status?: number,
    readonly exception?: string,
  ) {
    super(message);
  }
}

export interface WebHdfsOptions {
  /** NameNode HTTP address, e.g. http://127.0.0.1:9870. */
  baseUrl: string;
  user: string;
  timeoutMs?: number;
}

type Params = Record<string, string | number | boolean>;

export function createWebHdfsClient({ baseUrl, user, timeoutMs = 30_000 }: WebHdfsOptions) {
  function urlFor(path: string, op: string, params: Params = {}): string {
    if (!path.startsWith("/")) throw new WebHdfsError("HDFS paths must be absolute", op, path);
    const url = new URL(`/webhdfs/v1${encodeURI(path)}`, baseUrl);
    url.searchParams.set("op", op);
    url.searchParams.set("user.name", user);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    return url.toString();
  }

  async function call(method: string, op: string, path: string, params?: Params, init: RequestInit = {}) {
    let res: Response;
    try {
      res = await fetch(urlFor(path, op, params), {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        ...init,
      });
    } catch (cause) {
      throw new WebHdfsError(`WebHDFS unreachable at ${baseUrl}: ${describe(cause)}`, op, path);
    }
    if (res.status >= 400) throw await toError(res, op, path);
    return res;
  }

  async function json<T>(method: string, op: string, path: string, schema: z.ZodType<T>, params?: Params) {
    const res = await call(method, op, path, params);
    return schema.parse(await res.json());
  }

  /** Follows the NameNode's 307 to the DataNode that will serve or take the bytes. */
  async function dataNodeLocation(method: string, op: string, path: string, params?: Params) {
    const res = await call(method, op, path, params);
    const location = res.headers.get("location");
    if (res.status !== 307 || !location) {
      throw new WebHdfsError(`expected a 307 redirect, got ${res.status}`, op, path, res.status);
    }
    return location;
  }

  return {
    getFileStatus: (path: string) =>
      json("GET", "GETFILESTATUS", path, z.object({ FileStatus: fileStatusSchema })).then((r) => r.FileStatus),

    listStatus: (path: string) =>
      json(
        "GET",
        "LISTSTATUS",
        path,
        z.object({ FileStatuses: z.object({ FileStatus: z.array(fileStatusSchema) }) }),
      ).then((r) => r.FileStatuses.FileStatus),

    mkdirs: (path: string) => json("PUT", "MKDIRS", path, z.object({ boolean: z.boolean() })).then((r) => r.boolean),

    rename: (from: string, to: string) =>
      json("PUT", "RENAME", from, z.object({ boolean: z.boolean() }), { destination: to }).then((r) => r.boolean),

    delete: (path: string, { recursive = false } = {}) =>
      json("DELETE", "DELETE", path, z.object({ boolean: z.boolean() }), { recursive }).then((r) => r.boolean),

    async exists(path: string): Promise<boolean> {
      try {
        await this.getFileStatus(path);
        return true;
      } catch (err) {
        if (err instanceof WebHdfsError && err.status === 404) return false;
        throw err;
      }
    },

    async create(path: string, data: Uint8Array<ArrayBuffer>, { overwrite = false } = {}): Promise<void> {
      const location = await dataNodeLocation("PUT", "CREATE", path, { overwrite });
      const res = await putToDataNode(location, data, timeoutMs);
      if (res.status !== 201) throw await toError(res, "CREATE", path);
    },

    async open(path: string): Promise<Uint8Array> {
      const location = await dataNodeLocation("GET", "OPEN", path);
      const res = await getFromDataNode(location, timeoutMs);
      if (res.status !== 200) throw await toError(res, "OPEN", path);
      return new Uint8Array(await res.arrayBuffer());
    },

    /** `length` bytes of a file from `offset` (e.g. a Parquet footer), without reading the rest. */
    async openRange(path: string, offset: number, length: number): Promise<Uint8Array> {
      const location = await dataNodeLocation("GET", "OPEN", path, { offset, length });
      const res = await getFromDataNode(location, timeoutMs);
      if (res.status !== 200) throw await toError(res, "OPEN", path);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

export type WebHdfsClient = ReturnType<typeof createWebHdfsClient>;

async function getFromDataNode(location: string, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    throw new WebHdfsError(`DataNode unreachable at ${new URL(location).host}: ${describe(cause)}`, "OPEN", location);
  }
}

/**
 * The second step of a CREATE: the bytes go to the DataNode the NameNode
 * redirected to. The DataNode answers every upload with "100 Continue" before
 * its 201, and Node's fetch rejects any 1xx response, so this uses node:http.
 */
export function putToDataNode(location: string, body: Uint8Array<ArrayBuffer>, timeoutMs: number): Promise<Response> {
  const url = new URL(location);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "PUT",
        timeout: timeoutMs,
        headers: { "content-type": "application/octet-stream", "content-length": body.byteLength },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (cause) =>
      reject(new WebHdfsError(`DataNode unreachable at ${url.host}: ${describe(cause)}`, "CREATE", location)),
    );
    req.end(body);
  });
}

async function toError(res: Response, op: string, path: string): Promise<WebHdfsError> {
  const text = await res.text();
  let parsed: z.infer<typeof remoteExceptionSchema> | undefined;
  try {
    parsed = remoteExceptionSchema.parse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  const remote = parsed?.RemoteException;
  const message = remote ? `${remote.exception}: ${remote.message}` : `HTTP ${res.status}: ${text.slice(0, 200)}`;
  return new WebHdfsError(`${op} ${path} failed: ${message}`, op, path, res.status, remote?.exception);
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
