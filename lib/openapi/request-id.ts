import type { HeaderObject, ParameterObject } from "./openapi-types";

/** lib/api/request-id.ts: the routes that publish readings take the caller's id and echo it back. */
export const REQUEST_ID_PARAMETER: ParameterObject = {
  name: "X-Request-Id",
  in: "header",
  required: false,
  description: "Your id for the request (1-100 of A-Z a-z 0-9 _ . : -); it travels with the readings into Kafka.",
  schema: { type: "string", pattern: "^[\\w.:-]{1,100}$" },
  example: "watch-p17-000123",
};

export const REQUEST_ID_HEADER: HeaderObject = {
  description:
    "Your X-Request-Id when it was acceptable, else one the server made up; quote it when reporting a problem.",
  required: true,
  schema: { type: "string" },
};
