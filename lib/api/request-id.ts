import { randomUUID } from "node:crypto";

/** The caller's X-Request-Id when it sent a sane one, else a new id: it follows the reading into Kafka's headers. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
