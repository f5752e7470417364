import type { z } from "zod";

/**
 * The subset of OpenAPI 3.1 that HeartLake's document uses. Only schemas are
 * shared by `$ref`; responses, headers and parameters are written inline,
 * which keeps both the document and the page that renders it simple.
 */

/** OpenAPI 3.1 Schema Objects are JSON Schema 2020-12, which is what zod emits. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

export type HttpMethod = "get" | "post";

export interface OpenApiExample {
  summary: string;
  description?: string;
  value: unknown;
}

export interface MediaTypeObject {
  schema: JsonSchema;
  examples?: Record<string, OpenApiExample>;
  /** NDJSON only: the schema every non-blank line must match. */
  "x-ndjson-line"?: JsonSchema;
}

export interface HeaderObject {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface ParameterObject {
  name: string;
  in: "path" | "header" | "query";
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface RequestBodyObject {
  description: string;
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
  /** The stable `code` values this status can carry; clients branch on these. */
  "x-error-codes"?: string[];
}

/** Redoc's convention for ready-to-run requests. */
export interface CodeSample {
  lang: "Shell";
  label: string;
  source: string;
}

export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  /** `[]` means no authentication. */
  security: SecurityRequirement[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  "x-codeSamples"?: CodeSample[];
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface SecuritySchemeObject {
  type: "http";
  scheme: "bearer";
  bearerFormat: string;
  description: string;
}

/** One socket.io event a client emits, with its payload and acknowledgement. */
export interface SocketIoEvent {
  description: string;
  payload: JsonSchema;
  ack: JsonSchema;
  /** Payloads. */
  examples: Record<string, OpenApiExample>;
  ackExamples: Record<string, OpenApiExample>;
}

/** The streaming interface, which OpenAPI itself cannot describe. */
export interface SocketIoExtension {
  description: string;
  namespace: string;
  handshake: { description: string; auth: JsonSchema };
  connectError: { description: string; schema: JsonSchema; "x-error-codes": string[] };
  events: Record<string, SocketIoEvent>;
  /** The codes a failed acknowledgement can carry. */
  ackErrorCodes: string[];
  clientExample: string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; summary: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
  "x-socketio": SocketIoExtension;
}
