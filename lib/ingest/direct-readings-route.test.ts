import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveReadingsDirectly } from "./direct-readings-route";
import { closeIngestRuntime } from "./ingest-runtime";

// Only requests refused before any database or Kafka call: the translation is what is under test.
describe("serveReadingsDirectly", () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (serveReadingsDirectly(req, res)) return;
      res.writeHead(404, { "x-served-by": "next" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await closeIngestRuntime();
  });

  it.each([
    { given: "a GET", method: "GET", path: "/api/v1/readings" },
    { given: "another path", method: "POST", path: "/api/v1/workouts" },
    { given: "a trailing slash (Next.js redirects it)", method: "POST", path: "/api/v1/readings/" },
  ])("given $given, when served, then it is left to Next.js", async ({ method, path }) => {
    const res = await fetch(`${url}${path}`, { method });

    expect(res.headers.get("x-served-by")).toBe("next");
  });

  it("given a POST without a token, when served, then the route's own error answer comes back whole", async () => {
    const res = await fetch(`${url}/api/v1/readings?source=watch`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-7" },
      body: JSON.stringify({ ts: Date.now(), bpm: 120 }),
    });

    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("req-7");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ code: "MISSING_TOKEN" });
  });

  it("given a streamed body over 1 MiB, when served, then 413 PAYLOAD_TOO_LARGE, not a reset connection", async () => {
    const chunks = Array.from({ length: 20 }, () => new Uint8Array(60_000).fill(32));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });

    const init: RequestInit & { duplex: "half" } = { method: "POST", body, duplex: "half" };
    const res = await fetch(`${url}/api/v1/readings`, init);

    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
