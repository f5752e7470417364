import { describe, expect, it } from "vitest";
import { bearerToken, generateDeviceToken, hashDeviceToken } from "./device-token";

describe("device tokens", () => {
  it("given two new tokens, when generated, then they differ and carry at least 128 bits", () => {
    const a = generateDeviceToken();
    const b = generateDeviceToken();

    expect(a).not.toBe(b);
    expect(Buffer.from(a.replace(/^hl_dev_/, ""), "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });

  it("given a token, when hashed twice, then the hash is stable and is not the token", () => {
    const token = generateDeviceToken();

    expect(hashDeviceToken(token)).toBe(hashDeviceToken(token));
    expect(hashDeviceToken(token)).not.toContain(token);
  });

  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc ", "abc"],
    ["Basic abc", undefined],
    ["Bearer", undefined],
    ["", undefined],
    [null, undefined],
  ])("given the header %j, when read, then the bearer token is %j", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
