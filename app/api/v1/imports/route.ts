import { AppError } from "@/lib/api/app-error";
import { toErrorResponse } from "@/lib/api/error-response";
import { readBodyCapped } from "@/lib/api/read-body";
import { requestIdOf } from "@/lib/api/request-id";
import { bearerToken } from "@/lib/devices/device-token";
import { authenticateDevice } from "@/lib/devices/devices";
import { DEFAULT_MAX_IMPORT_BYTES } from "@/lib/imports/parse-workout-file";
import { importWorkout, parseUpload } from "@/lib/ingest/import-workout";
import { getIngestRuntime } from "@/lib/ingest/ingest-runtime";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file of the maximum size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const fileTooLarge = () =>
  new AppError("FILE_TOO_LARGE", `The file is larger than ${DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024} MiB.`, 413);

/**
 * Imports a recorded workout (FIT, TCX or GPX): the raw file as the body, or
 * multipart/form-data with a `file` field. 201 with the new workout's id.
 */
export async function POST(request: Request) {
  const requestId = requestIdOf(request.headers);
  try {
    const runtime = getIngestRuntime();
    const device = await authenticateDevice(runtime.deps.prisma, bearerToken(request.headers.get("authorization")));
    const { bytes, fileName } = await readUpload(request);
    const imported = parseUpload(bytes, fileName);
    const result = await importWorkout(runtime.deps, device, imported, { receivedAt: Date.now(), requestId });
    return Response.json(result, { status: 201, headers: { "x-request-id": requestId } });
  } catch (err) {
    return toErrorResponse(err, requestId);
  }
}

async function readUpload(request: Request): Promise<{ bytes: Uint8Array; fileName?: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    return { bytes: await readBodyCapped(request, DEFAULT_MAX_IMPORT_BYTES, fileTooLarge) };
  }
  // Capped before parsing: formData() itself would buffer any size.
  const body = await readBodyCapped(request, DEFAULT_MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES, fileTooLarge);
  const file = await fileFromForm(body, contentType);
  if (file.size > DEFAULT_MAX_IMPORT_BYTES) throw fileTooLarge();
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
}

async function fileFromForm(body: Uint8Array, contentType: string): Promise<File> {
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError(
      "VALIDATION_FAILED",
      "The multipart body could not be read; send the file as field `file`.",
      422,
      [{ field: "file", message: "unreadable multipart body" }],
    );
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("VALIDATION_FAILED", "Send the workout file in a form field named `file`.", 422, [
      { field: "file", message: "missing" },
    ]);
  }
  return file;
}
