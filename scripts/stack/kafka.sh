#!/usr/bin/env bash
# Local Apache Kafka 4.1.2: one KRaft node acting as broker and controller,
# run from Maven Central jars (scripts/stack/kafka/pom.xml) on Java 17.
#
#   scripts/stack/kafka.sh start       start (idempotent), wait until it serves requests
#   scripts/stack/kafka.sh stop        SIGTERM, wait, SIGKILL if needed (idempotent)
#   scripts/stack/kafka.sh status      exit 0 when up, 3 when down
#   scripts/stack/kafka.sh classpath   print the resolved classpath
#   scripts/stack/kafka.sh tool CLASS [ARGS...]
#                                      run a Kafka CLI class with that classpath, e.g.
#                                      tool org.apache.kafka.tools.ProducerPerformance --help
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
# KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), KAFKA_AUTO_CREATE_TOPICS (false),
# KAFKA_START_TIMEOUT seconds (90), HEARTLAKE_DATA_DIR (.data).
# Everything lives in $DATA_DIR/kafka: data/ (log.dirs + KRaft metadata),
# logs/ (server.log, controller.log, kafka.out), kafka.pid, cluster.id and the
# generated server.properties.

# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"

KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

CONF_DIR="$STACK_DIR/kafka"
POM="$CONF_DIR/pom.xml"
# The pom is the one place the version is written (docker-compose.yml is checked against it).
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
KAFKA_DIR="$DATA_DIR/kafka"
LOG_DIRS="$KAFKA_DIR/data"
LOGS="$KAFKA_DIR/logs"
PID_FILE="$KAFKA_DIR/kafka.pid"
PROPS="$KAFKA_DIR/server.properties"
CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
SERVER_LOG="$LOGS/server.log"
OUT_LOG="$LOGS/kafka.out"

# ---------------------------------------------------------------- classpath

kafka_classpath() {
  maven_classpath "$POM" "$KAFKA_DIR" || exit 1
}

# ------------------------------------------------------------ Kafka protocol
# A real request, answered by the broker's request handlers, not just an open
# port: Metadata v8 for no topics, sent over bash's /dev/tcp. Prints
# "<alive brokers> <cluster id>". A broker that is still starting (or fenced)
# either does not answer in time or lists no brokers.
kafka_probe() {
  local host="$1" port="$2" hex
  # shellcheck disable=SC2016  # the inner script expands its own $0/$1
  hex="$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    # size=25 | api_key=3 (Metadata) | version=8 | correlation_id=42 | client_id="hl-probe"
    # | topics=[] | allow_auto_topic_creation=false | include_cluster_ops=false | include_topic_ops=false
    printf "\x00\x00\x00\x19\x00\x03\x00\x08\x00\x00\x00\x2a\x00\x08hl-probe\x00\x00\x00\x00\x00\x00\x00" >&3
    size="$(head -c 4 <&3 | od -An -v -tx1 | tr -d " \n")"
    [[ ${#size} == 8 ]] || exit 1
    head -c "$((16#$size))" <&3 | od -An -v -tx1
  ' "$host" "$port" 2>/dev/null)" || return 1
  # shellcheck disable=SC2206  # split the od output into one hex byte per element
  local -a b=($hex)
  (( ${#b[@]} >= 16 )) || return 1
  # Response: correlation_id, throttle_time_ms, brokers[], cluster_id, ...
  [[ "${b[0]}${b[1]}${b[2]}${b[3]}" == 0000002a ]] || return 1
  local n=$((16#${b[8]}${b[9]}${b[10]}${b[11]})) off=12 i len
  (( n < 1000 )) || return 1
  for ((i = 0; i < n; i++)); do
    off=$((off + 4))                                   # node_id
    len=$((16#${b[off]}${b[off+1]})); off=$((off + 2 + len))   # host
    off=$((off + 4))                                   # port
    len=$((16#${b[off]}${b[off+1]})); off=$((off + 2))         # rack (nullable)
    (( len == 0xffff )) || off=$((off + len))
  done
  len=$((16#${b[off]:-ff}${b[off+1]:-ff})); off=$((off + 2))
  local cid=""
  if (( len != 0xffff )); then
    # shellcheck disable=SC2059  # the format *is* the \xNN escape
    for ((i = off; i < off + len; i++)); do cid+="$(printf "\\x${b[i]}")"; done
  fi
  echo "$n $cid"
}

kafka_ready() {
  local r; r="$(kafka_probe "$KAFKA_HOST" "$KAFKA_PORT")" || return 1
  [[ "${r%% *}" -ge 1 ]]
}

our_cluster_id() {
  if [[ -s "$LOG_DIRS/meta.properties" ]]; then
    sed -n 's/^cluster\.id=//p' "$LOG_DIRS/meta.properties"
  elif [[ -s "$CLUSTER_ID_FILE" ]]; then
    cat "$CLUSTER_ID_FILE"
  fi
}

# The pid file names a live process *and* that process is our broker (pids get
# reused after a reboot or crash; never wait on or kill a stranger).
kafka_pid_alive() {
  pid_alive "$PID_FILE" || return 1
  local args; args="$(ps -ww -o args= -p "$(cat "$PID_FILE")" 2>/dev/null || true)"
  [[ "$args" == *"kafka.Kafka $PROPS"* ]] && return 0
  rm -f "$PID_FILE"
  return 1
}

# Our broker answering on the port although the pid file is gone (deleted data
# dir bookkeeping, killed shell...): find its pid again so stop/status work.
adopt_running_broker() {
  local cid r pid
  cid="$(our_cluster_id)"; [[ -n "$cid" ]] || return 1
  r="$(kafka_probe "$KAFKA_HOST" "$KAFKA_PORT")" || return 1
  [[ "${r#* }" == "$cid" ]] || return 1
  pid="$(ss -Hltnp "sport = :$KAFKA_PORT" 2>/dev/null || true)"
  [[ "$pid" =~ pid=([0-9]+) ]] || return 1
  pid="${BASH_REMATCH[1]}"
  echo "$pid" >"$PID_FILE"
}

where() {
  echo "PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT (controller $KAFKA_HOST:$KAFKA_CONTROLLER_PORT)"
}

# ------------------------------------------------------------------ commands

render_config() {
  local tpl auto="${KAFKA_AUTO_CREATE_TOPICS:-false}"
  [[ "$auto" == true || "$auto" == false ]] || die "KAFKA_AUTO_CREATE_TOPICS must be true or false, not '$auto'"
  tpl="$(<"$CONF_DIR/server.properties.template")"
  tpl="${tpl//@HOST@/"$KAFKA_HOST"}"
  tpl="${tpl//@PORT@/"$KAFKA_PORT"}"
  tpl="${tpl//@CONTROLLER_PORT@/"$KAFKA_CONTROLLER_PORT"}"
  tpl="${tpl//@LOG_DIRS@/"$LOG_DIRS"}"
  tpl="${tpl//@AUTO_CREATE@/"$auto"}"
  printf '%s\n' "$tpl" >"$PROPS"
}

# Kafka's cluster id is a random UUID in URL-safe base64 without padding
# (what `kafka-storage.sh random-uuid` prints); generated once and kept.
ensure_cluster_id() {
  local cid; cid="$(our_cluster_id)"
  if [[ -z "$cid" ]]; then
    while :; do
      cid="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
      [[ "$cid" != -* ]] && break
    done
  fi
  echo "$cid" >"$CLUSTER_ID_FILE"
}

format_storage() {
  local java="$1" cp="$2"
  [[ -s "$LOG_DIRS/meta.properties" ]] && return 0
  say "formatting KRaft storage in $LOG_DIRS (cluster id $(cat "$CLUSTER_ID_FILE"))"
  "$java" -Xmx256m -Dlog4j2.configurationFile="$CONF_DIR/log4j2-tools.xml" -cp "$cp" \
    kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$CLUSTER_ID_FILE")" -c "$PROPS" \
    >"$LOGS/format.log" 2>&1 \
    || { tail -n 30 "$LOGS/format.log" >&2; die "kafka-storage format failed (log: $LOGS/format.log)"; }
}

# server.log is appended to across runs: remember where this start began so a
# failure shows this start's lines, not the last run's shutdown.
SERVER_LOG_MARK=0

wait_ready() {
  # kafka.out (rewritten on each start) holds JVM errors and Kafka's WARN/ERROR lines.
  if ! (wait_until "Kafka" "$KAFKA_START_TIMEOUT" "$PID_FILE" "$OUT_LOG" kafka_ready); then
    local recent; recent="$(tail -c +"$((SERVER_LOG_MARK + 1))" "$SERVER_LOG" 2>/dev/null | tail -n 15)"
    [[ -z "$recent" ]] || printf -- '--- %s (this start, last 15 lines) ---\n%s\n' "$SERVER_LOG" "$recent" >&2
    # Don't leave a half-started broker behind to confuse the next start.
    stop_pid "$PID_FILE" "Kafka (failed start)" >&2
    die "Kafka did not come up on $(where); full log: $SERVER_LOG"
  fi
}

cmd_start() {
  local java; java="$(java_bin)"
  mkdir -p "$LOG_DIRS" "$LOGS"
  # Two concurrent starts (dev script + test setup) must not launch two brokers.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$KAFKA_DIR/start.lock"
    flock -w "$((KAFKA_START_TIMEOUT + 30))" 9 || die "another 'kafka.sh start' holds $KAFKA_DIR/start.lock"
  fi

  if kafka_pid_alive; then
    if kafka_ready; then
      say "Kafka already running (pid $(cat "$PID_FILE")) on $(where)"
      return 0
    fi
    say "Kafka process $(cat "$PID_FILE") is up but not answering yet; waiting"
    wait_ready
    say "Kafka up on $(where)"
    return 0
  fi
  rm -f "$PID_FILE"

  if port_in_use "$KAFKA_HOST" "$KAFKA_PORT" && adopt_running_broker; then
    say "Kafka already running (pid $(cat "$PID_FILE"), pid file recovered) on $(where)"
    return 0
  fi
  require_free_port "$KAFKA_HOST" "$KAFKA_PORT" "Kafka (KAFKA_PORT)"
  require_free_port "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT" "Kafka controller (KAFKA_CONTROLLER_PORT)"

  local cp; cp="$(kafka_classpath)"
  ensure_cluster_id
  render_config
  format_storage "$java" "$cp"

  say "starting Kafka $KAFKA_VERSION (KRaft broker+controller, $KAFKA_HEAP_OPTS)"
  SERVER_LOG_MARK="$(stat -c %s "$SERVER_LOG" 2>/dev/null || echo 0)"
  # Own session: a terminal closing or Ctrl-C in the calling shell must not kill it.
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS is a list of JVM flags
  setsid "$java" $KAFKA_HEAP_OPTS \
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$CONF_DIR/log4j2.xml" \
    -Dlog4j2.shutdownHookEnabled=false \
    -cp "$cp" kafka.Kafka "$PROPS" \
    >"$OUT_LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$PID_FILE"

  wait_ready
  say "Kafka up on $(where), cluster id $(cat "$CLUSTER_ID_FILE"), pid $(cat "$PID_FILE")"
  say "bootstrap servers: $KAFKA_HOST:$KAFKA_PORT   logs: $LOGS/server.log"
}

cmd_stop() {
  if ! kafka_pid_alive && ! adopt_running_broker; then
    rm -f "$PID_FILE"
    say "Kafka not running"
    return 0
  fi
  say "stopping Kafka (pid $(cat "$PID_FILE"))"
  stop_pid "$PID_FILE" "Kafka"
}

cmd_status() {
  if kafka_pid_alive || adopt_running_broker; then
    if kafka_ready; then
      say "Kafka running (pid $(cat "$PID_FILE")) on $(where)"
      return 0
    fi
    say "Kafka process $(cat "$PID_FILE") alive but not answering on $(where) (starting, or stuck: see $SERVER_LOG)"
    return 3
  fi
  say "Kafka stopped ($(where) when up)"
  return 3
}

cmd_tool() {
  (( $# >= 1 )) || die "usage: $0 tool CLASS [ARGS...]"
  local java cp; java="$(java_bin)"; cp="$(kafka_classpath)"
  # shellcheck disable=SC2086
  exec "$java" ${KAFKA_TOOL_HEAP_OPTS:--Xmx512m} -Dlog4j2.configurationFile="$CONF_DIR/log4j2-tools.xml" \
    -cp "$cp" "$@"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  classpath) kafka_classpath ;;
  tool) shift; cmd_tool "$@" ;;
  *) echo "usage: $0 {start|stop|status|classpath|tool CLASS [ARGS...]}" >&2; exit 2 ;;
esac
