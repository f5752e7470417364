import { toLegacyPayload } from "./legacy-payload";
import { classifyHttpResponse, type SendOutcome } from "./send-outcome";
import {
  networkRetry,
  readingsBody,
  type TransportOptions,
  type WatchIdentity,
  type WatchTransport,
} from "./transport";

/**
 * POST /api/v1/readings with a bearer token. `legacy` sends what the old watch
 * app sent: a top-level array of `{playerId, heartbeat, createdAt}` with the
 * wall time in the device's zone; otherwise `{"readings": [...]}`.
 */
export function createHttpTransport(
  identity: WatchIdentity,
  options: TransportOptions,
  format: "readings" | "legacy",
): WatchTransport {
  const endpoint = new URL("/api/v1/readings", options.url);
  return {
    async send(readings): Promise<SendOutcome> {
      const body =
        format === "legacy"
          ? readings.map((r) => toLegacyPayload(r, identity.playerId, identity.timeZone))
          : readingsBody(readings);
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { authorization: `Bearer ${identity.token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const text = await response.text();
        return classifyHttpResponse(response.status, response.headers.get("retry-after"), text, Date.now());
      } catch (err) {
        return networkRetry(err);
      }
    },
    close: () => Promise.resolve(),
  };
}
