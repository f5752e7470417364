// Revokes a device token at once. Usage: npm run device:revoke -- --id <device id>
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db/prisma";
import { revokeDevice } from "@/lib/devices/devices";

async function main() {
  const { values } = parseArgs({ options: { id: { type: "string" } } });
  if (!values.id) throw new Error("--id is required: the device id printed by device:create");
  const prisma = getPrisma();
  try {
    await revokeDevice(prisma, values.id);
    console.log(`Device ${values.id} revoked; its token no longer works.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(`[device:revoke] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
