export default function Loading() {
  return <p className="text-slate-600 dark:text-slate-400">Checking Kafka, HDFS and PostgreSQL…</p>;
}
