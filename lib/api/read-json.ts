import type { z } from "zod";
import { AppError } from "./app-error";
import { readBodyCapped } from "./read-body";

/** Small JSON bodies (workout start and the like): parsed, then validated by `schema`. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>, maxBytes = 16 * 1024): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  const bytes = await readBodyCapped(request, maxBytes);
  const text = new TextDecoder().decode(bytes).trim();
  if (text !== "" && !/^application\/json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_CONTENT_TYPE", "Send JSON with Content-Type: application/json.", 415);
  }
  let value: unknown = {};
  if (text !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError("INVALID_JSON", "Body is not valid JSON.", 400);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
    throw new AppError("VALIDATION_FAILED", "The body is not valid; see details.", 422, details);
  }
  return parsed.data;
}
