#!/usr/bin/env bash
# The first of the README's two commands: brings HeartLake up on this machine
# (npm packages, Kafka, HDFS, PostgreSQL, migrations, the app, both workers,
# demo workouts and one live simulated watch) and prints where to look.
# Ctrl-C stops the app, the workers and the watch; `npm run stack:down`
# stops Kafka, HDFS and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/stack.sh up
npm run --silent db:migrate

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-3000}"
APP_URL="http://$HOST:$PORT"
LOGS=".data/logs"
mkdir -p "$LOGS"
pids=()

# Runs a command in the background with its output in $LOGS/<name>.log.
background() {
  local name="$1"; shift
  "$@" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
}

stop_all() {
  ((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap stop_all INT TERM EXIT

background app npm run --silent dev
background lake-writer npm run --silent worker:lake
background rollup npm run --silent worker:rollup

for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$APP_URL/" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { tail -n 30 "$LOGS/app.log" >&2; echo "[up] the app exited during start-up" >&2; exit 1; }
  sleep 0.5
done

echo "[up] demo data: 5 watches play a 20-minute workout each, as fast as the API takes them"
npm run --silent simulate -- --url "$APP_URL" --watches 5 --minutes 20 --speed max --transport http --seed 42 \
  2>&1 | tail -n 3
background watch npm run --silent simulate -- --url "$APP_URL" --watches 1 --minutes 60 --speed realtime --transport socket

cat <<BANNER

  HeartLake is up.
    App              $APP_URL
    Status page      $APP_URL/status
    API docs         $APP_URL/docs/api   (OpenAPI: $APP_URL/api/v1/openapi.json)
    Health (JSON)    $APP_URL/api/health
    Kafka            127.0.0.1:${KAFKA_PORT:-9092}
    HDFS web UI      http://127.0.0.1:9870   (the lake: /heartlake/readings)
    PostgreSQL       $(bash scripts/stack/postgres.sh url)
    Logs             $LOGS/{app,lake-writer,rollup,watch}.log

  A simulated watch is streaming a live workout over socket.io.
  Ctrl-C stops the app, the workers and the watch; \`npm run stack:down\` stops the stack.

BANNER
wait "${pids[0]}"
