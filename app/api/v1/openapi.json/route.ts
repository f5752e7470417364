import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";

export const dynamic = "force-static";

// Built once per server process: it is derived from code, not from data.
const document = buildOpenApiDocument();

/** The OpenAPI 3.1 document for device makers, generated from the API's zod schemas. */
export function GET() {
  return Response.json(document, { headers: { "access-control-allow-origin": "*" } });
}
