import { describe, expect, it } from "vitest";
import { IMPORT_ERROR_CODES, IMPORT_ERROR_STATUS, ImportError } from "./import-error";
import { parseWorkoutFile } from "./parse-workout-file";
import {
  T0,
  bytesOf,
  importErrorOf,
  makeFit,
  makeGpx,
  makeTcx,
  noise,
  recordProgress,
  steadyPoints,
} from "./workout-files.fixtures";

describe("parseWorkoutFile, format detection", () => {
  it.each([
    ["a GPX named .fit", bytesOf(makeGpx()), "run.fit", "gpx"],
    ["a FIT named .gpx", makeFit(), "run.gpx", "fit"],
    ["a TCX named .txt", bytesOf(makeTcx()), "run.txt", "tcx"],
    ["a TCX without a name", bytesOf(makeTcx()), undefined, "tcx"],
  ])("given %s, when parsed, then the content decides the format", (_, bytes, fileName, format) => {
    expect(parseWorkoutFile(bytes, { fileName }).format).toBe(format);
  });

  it("given a UTF-8 byte order mark, comments and a DOCTYPE before the root, when parsed, then it is still GPX", () => {
    const gpx = makeGpx().replace("?>", '?>\n<!-- exported -->\n<!DOCTYPE gpx [<!ENTITY x "y">]>');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(gpx)]);

    expect(parseWorkoutFile(withBom).readings).toEqual([{ ts: T0, bpm: 120 }]);
  });

  it.each([
    ["random bytes", noise(4_096), "is not a FIT, TCX or GPX file"],
    ["a PDF", bytesOf("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "is not a FIT, TCX or GPX file"],
    ["an empty file", new Uint8Array(), "is empty"],
    ["a KML document", bytesOf('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"/>'), "<kml>"],
    ["XML whose root is an Object.prototype name", bytesOf("<constructor/>"), "<constructor>"],
    ["an HTML page", bytesOf("<!DOCTYPE html><html><body>Sign in</body></html>"), "<html>"],
    ["a gzipped FIT", new Uint8Array([0x1f, 0x8b, 0x08, 0x00, ...noise(64)]), "gzip-compressed; decompress it"],
    ["a ZIP archive", new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(64)]), "ZIP archive; extract it"],
  ])("given %s, when parsed, then it is UNSUPPORTED_FORMAT and says why", (_, bytes, reason) => {
    const error = importErrorOf(() => parseWorkoutFile(bytes, { fileName: "upload.fit" }));

    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(error.message).toMatch(/^"upload\.fit" /);
    expect(error.message).toContain(reason);
  });

  it("given a file name with a path, when an error names it, then only the base name is shown", () => {
    const error = importErrorOf(() => parseWorkoutFile(noise(32), { fileName: "/home/ana/exports/x.bin" }));

    expect(error.message).toBe('"x.bin" is not a FIT, TCX or GPX file');
  });
});

describe("parseWorkoutFile, damaged input", () => {
  const fit = makeFit({ points: steadyPoints(20) });

  it("given a FIT cut at every length, when parsed, then each is an ImportError, never a raw SDK error", () => {
    for (let length = 0; length < fit.length; length++) {
      const error = importErrorOf(() => parseWorkoutFile(fit.subarray(0, length)));
      expect(["UNSUPPORTED_FORMAT", "CORRUPT_FILE"]).toContain(error.code);
    }
  });

  it("given a FIT with any one byte flipped, when parsed, then each is an ImportError", () => {
    for (let at = 0; at < fit.length; at++) {
      const damaged = fit.slice();
      damaged[at] = damaged[at]! ^ 0x5a;
      const error = importErrorOf(() => parseWorkoutFile(damaged));
      expect(["UNSUPPORTED_FORMAT", "CORRUPT_FILE"]).toContain(error.code);
    }
  });

  it.each([
    ["TCX", makeTcx({ points: steadyPoints(20) })],
    ["GPX", makeGpx({ points: steadyPoints(20) })],
  ])("given a %s cut at many lengths, when parsed, then each is an ImportError", (_, xml) => {
    for (let length = 0; length < xml.length - 1; length += 7) {
      const error = importErrorOf(() => parseWorkoutFile(bytesOf(xml.slice(0, length))));
      expect(["UNSUPPORTED_FORMAT", "CORRUPT_FILE"]).toContain(error.code);
    }
  });

  it("given a file over maxBytes, when parsed, then it is FILE_TOO_LARGE before anything is decoded", () => {
    const error = importErrorOf(() => parseWorkoutFile(makeFit(), { fileName: "big.fit", maxBytes: 10 }));

    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toMatch(/^"big\.fit" is \d+ bytes; at most 10 bytes can be imported$/);
  });
});

describe("parseWorkoutFile, progress", () => {
  it.each([
    ["FIT", makeFit({ points: steadyPoints(3_000) })],
    ["TCX", bytesOf(makeTcx({ points: steadyPoints(3_000) }))],
    ["GPX", bytesOf(makeGpx({ points: steadyPoints(3_000) }))],
  ])("given a %s, when parsed, then progress starts at 0, only rises, and ends at exactly 1", (_, bytes) => {
    const fractions = recordProgress((onProgress) => parseWorkoutFile(bytes, { onProgress }));

    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
    // Smooth enough for a bar while decoding, yet cheap for a CLI to redraw on every call.
    expect(fractions.length).toBeGreaterThan(50);
    expect(fractions.length).toBeLessThanOrEqual(102);
  });

  it.each([
    ["FIT", makeFit({ points: steadyPoints(500) })],
    ["TCX", bytesOf(makeTcx({ points: steadyPoints(500) }))],
    ["GPX", bytesOf(makeGpx({ points: steadyPoints(500) }))],
  ])(
    "given a %s and a callback that throws mid-parse, when parsed, then its own error surfaces, not CORRUPT_FILE",
    (_, bytes) => {
      const boom = new Error("progress bar broke");
      let calls = 0;

      expect(() =>
        parseWorkoutFile(bytes, {
          onProgress: (fraction) => {
            calls++;
            if (fraction > 0.3) throw boom;
          },
        }),
      ).toThrow(boom);
      // Not called again once it has thrown.
      expect(calls).toBeLessThan(40);
    },
  );

  it("given a file that is refused, when parsed, then progress never reaches 1", () => {
    const fractions = recordProgress((onProgress) =>
      importErrorOf(() => parseWorkoutFile(makeFit({ points: [[0]] }), { onProgress })),
    );

    expect(fractions).not.toContain(1);
  });
});

describe("ImportError", () => {
  it.each(IMPORT_ERROR_CODES)("given code %s, when mapped, then it has a 4xx HTTP status", (code) => {
    expect(IMPORT_ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(IMPORT_ERROR_STATUS[code]).toBeLessThan(500);
  });

  it("given an ImportError, when inspected, then it is an Error with its name and code", () => {
    const error = new ImportError("CORRUPT_FILE", "broken");

    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.message]).toEqual(["ImportError", "CORRUPT_FILE", "broken"]);
  });
});
