import { checkBodySize, failure, type ReadingsFailure } from "./readings-error";

/** How the body is framed: one JSON document, or one JSON reading per line. */
export type BodyFormat = "json" | "ndjson";

const MEDIA_TYPES = new Map<string, BodyFormat>([
  ["application/json", "json"],
  ["application/x-ndjson", "ndjson"],
]);

const ACCEPTED = "application/json or application/x-ndjson";

/** Reads the Content-Type header; parameters other than charset are ignored. */
export function bodyFormatOf(
  contentType: string | null | undefined,
): { ok: true; format: BodyFormat } | ReadingsFailure {
  const [mediaType = "", ...params] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const format = MEDIA_TYPES.get(mediaType);
  if (!format) {
    const got = contentType ? `"${contentType}"` : "missing";
    return failure("UNSUPPORTED_CONTENT_TYPE", `Content-Type is ${got}; send ${ACCEPTED}`);
  }
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replaceAll('"', "");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    return failure("UNSUPPORTED_CONTENT_TYPE", `charset "${charset}" is not supported; send UTF-8`);
  }
  return { ok: true, format };
}

// fatal: a body that is not UTF-8 is rejected rather than stored with U+FFFD.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Size-checks and decodes the body; a string body is measured as UTF-8 too. */
export function decodeBody(body: Uint8Array | string, maxBytes: number): { ok: true; text: string } | ReadingsFailure {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const tooLarge = checkBodySize(bytes.byteLength, maxBytes);
  if (tooLarge) return tooLarge;
  try {
    // The decoder strips a byte-order mark, which JSON.parse would choke on.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return failure("INVALID_JSON", "body is not valid UTF-8");
  }
}
