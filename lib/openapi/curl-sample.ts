import { formatJson } from "./format-json";
import type { CodeSample, HttpMethod } from "./openapi-types";

export interface CurlRequest {
  label: string;
  method: HttpMethod;
  /** The request path, with any parameter written as a shell variable, e.g. `/api/v1/workouts/$WORKOUT_ID/end`. */
  path: string;
  /** Sends `Authorization: Bearer $DEVICE_TOKEN`. */
  authenticated: boolean;
  /** Leave it out for a form: curl writes multipart/form-data with its boundary itself. */
  contentType?: "application/json" | "application/x-ndjson" | "application/octet-stream";
  /** A JSON value, or the raw text of an NDJSON body. */
  body?: unknown;
  /** Instead of `body`, a file from disk: the raw body (`--data-binary @path`) or, with `formField`, a form field. */
  file?: { path: string; formField?: string };
}

/** The shell variables every sample expects. */
export const CURL_ENVIRONMENT = "export HEARTLAKE_URL=http://localhost:3000 DEVICE_TOKEN=hl_dev_...";

/** A ready-to-paste curl command; `-i` shows the status and headers, which is what a client branches on. */
export function curlSample(request: CurlRequest): CodeSample {
  const url = `"$HEARTLAKE_URL${request.path}"`;
  const lines = [`curl -i${request.method === "get" ? "" : ` -X ${request.method.toUpperCase()}`} ${url}`];
  if (request.authenticated) lines.push(`-H "Authorization: Bearer $DEVICE_TOKEN"`);
  if (request.contentType) lines.push(`-H "Content-Type: ${request.contentType}"`);
  let heredoc: string | undefined;
  if (request.file) {
    const { path, formField } = request.file;
    lines.push(formField ? `-F ${shellWord(`${formField}=@${path}`)}` : `--data-binary ${shellWord(`@${path}`)}`);
  } else if (request.contentType === "application/x-ndjson" && typeof request.body === "string") {
    lines.push("--data-binary @-");
    heredoc = `<<'EOF'\n${request.body.replace(/\n$/, "")}\nEOF`;
  } else if (request.body !== undefined) {
    lines.push(`--data-binary ${shellQuote(formatJson(request.body))}`);
  }
  const command = lines.join(" \\\n  ");
  return { lang: "Shell", label: request.label, source: heredoc ? `${command} ${heredoc}` : command };
}

/** A word the shell leaves alone as it is (a file name, `file=@ride.fit`), else quoted. */
function shellWord(text: string): string {
  return /^[\w@=./:+-]+$/.test(text) ? text : shellQuote(text);
}

/** Single-quoted for POSIX shells: nothing inside is expanded. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
