import Link from "next/link";

export default function HomePage() {
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">HeartLake</h1>
      <p className="max-w-prose text-slate-700 dark:text-slate-300">
        Watches stream heart-rate readings; HeartLake lands every one of them in the lake and tells you how many minutes
        of low, moderate and high intensity each workout had.
      </p>
      <p>
        <Link href="/status" className="font-medium text-rose-700 underline dark:text-rose-400">
          Check that Kafka, HDFS and PostgreSQL are up
        </Link>
      </p>
    </section>
  );
}
