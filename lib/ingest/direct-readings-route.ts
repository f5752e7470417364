import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { toErrorResponse } from "@/lib/api/error-response";
import { handleReadingsPost, READINGS_PATH } from "./handle-readings-post";

/**
 * Serves POST /api/v1/readings straight from node:http, past Next.js's
 * router, which cost more CPU than the ingest itself for a one-reading
 * request. The handler is the Next route's own (handleReadingsPost); only
 * the request and the response are translated here. Returns false for every
 * other request, which Next.js then serves as before.
 */
export function serveReadingsDirectly(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || pathOf(req.url) !== READINGS_PATH) return false;
  respond(req, res).catch((err: unknown) => {
    // Only writing the answer can fail here (errors before it become answers): the client has gone.
    console.error("[ingest] could not answer a readings request:", err);
    res.destroy();
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse) {
  const response = await answer(req);
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": body.byteLength });
  res.end(body);
}

async function answer(req: IncomingMessage): Promise<Response> {
  try {
    return await handleReadingsPost(toWebRequest(req));
  } catch (err) {
    return toErrorResponse(err);
  }
}

function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  }
  const body = Readable.toWeb(req) as NodeReadableStream<Uint8Array> as ReadableStream<Uint8Array>;
  // Node's fetch needs duplex for a streamed body; TypeScript's DOM types do not know it yet.
  const init: RequestInit & { duplex: "half" } = { method: "POST", headers, body, duplex: "half" };
  // The origin is never read; the handler needs only the headers and the body.
  return new Request(`http://localhost${req.url ?? READINGS_PATH}`, init);
}

function pathOf(url: string | undefined): string {
  const query = url?.indexOf("?") ?? -1;
  return query === -1 ? (url ?? "") : (url ?? "").slice(0, query);
}
