import { POST as postReadingsRoute } from "@/app/api/v1/readings/route";
import { POST as endWorkoutRoute } from "@/app/api/v1/workouts/[id]/end/route";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { POST as startWorkoutRoute } from "@/app/api/v1/workouts/route";

/**
 * Calls the real route handlers with real Requests: everything below the
 * router (auth, validation, Prisma, Kafka) runs exactly as in the server.
 */
export async function postReadings(
  token: string | undefined,
  body: BodyInit | object,
  contentType: string | null = "application/json",
  extraHeaders: Record<string, string> = {},
) {
  const headers = new Headers(extraHeaders);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (contentType) headers.set("content-type", contentType);
  const payload = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  const res = await postReadingsRoute(
    new Request("http://heartlake.test/api/v1/readings", { method: "POST", headers, body: payload as BodyInit }),
  );
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

export async function startWorkout(token: string, body: object) {
  const res = await startWorkoutRoute(
    new Request("http://heartlake.test/api/v1/workouts", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function endWorkout(token: string, id: string) {
  const res = await endWorkoutRoute(
    new Request(`http://heartlake.test/api/v1/workouts/${id}/end`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function postImport(token: string, body: Uint8Array | FormData, contentType?: string) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (contentType) headers.set("content-type", contentType);
  const res = await importRoute(
    new Request("http://heartlake.test/api/v1/imports", { method: "POST", headers, body: body as BodyInit }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
