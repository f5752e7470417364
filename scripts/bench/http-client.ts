import { Agent, request } from "node:http";
import type { Payload } from "./payloads";

/** Keep-alive connections: a new TCP connection per request would measure the handshake, not the API. */
export function createAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/** POST /api/v1/readings; resolves with the status (never rejects on an HTTP error status). */
export function postReadings(agent: Agent, url: string, token: string, payload: Payload): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1/readings`,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": payload.contentType,
          "content-length": Buffer.byteLength(payload.body),
        },
      },
      (res) => {
        // The body must be read for the socket to go back to the pool.
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload.body);
  });
}
