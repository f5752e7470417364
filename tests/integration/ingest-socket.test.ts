import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerIngestNamespace } from "@/lib/ingest/ingest-namespace";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { INGEST_NAMESPACE, type IngestAck } from "@/lib/ingest/socket-contract";
import { readingId } from "@/lib/readings/reading-id";
import { pairDevice } from "./support/devices";
import { readDeviceMessages, readingsEndOffsets } from "./support/readings-topic";

// One anchor per file: two calls a second boundary apart must agree.
const anchor = Math.floor(Date.now() / 1000) * 1000;
const secondsAgo = (s: number) => anchor - s * 1000;

describe("socket.io /ingest against real Kafka and PostgreSQL", () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http);
    registerIngestNamespace(io);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${INGEST_NAMESPACE}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await io.close();
    await closeIngestRuntime();
  });

  function open(token: string): Socket {
    const socket = connect(url, { auth: { token }, transports: ["websocket"], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  const emit = (socket: Socket, event: "reading" | "readings", payload: unknown) =>
    socket.timeout(15_000).emitWithAck(event, payload) as Promise<IngestAck>;

  it("given a paired watch, when it sends one reading and a batch, then each is acknowledged with its count and on Kafka", async () => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();
    const socket = open(watch.token);

    const single = await emit(socket, "reading", { ts: secondsAgo(10), bpm: 131 });
    const batch = await emit(socket, "readings", {
      readings: [0, 1, 2].map((i) => ({ ts: secondsAgo(9 - i), bpm: 132 + i })),
    });

    expect(single).toEqual({ ok: true, accepted: 1 });
    expect(batch).toEqual({ ok: true, accepted: 3 });
    const sent = (await readDeviceMessages(from, watch.deviceId)).flatMap((m) => m.message.readings.map((r) => r.id));
    expect(sent.sort()).toEqual([10, 9, 8, 7].map((s) => readingId(watch.deviceId, secondsAgo(s))).sort());
  });

  it("given a bad batch, when sent, then the acknowledgement carries the error code and details", async () => {
    const watch = await pairDevice();
    const socket = open(watch.token);

    const ack = await emit(socket, "readings", { readings: [{ ts: secondsAgo(3), bpm: 20 }] });

    expect(ack).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", details: [{ index: 0, field: "bpm" }] },
    });
  });

  it("given a binary payload, when sent, then it is refused as the JSON it stands for, not key by key", async () => {
    const watch = await pairDevice();

    const ack = await emit(open(watch.token), "reading", Buffer.alloc(100_000, 1));

    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    const fields = ack.ok ? [] : ack.error.details.map((d) => d.field);
    expect(fields.sort()).toEqual(["bpm", "data", "ts", "type"]);
  });

  it("given the legacy payload, when sent over socket.io, then it is accepted", async () => {
    const watch = await pairDevice();
    const d = new Date(secondsAgo(30));
    const createdAt = [
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ];

    const ack = await emit(open(watch.token), "reading", { playerId: "p-9", heartbeat: 99.5, createdAt });

    expect(ack).toEqual({ ok: true, accepted: 1 });
  });

  it("given an unknown token, when connecting, then the connection is refused with INVALID_TOKEN", async () => {
    const socket = open("hl_dev_unknown");

    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
      socket.on("connect_error", resolve),
    );

    expect(error.data?.code).toBe("INVALID_TOKEN");
  });
});
