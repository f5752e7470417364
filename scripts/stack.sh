#!/usr/bin/env bash
# The local stack: Kafka, HDFS and PostgreSQL, without Docker.
#
#   scripts/stack.sh up     [service...]   start (idempotent), wait until each answers
#   scripts/stack.sh down   [service...]   stop what runs
#   scripts/stack.sh status [service...]   exit 0 when all are up, 3 otherwise
#   scripts/stack.sh fetch                 resolve the Kafka and HDFS jars into ~/.m2
#
# Services: kafka, hdfs, postgres (default: all). Each one's data, log and
# pid live under .data/<service>; scripts/stack/<service>.sh does the work.
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/stack/lib.sh"

ALL_SERVICES=(postgres kafka hdfs)

service_script() {
  case "$1" in
    kafka | hdfs | postgres) echo "$STACK_DIR/$1.sh" ;;
    *) die "unknown service '$1' (expected: ${ALL_SERVICES[*]})" ;;
  esac
}

# Kafka and HDFS are JVMs that take a while to start; starting them side by
# side roughly halves the wait. Output is collected and shown per service.
up() {
  local pids=() logs=() s failed=() started_at=$SECONDS
  mkdir -p "$DATA_DIR"
  for s in "$@"; do
    local log="$DATA_DIR/.up-$s.out"
    bash "$(service_script "$s")" start >"$log" 2>&1 &
    pids+=($!)
    logs+=("$log")
  done
  local i
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then failed+=("$(basename "${logs[$i]}" .out | sed 's/^.up-//')"); fi
    cat "${logs[$i]}"
    rm -f "${logs[$i]}"
  done
  ((${#failed[@]} == 0)) || die "could not start: ${failed[*]} (see the messages above)"
  say "stack is up ($* in $((SECONDS - started_at)) s)"
}

down() {
  local s
  for s in "$@"; do bash "$(service_script "$s")" stop; done
}

status() {
  local s rc=0
  for s in "$@"; do bash "$(service_script "$s")" status || rc=3; done
  return "$rc"
}

fetch() {
  bash "$STACK_DIR/kafka.sh" classpath >/dev/null
  bash "$STACK_DIR/hdfs.sh" classpath >/dev/null
  say "Kafka and HDFS jars are in ~/.m2"
}

main() {
  local cmd="${1:-}"
  shift || true
  local services=("$@")
  ((${#services[@]})) || services=("${ALL_SERVICES[@]}")
  case "$cmd" in
    up) up "${services[@]}" ;;
    down) down "${services[@]}" ;;
    status) status "${services[@]}" ;;
    fetch) fetch ;;
    *) die "usage: scripts/stack.sh up|down|status [${ALL_SERVICES[*]}] | fetch" ;;
  esac
}

main "$@"
