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
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    return { bytes: await readBodyCapped(request, DEFAULT_MAX_IMPORT_BYTES) };
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > DEFAULT_MAX_IMPORT_BYTES + 64 * 1024) {
    throw new AppError("FILE_TOO_LARGE", "The file is larger than 50 MiB.", 413);
  }
  const file = (await request.formData()).get("file");
  if (!(file instanceof File)) {
    throw new AppError("VALIDATION_FAILED", "Send the workout file in a form field named `file`.", 422, [
      { field: "file", message: "missing" },
    ]);
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
}
