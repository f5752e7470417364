import { describe, expect, it } from "vitest";
import { bodyFormatOf, decodeBody } from "./request-body";

describe("bodyFormatOf", () => {
  it.each([
    { contentType: "application/json", format: "json" },
    { contentType: "application/json; charset=utf-8", format: "json" },
    { contentType: "Application/JSON;Charset=UTF-8", format: "json" },
    { contentType: 'application/json; charset="utf-8"', format: "json" },
    { contentType: "application/json; charset=utf8", format: "json" },
    { contentType: "application/x-ndjson", format: "ndjson" },
    { contentType: "application/x-ndjson; charset=utf-8", format: "ndjson" },
  ])("given $contentType, when read, then the body is $format", ({ contentType, format }) => {
    expect(bodyFormatOf(contentType)).toEqual({ ok: true, format });
  });

  it.each([
    { contentType: undefined, message: "Content-Type is missing; send application/json or application/x-ndjson" },
    { contentType: null, message: "Content-Type is missing; send application/json or application/x-ndjson" },
    { contentType: "", message: "Content-Type is missing; send application/json or application/x-ndjson" },
    {
      contentType: "text/plain",
      message: 'Content-Type is "text/plain"; send application/json or application/x-ndjson',
    },
    { contentType: "application/jsonl", message: expect.stringContaining('"application/jsonl"') },
    { contentType: "constructor", message: expect.stringContaining('"constructor"') },
    {
      contentType: "application/json; charset=iso-8859-1",
      message: 'charset "iso-8859-1" is not supported; send UTF-8',
    },
  ])("given $contentType, when read, then it is unsupported", ({ contentType, message }) => {
    expect(bodyFormatOf(contentType)).toEqual({
      ok: false,
      error: { code: "UNSUPPORTED_CONTENT_TYPE", message, details: [] },
    });
  });
});

describe("decodeBody", () => {
  it.each([
    { given: "a string", body: '{"a":1}', text: '{"a":1}' },
    { given: "UTF-8 bytes", body: new TextEncoder().encode('{"a":"é"}'), text: '{"a":"é"}' },
    { given: "bytes with a BOM", body: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), text: "{}" },
  ])("given $given, when decoded, then the text is returned", ({ body, text }) => {
    expect(decodeBody(body, 100)).toEqual({ ok: true, text });
  });

  it.each([
    { given: "exactly maxBytes", size: 10, ok: true },
    { given: "maxBytes + 1", size: 11, ok: false },
  ])("given a body of $given, when decoded, then ok is $ok", ({ size, ok }) => {
    expect(decodeBody(new Uint8Array(size).fill(0x20), 10).ok).toBe(ok);
  });

  it("given a lone continuation byte, when decoded, then it is not UTF-8", () => {
    expect(decodeBody(new Uint8Array([0x80]), 100)).toEqual({
      ok: false,
      error: { code: "INVALID_JSON", message: "body is not valid UTF-8", details: [] },
    });
  });
});
