import type { SecurityRequirement, SecuritySchemeObject } from "./openapi-types";

export const DEVICE_TOKEN_SCHEME = "deviceToken";

/** Operations a watch calls: its device token, checked on every request (a revoked token stops at once). */
export const DEVICE_SECURITY: SecurityRequirement[] = [{ [DEVICE_TOKEN_SCHEME]: [] }];

export const DEVICE_TOKEN_SECURITY_SCHEME: SecuritySchemeObject = {
  type: "http",
  scheme: "bearer",
  bearerFormat: "hl_dev_ followed by 43 base64url characters",
  description:
    "The device token shown once when a watch is paired (`npm run device:create`); only its hash is stored. " +
    "Send it as `Authorization: Bearer <token>` over HTTP, or as `auth.token` in the socket.io handshake. " +
    "Errors: `MISSING_TOKEN`, `INVALID_TOKEN`, `TOKEN_REVOKED` (all 401).",
};
