/** Stable codes a client or the CLI can branch on; never rename one, only add. */
export const IMPORT_ERROR_CODES = ["UNSUPPORTED_FORMAT", "CORRUPT_FILE", "NO_HEART_RATE", "FILE_TOO_LARGE"] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The HTTP status `POST /api/v1/imports` answers each code with. */
export const IMPORT_ERROR_STATUS = {
  UNSUPPORTED_FORMAT: 415,
  CORRUPT_FILE: 422,
  NO_HEART_RATE: 422,
  FILE_TOO_LARGE: 413,
} as const satisfies Record<ImportErrorCode, 413 | 415 | 422>;

/**
 * Why a workout file could not be imported. The message is written for the
 * person who picked the file; the SDK or parser error, if any, is kept as
 * `cause` for the server log and never shown.
 */
export class ImportError extends Error {
  override name = "ImportError";

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How messages name the file: its own name when the caller knows it. */
export function describeFile(fileName: string | undefined): string {
  const base = fileName?.split(/[\\/]/).pop()?.trim();
  return base ? `"${base}"` : "the file";
}
