import type { ReadingsPayload } from "./receive-readings";

/**
 * socket.io has already parsed the payload, so it is validated as it is. Only
 * binary attachments (Buffers, which JSON has no form of) take the text
 * route, whose JSON.stringify turns them into what a JSON client would send.
 */
export function socketPayload(payload: unknown): ReadingsPayload {
  const json = payload ?? null;
  return carriesBinary(json) ? { contentType: "application/json", body: JSON.stringify(json) } : { json };
}

/** Walks the payload without recursion: a deeply nested one must not exhaust the stack. */
function carriesBinary(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null) continue;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push(child);
  }
  return false;
}
