/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // kafkajs and pg are Node-only; keep them out of the server bundle so the
  // app and the workers load the very same modules.
  serverExternalPackages: ["kafkajs", "pg", "@prisma/adapter-pg", "@next/env"],
};

export default nextConfig;
