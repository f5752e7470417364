import { AppError } from "./app-error";

const tooLarge = (maxBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `Body is larger than ${maxBytes} bytes; split it into smaller requests.`, 413);

/**
 * Reads a request body, refusing it as soon as it passes `maxBytes` rather
 * than buffering whatever a client sends.
 */
export async function readBodyCapped(
  request: Request,
  maxBytes: number,
  tooLargeError: (maxBytes: number) => AppError = tooLarge,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLargeError(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
