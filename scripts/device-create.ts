// Pairs a device for a user (created when new) and prints its token once.
// Usage: npm run device:create -- --email runner@example.com [--name "Wrist"] [--time-zone Europe/Berlin] [--json]
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db/prisma";
import { createDevice } from "@/lib/devices/devices";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string", default: "My watch" },
      "time-zone": { type: "string", default: "UTC" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error("--email is required, e.g. npm run device:create -- --email runner@example.com");
  const prisma = getPrisma();
  try {
    const { user, device, token } = await createDevice(prisma, {
      email: values.email,
      name: values.name,
      timeZone: values["time-zone"],
    });
    if (values.json) {
      console.log(JSON.stringify({ userId: user.id, deviceId: device.id, token }));
      return;
    }
    console.log(`Device "${device.name}" (${device.id}) paired for ${user.email}.`);
    console.log(`Token (shown once, keep it secret): ${token}`);
    console.log(`Send readings with: Authorization: Bearer ${token}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(`[device:create] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
