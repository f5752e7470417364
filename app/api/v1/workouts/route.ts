import { toErrorResponse } from "@/lib/api/error-response";
import { readJson } from "@/lib/api/read-json";
import { getPrisma } from "@/lib/db/prisma";
import { bearerToken } from "@/lib/devices/device-token";
import { authenticateDevice } from "@/lib/devices/devices";
import { startWorkout, startWorkoutSchema } from "@/lib/workouts/workouts";

export const dynamic = "force-dynamic";

/** Starts a workout: 201 with its id, or 200 with the same workout when its clientId was seen before. */
export async function POST(request: Request) {
  try {
    const prisma = getPrisma();
    const device = await authenticateDevice(prisma, bearerToken(request.headers.get("authorization")));
    const input = await readJson(request, startWorkoutSchema);
    const { workout, created } = await startWorkout(prisma, device, input, new Date());
    return Response.json(workout, { status: created ? 201 : 200 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
