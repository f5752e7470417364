import { createHash, randomBytes } from "node:crypto";

/** Prefix so a leaked token is recognisable (and greppable by secret scanners). */
const PREFIX = "hl_dev_";

/** A new device token: 256 random bits. Shown once; only its hash is stored. */
export function generateDeviceToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/**
 * SHA-256 is enough here: the token is 256 random bits, not a password, so
 * there is nothing to brute-force and lookups can stay a single indexed read.
 */
export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token from an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}
