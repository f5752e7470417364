#!/usr/bin/env bash
# The first of the README's two commands: brings HeartLake up on this machine
# (npm packages, Kafka, HDFS, PostgreSQL, migrations, the app) and prints
# where to look. Ctrl-C stops the app; `npm run stack:down` stops the stack.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/stack.sh up
npm run --silent db:migrate

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-3000}"
APP_URL="http://$HOST:$PORT"

npm run --silent dev &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$APP_URL/" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { echo "[up] the app exited during start-up (see above)" >&2; exit 1; }
  sleep 0.5
done

cat <<BANNER

  HeartLake is up.
    App            $APP_URL
    Status page    $APP_URL/status
    Health (JSON)  $APP_URL/api/health
    Kafka          127.0.0.1:${KAFKA_PORT:-9092}
    HDFS web UI    http://127.0.0.1:9870   (WebHDFS under /webhdfs/v1)
    PostgreSQL     $(bash scripts/stack/postgres.sh url)

  Ctrl-C stops the app; \`npm run stack:down\` stops Kafka, HDFS and PostgreSQL.

BANNER
wait "$app_pid"
