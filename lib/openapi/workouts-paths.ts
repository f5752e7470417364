import { workoutIdSchema } from "@/lib/workouts/workouts";
import { schemaRef } from "./component-schemas";
import { curlSample } from "./curl-sample";
import { END_WORKOUT_ERRORS, START_WORKOUT_ERRORS } from "./error-codes";
import { endWorkoutErrorExamples, startWorkoutErrorExamples } from "./error-examples";
import { errorResponses } from "./error-responses";
import { ACTIVE_WORKOUT_EXAMPLE, ENDED_WORKOUT_EXAMPLE, EXAMPLE_WORKOUT_ID, START_WORKOUT_EXAMPLES } from "./examples";
import type { OperationObject, ResponseObject } from "./openapi-types";
import { DEVICE_SECURITY } from "./security";
import { inlineJsonSchema } from "./standalone-schema";

const workoutResponse = (description: string, summary: string, value: unknown): ResponseObject => ({
  description,
  content: { "application/json": { schema: schemaRef("Workout"), examples: { workout: { summary, value } } } },
});

export function startWorkoutOperation(): OperationObject {
  return {
    operationId: "startWorkout",
    summary: "Start a workout",
    description:
      "Starts a workout on the calling device and ends any workout still open on it: a watch records one " +
      "workout at a time. Send its id with readings as workoutId, or send readings without one and let the " +
      "server group them. Starting again with a clientId seen before returns the same workout (200).",
    tags: ["Workouts"],
    security: DEVICE_SECURITY,
    requestBody: {
      description: "Optional: an empty body starts a workout of sport other. Up to 16 KiB.",
      required: false,
      content: { "application/json": { schema: schemaRef("StartWorkout"), examples: START_WORKOUT_EXAMPLES } },
    },
    responses: {
      "201": workoutResponse("Created: a new workout.", "A new workout", ACTIVE_WORKOUT_EXAMPLE),
      "200": workoutResponse(
        "The workout started earlier with this clientId; nothing was changed.",
        "The same workout",
        ACTIVE_WORKOUT_EXAMPLE,
      ),
      ...errorResponses(START_WORKOUT_ERRORS, startWorkoutErrorExamples()),
    },
    "x-codeSamples": [
      curlSample({
        label: "curl",
        method: "post",
        path: "/api/v1/workouts",
        authenticated: true,
        contentType: "application/json",
        body: START_WORKOUT_EXAMPLES.running?.value,
      }),
    ],
  };
}

export function endWorkoutOperation(): OperationObject {
  const idSchema = inlineJsonSchema(workoutIdSchema);
  return {
    operationId: "endWorkout",
    summary: "End a workout",
    description:
      "Ends a workout of the calling device; ending it again is fine and changes nothing. Its end time is now, " +
      "or its last reading's time when that is later.",
    tags: ["Workouts"],
    security: DEVICE_SECURITY,
    parameters: [
      {
        name: "id",
        in: "path",
        required: true,
        description: "The workout's id. An id that is not a UUID is answered 404, like an unknown one.",
        schema: idSchema,
        example: EXAMPLE_WORKOUT_ID,
      },
    ],
    responses: {
      "200": workoutResponse("The ended workout.", "An ended workout", ENDED_WORKOUT_EXAMPLE),
      ...errorResponses(END_WORKOUT_ERRORS, endWorkoutErrorExamples()),
    },
    "x-codeSamples": [
      curlSample({ label: "curl", method: "post", path: "/api/v1/workouts/$WORKOUT_ID/end", authenticated: true }),
    ],
  };
}
