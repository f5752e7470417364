import { getPrisma } from "@/lib/db/prisma";
import { createDevice } from "@/lib/devices/devices";
import { uniqueName } from "./ids";

/** A new user with one paired watch; the token is what a watch would hold. */
export async function pairDevice(options: { timeZone?: string } = {}) {
  const { user, device, token } = await createDevice(getPrisma(), {
    email: `${uniqueName("watch-owner")}@example.test`,
    name: "Test watch",
    timeZone: options.timeZone,
  });
  return { userId: user.id, deviceId: device.id, token };
}
