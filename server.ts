// One Node process serves Next.js and socket.io on the same port, so watches
// and browsers need a single address. Run with `npm run dev` or `npm start`.
import { createServer } from "node:http";
import next from "next";
import { Server as SocketServer } from "socket.io";
import { getConfig } from "@/lib/config";
import { registerIngestNamespace } from "@/lib/ingest/ingest-namespace";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";

async function main() {
  const config = getConfig();
  const app = next({ dev: config.NODE_ENV === "development", hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const httpServer = createServer((req, res) => void handle(req, res));
  const io = new SocketServer(httpServer, { serveClient: false });
  registerIngestNamespace(io);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  console.log(`[server] HeartLake ready on http://${config.HOST}:${config.PORT} (${config.NODE_ENV})`);

  const shutdown = async (signal: string) => {
    console.log(`[server] ${signal}: closing`);
    // Keep-alive sockets could hold the server open forever.
    setTimeout(() => process.exit(0), 5_000).unref();
    await io.close(); // closes the HTTP server too
    await closeIngestRuntime();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  console.error("[server] failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
