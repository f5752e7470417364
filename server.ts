// One Node process serves Next.js and socket.io on the same port, so watches
// and browsers need a single address. Run with `npm run dev` or `npm start`.
import { createServer, type Server as HttpServer, type ServerResponse } from "node:http";
import next from "next";
import { Server as SocketServer } from "socket.io";
import { getConfig } from "@/lib/config";
import { serveReadingsDirectly } from "@/lib/ingest/direct-readings-route";
import { createInFlight } from "@/lib/ingest/in-flight";
import { registerIngestNamespace, type IngestNamespace } from "@/lib/ingest/ingest-namespace";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";

/** How long a shutdown lets requests and socket events under way finish. */
const SHUTDOWN_GRACE_MS = 5_000;
/** Then the producer gets this long to flush and disconnect before the process exits anyway. */
const PRODUCER_CLOSE_MS = 3_000;

async function main() {
  const config = getConfig();
  const app = next({ dev: config.NODE_ENV === "development", hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const responses = createResponseTracker();
  const httpServer = createServer((req, res) => {
    responses.track(res);
    // Watches' readings skip Next.js's router; the handler is the route's own.
    if (!serveReadingsDirectly(req, res)) void handle(req, res);
  });
  const io = new SocketServer(httpServer, { serveClient: false });
  const ingest = registerIngestNamespace(io);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  console.log(`[server] HeartLake ready on http://${config.HOST}:${config.PORT} (${config.NODE_ENV})`);

  const shutdown = async (signal: string) => {
    console.log(`[server] ${signal}: closing`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + PRODUCER_CLOSE_MS).unref();
    await drain(httpServer, responses, ingest);
    await io.close();
    // Flushes readings still on their way to Kafka, then disconnects the producer.
    await closeIngestRuntime();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Stops accepting, then lets requests and socket events under way finish
 * (up to SHUTDOWN_GRACE_MS), so that every watch either got its answer or
 * gets none and sends again; only then may the producer close.
 */
async function drain(httpServer: HttpServer, responses: ResponseTracker, ingest: IngestNamespace) {
  httpServer.close(); // no new connections; idle keep-alive ones are closed
  const finished = await Promise.all([responses.drain(SHUTDOWN_GRACE_MS), ingest.drain(SHUTDOWN_GRACE_MS)]);
  if (!finished.every(Boolean)) console.warn(`[server] work still under way after ${SHUTDOWN_GRACE_MS} ms; closing`);
  httpServer.closeAllConnections();
}

type ResponseTracker = ReturnType<typeof createResponseTracker>;

/**
 * HTTP responses under way. Node keeps serving keep-alive connections after
 * close(), so on shutdown every response says `Connection: close`: each
 * client's connection ends with the answer it is waiting for.
 */
function createResponseTracker() {
  const open = new Set<ServerResponse>();
  const inFlight = createInFlight();
  let closing = false;
  return {
    track(res: ServerResponse) {
      if (closing) res.setHeader("connection", "close");
      open.add(res);
      void inFlight.track(new Promise<void>((resolve) => res.once("close", resolve))).then(() => open.delete(res));
    },
    drain(timeoutMs: number): Promise<boolean> {
      closing = true;
      for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
      return inFlight.idle(timeoutMs);
    },
  };
}

main().catch((err: unknown) => {
  console.error("[server] failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
