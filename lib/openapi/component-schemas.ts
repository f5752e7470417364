import { z } from "zod";
import type { JsonSchema } from "./openapi-types";
import { withoutRootKeywords } from "./standalone-schema";
import { createRequestSchemas, type SchemaPatch } from "./request-schemas";
import {
  dependencyStatusSchema,
  errorBodySchema,
  errorDetailSchema,
  healthReportSchema,
  healthUnavailableSchema,
  importResultSchema,
  ingestAckSchema,
  readingsAcceptedSchema,
  skippedSamplesSchema,
  workoutSchema,
} from "./response-schemas";

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

export type ComponentName =
  | "Reading"
  | "ReadingsBatch"
  | "LegacyReading"
  | "LegacyReadingArray"
  | "StartWorkout"
  | "ErrorDetail"
  | "ErrorBody"
  | "ReadingsAccepted"
  | "Workout"
  | "DependencyStatus"
  | "HealthReport"
  | "HealthUnavailable"
  | "IngestAck"
  | "SkippedSamples"
  | "ImportResult";

export const schemaRef = (name: ComponentName): JsonSchema => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

/**
 * Converts the API's zod schemas to JSON Schema 2020-12 (OpenAPI 3.1's
 * dialect) in one pass, so a schema used by another becomes a `$ref` to its
 * component. Input types are described: what a client sends, before the
 * transforms that normalize it.
 */
export function buildComponentSchemas(): Record<ComponentName, JsonSchema> {
  const { schemas: request, patches } = createRequestSchemas();
  const components: Record<ComponentName, z.core.$ZodType> = {
    Reading: request.reading,
    ReadingsBatch: request.batch,
    LegacyReading: request.legacy,
    LegacyReadingArray: request.legacyArray,
    StartWorkout: request.startWorkout,
    ErrorDetail: errorDetailSchema,
    ErrorBody: errorBodySchema,
    ReadingsAccepted: readingsAcceptedSchema,
    Workout: workoutSchema,
    DependencyStatus: dependencyStatusSchema,
    HealthReport: healthReportSchema,
    HealthUnavailable: healthUnavailableSchema,
    IngestAck: ingestAckSchema,
    SkippedSamples: skippedSamplesSchema,
    ImportResult: importResultSchema,
  };
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });

  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
    // Throwing (zod's default) rather than emitting `{}` keeps the document
    // honest: a new construct zod cannot express fails the unit tests.
    unrepresentable: "throw",
    override: ({ zodSchema, jsonSchema }) => applyPatch(patches.get(zodSchema), jsonSchema),
  });
  return Object.fromEntries(
    (Object.keys(components) as ComponentName[]).map((name) => [name, withoutRootKeywords(schemas[name])]),
  ) as Record<ComponentName, JsonSchema>;
}

function applyPatch(patch: SchemaPatch | undefined, target: JsonSchema): void {
  if (!patch) return;
  if ("replace" in patch) {
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, structuredClone(patch.replace));
  } else {
    Object.assign(target, structuredClone(patch.merge));
  }
}
