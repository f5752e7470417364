import { io, type Socket } from "socket.io-client";
import { INGEST_NAMESPACE, type IngestClientEvents, type IngestServerEvents } from "@/lib/ingest/socket-contract";
import { classifyAck, type SendOutcome } from "./send-outcome";
import {
  networkRetry,
  readingsBody,
  type TransportOptions,
  type WatchIdentity,
  type WatchTransport,
} from "./transport";

type IngestClient = Socket<IngestServerEvents, IngestClientEvents>;

/**
 * One socket.io connection per watch on /ingest. Each batch is a `readings`
 * event whose acknowledgement comes only once Kafka has the readings; the
 * caller waits for it before sending the watch's next batch.
 */
export async function createSocketTransport(
  identity: WatchIdentity,
  options: TransportOptions,
): Promise<WatchTransport> {
  const socket: IngestClient = io(new URL(INGEST_NAMESPACE, options.url).href, {
    auth: { token: identity.token },
    // Straight to WebSocket: long-polling first would only add round trips.
    transports: ["websocket"],
  });
  await connected(socket, options.timeoutMs);
  return {
    async send(readings): Promise<SendOutcome> {
      try {
        return classifyAck(await socket.timeout(options.timeoutMs).emitWithAck("readings", readingsBody(readings)));
      } catch (err) {
        // No ack in time (disconnected, server busy): send the same batch again.
        return networkRetry(err);
      }
    },
    close: () => {
      socket.close();
      return Promise.resolve();
    },
  };
}

function connected(socket: IngestClient, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no connection to /ingest within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    };
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    // The server's middleware puts {code, message} in `data`; a bad token will not get better.
    socket.once("connect_error", (err: Error & { data?: { code?: string } }) =>
      fail(new Error(`socket.io connect failed: ${err.data?.code ?? ""} ${err.message}`.trim())),
    );
  });
}
