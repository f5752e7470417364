import { describe, expect, it } from "vitest";
import { parseXmlDateTime } from "./xml-date-time";

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

describe("parseXmlDateTime", () => {
  it.each([
    ["2025-01-06T10:00:00Z", T0],
    ["2025-01-06T10:00:00.000Z", T0],
    ["2025-01-06T10:00:00.5Z", T0 + 500],
    ["2025-01-06T10:00:00.1239Z", T0 + 123],
    ["2025-01-06T12:00:00+02:00", T0],
    ["2025-01-06T04:30:00-05:30", T0],
    ["2025-01-06T10:00:00", T0],
    [" 2025-01-06T10:00:00Z\n", T0],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
  ])("given %j, when parsed, then it is %d", (text, expected) => {
    expect(parseXmlDateTime(text)).toBe(expected);
  });

  it.each([
    "2025-02-30T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-01-06T24:00:00Z",
    "2025-01-06 10:00:00Z",
    "2025-01-06T10:00Z",
    "2025-01-06T10:00:00+0200",
    "1736157600",
    "",
  ])("given %j, when parsed, then it is not a time", (text) => {
    expect(parseXmlDateTime(text)).toBeUndefined();
  });

  it.each([undefined, 1736157600000, {}])("given %j instead of text, when parsed, then it is not a time", (value) => {
    expect(parseXmlDateTime(value)).toBeUndefined();
  });
});
