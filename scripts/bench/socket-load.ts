import { io, type Socket } from "socket.io-client";
import { INGEST_NAMESPACE, type IngestClientEvents, type IngestServerEvents } from "@/lib/ingest/socket-contract";
import type { Attempt } from "./load";

type IngestClient = Socket<IngestServerEvents, IngestClientEvents>;

/** One connected socket per device, as watches would hold them. */
export async function connectSockets(url: string, tokens: readonly string[]): Promise<IngestClient[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<IngestClient>((resolve, reject) => {
          const socket: IngestClient = io(`${url}${INGEST_NAMESPACE}`, { auth: { token }, transports: ["websocket"] });
          socket.once("connect", () => resolve(socket));
          socket.once("connect_error", (err) => {
            socket.close();
            reject(err);
          });
        }),
    ),
  );
}

/** Emits a `readings` batch and waits for the ack, which comes once Kafka has the readings. */
export async function emitReadings(socket: IngestClient, payload: unknown): Promise<Attempt> {
  const ack = await socket.timeout(30_000).emitWithAck("readings", payload);
  return ack.ok ? { ok: true, readings: ack.accepted } : { ok: false, readings: 0, failure: ack.error.code };
}
