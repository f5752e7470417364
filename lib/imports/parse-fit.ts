import { Decoder, Stream, Utils } from "@garmin/fitsdk";
import { ImportError, describeFile } from "./import-error";
import type { ImportedWorkout } from "./imported-workout";
import { toImportedWorkout, type ParseContext, type RawSample } from "./collect-readings";
import { phase } from "./progress";
import { OTHER_SPORT, pickSport } from "./sport";

/** Decoding is most of the work; checking and sorting the readings is the last tenth. */
const DECODED_AT = 0.9;

// ".FIT" at bytes 8–11 of the header, as Decoder.isFIT checks.
const SIGNATURE = [0x2e, 0x46, 0x49, 0x54] as const;

// A FIT date_time below 0x10000000 counts seconds since the device powered on,
// not since the FIT epoch; such a time cannot be placed on a calendar.
const FIRST_ABSOLUTE_MS = Utils.FIT_EPOCH_MS + 0x10000000 * 1000;

/** True when the bytes carry the FIT signature; the rest of the header may still be broken. */
export function hasFitSignature(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, i) => bytes[8 + i] === byte);
}

/**
 * Reads a FIT activity with Garmin's SDK: record heart rates and times, the
 * session (else sport) message's sport, the sessions' start. The file must
 * pass the SDK's integrity check (size and CRCs) first, so a damaged file is
 * refused rather than imported in part.
 */
export function parseFit(bytes: Uint8Array, context: ParseContext): ImportedWorkout {
  const stream = Stream.fromByteArray(bytes);
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) throw integrityError(bytes, context.fileName);

  const onDecoded = phase(context.progress, 0, DECODED_AT);
  const { messages, errors } = decoder.read({
    mesgListener: () => onDecoded(stream.position / stream.length),
  });
  if (errors[0]) throw decodeError(errors[0], context.fileName);

  const samples: RawSample[] = (messages.recordMesgs ?? []).map((record) => ({
    ts: toEpochMs(record.timestamp),
    bpm: typeof record.heartRate === "number" ? record.heartRate : undefined,
  }));
  const sessions = messages.sessionMesgs ?? [];
  let sport = pickSport(sessions.map((s) => s.sport));
  if (sport === OTHER_SPORT) sport = pickSport((messages.sportMesgs ?? []).map((s) => s.sport));
  const declaredStarts = sessions.map((s) => toEpochMs(s.startTime));
  return toImportedWorkout({ format: "fit", sport, declaredStarts, samples }, context, DECODED_AT);
}

/** Epoch ms of a decoded FIT date_time (the SDK gives a Date), or undefined when it is not absolute. */
function toEpochMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "number") ms = Utils.FIT_EPOCH_MS + value * 1000;
  return ms !== undefined && Number.isSafeInteger(ms) && ms >= FIRST_ABSOLUTE_MS ? ms : undefined;
}

// checkIntegrity only answers yes or no; the header says which problem it is.
function integrityError(bytes: Uint8Array, fileName: string | undefined): ImportError {
  const name = describeFile(fileName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = bytes[0];
  if (bytes.byteLength < 12 || (headerSize !== 12 && headerSize !== 14)) {
    return new ImportError("CORRUPT_FILE", `${name} is a damaged FIT file: its header is invalid; copy it again`);
  }
  const expected = headerSize + view.getUint32(4, true) + 2;
  if (bytes.byteLength < expected) {
    return new ImportError(
      "CORRUPT_FILE",
      `${name} is an incomplete FIT file: it has ${bytes.byteLength} of ${expected} bytes; copy or download it again`,
    );
  }
  return new ImportError(
    "CORRUPT_FILE",
    `${name} is a damaged FIT file: it failed its CRC check; copy or download it again`,
  );
}

function decodeError(error: Error, fileName: string | undefined): ImportError {
  const name = describeFile(fileName);
  // The SDK cannot read compressed-timestamp records; the file is fine, the reader is not.
  if (/compressed timestamp/i.test(error.message)) {
    return new ImportError(
      "UNSUPPORTED_FORMAT",
      `${name} uses compressed FIT timestamps, which cannot be read yet; export the workout as TCX or GPX instead`,
      { cause: error },
    );
  }
  return new ImportError("CORRUPT_FILE", `${name} is a damaged FIT file: it could not be decoded; copy it again`, {
    cause: error,
  });
}
