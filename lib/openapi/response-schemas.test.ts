import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { ErrorBody } from "@/lib/api/error-response";
import type { HealthReport } from "@/lib/health/check-health";
import type { ImportResult } from "@/lib/ingest/import-workout";
import type { ingestReadings } from "@/lib/ingest/ingest-readings";
import type { IngestAck } from "@/lib/ingest/socket-contract";
import type { WorkoutRef } from "@/lib/workouts/workouts";
import { ACTIVE_WORKOUT_EXAMPLE, HEALTHY_EXAMPLE, IMPORT_RESULT_EXAMPLE } from "./examples";
import {
  errorBodySchema,
  healthReportSchema,
  importResultSchema,
  ingestAckSchema,
  readingsAcceptedSchema,
  workoutSchema,
} from "./response-schemas";

// The routes build responses from these TypeScript types without validating
// them; tsc checks these assertions, so a changed type fails the build.
describe("response schemas", () => {
  it("given each response schema, when compared with the type the route answers with, then they are the same type", () => {
    expectTypeOf<z.output<typeof errorBodySchema>>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<z.output<typeof workoutSchema>>().toEqualTypeOf<WorkoutRef>();
    expectTypeOf<z.output<typeof healthReportSchema>>().toEqualTypeOf<HealthReport>();
    expectTypeOf<z.output<typeof ingestAckSchema>>().toEqualTypeOf<IngestAck>();
    expectTypeOf<z.output<typeof readingsAcceptedSchema>>().toEqualTypeOf<Awaited<ReturnType<typeof ingestReadings>>>();
    expectTypeOf<z.output<typeof importResultSchema>>().toEqualTypeOf<ImportResult>();
  });

  it.each([
    { schema: workoutSchema, value: ACTIVE_WORKOUT_EXAMPLE },
    { schema: healthReportSchema, value: HEALTHY_EXAMPLE },
    { schema: importResultSchema, value: IMPORT_RESULT_EXAMPLE },
    { schema: workoutSchema, value: { ...ACTIVE_WORKOUT_EXAMPLE, startedAt: new Date(0).toISOString() } },
  ])("given a value the server builds, when parsed by its schema, then it is accepted", ({ schema, value }) => {
    expect(schema.safeParse(value).success).toBe(true);
  });
});
