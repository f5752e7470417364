import { AppError } from "@/lib/api/app-error";
import { toErrorResponse } from "@/lib/api/error-response";
import { getPrisma } from "@/lib/db/prisma";
import { bearerToken } from "@/lib/devices/device-token";
import { authenticateDevice } from "@/lib/devices/devices";
import { endWorkout, workoutIdSchema } from "@/lib/workouts/workouts";

export const dynamic = "force-dynamic";

/** Ends a workout of the calling device. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const prisma = getPrisma();
    const device = await authenticateDevice(prisma, bearerToken(request.headers.get("authorization")));
    const id = workoutIdSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("WORKOUT_NOT_FOUND", "workout id must be a UUID", 404);
    return Response.json(await endWorkout(prisma, device, id.data, new Date()));
  } catch (err) {
    return toErrorResponse(err);
  }
}
