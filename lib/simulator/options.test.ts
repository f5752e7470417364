import { describe, expect, it } from "vitest";
import { parseSimulateOptions } from "./options";

describe("parseSimulateOptions", () => {
  it("given no flags, when parsed, then every default is filled in", () => {
    expect(parseSimulateOptions({})).toEqual({
      watches: 100,
      minutes: 60,
      transport: "http",
      url: "http://127.0.0.1:3000",
      speed: "realtime",
      "batch-seconds": 5,
      token: [],
      "time-zone": "Europe/Berlin",
      "verify-kafka": false,
      "timeout-seconds": 30,
    });
  });

  it("given string flags as parseArgs yields them, when parsed, then numbers are numbers", () => {
    const options = parseSimulateOptions({ watches: "5", minutes: "2", seed: "42", transport: "legacy", speed: "max" });

    expect(options).toMatchObject({ watches: 5, minutes: 2, seed: 42, transport: "legacy", speed: "max" });
  });

  it("given tokens and no --watches, when parsed, then there is one watch per token", () => {
    expect(parseSimulateOptions({ token: ["a", "b"] }).watches).toBe(2);
  });

  it.each([
    { flags: { transport: "mqtt" }, problem: "--transport" },
    { flags: { watches: "0" }, problem: "--watches" },
    { flags: { "time-zone": "Mars/Olympus" }, problem: "--time-zone" },
    { flags: { watches: "3", token: ["a"] }, problem: "1 tokens for 3 watches" },
    { flags: { url: "ftp://x" }, problem: "--url" },
  ])("given $flags, when parsed, then the error names $problem", ({ flags, problem }) => {
    expect(() => parseSimulateOptions(flags)).toThrow(problem);
  });
});
