#!/usr/bin/env bash
# Shared helpers for the local stack scripts. Sourced, never run.
# Every service keeps its data, logs and pid file under $DATA_DIR/<service>.

set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The stack reads the same .env as the app (see .env.example), so a
# DATABASE_URL or port set there applies to both.
if [[ -f "$ROOT_DIR/.env" ]]; then
  set -a
  # shellcheck disable=SC1091
  source "$ROOT_DIR/.env"
  set +a
fi

# shellcheck disable=SC2034 # used by the scripts that source this file
DATA_DIR="${HEARTLAKE_DATA_DIR:-$ROOT_DIR/.data}"
# shellcheck disable=SC2034
STACK_DIR="$ROOT_DIR/scripts/stack"

say() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# Java 17 is required: Hadoop before 3.4.3 breaks on Java 23+, and these
# machines also carry a Temurin 25 that must not be picked up by accident.
java_bin() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  candidates+=(/usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-17-openjdk-arm64/bin/java "$(command -v java || true)")
  local c
  for c in "${candidates[@]}"; do
    [[ -x "$c" ]] || continue
    if "$c" -version 2>&1 | grep -q 'version "17'; then echo "$c"; return 0; fi
  done
  die "Java 17 not found (set JAVA_HOME to a JDK 17; on Debian: apt-get install openjdk-17-jdk-headless)"
}

need_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven not found (on Debian: apt-get install maven)"
}

# Resolves the pom's runtime classpath from ~/.m2 (downloading from Maven
# Central on first use) and caches it next to the service's data, keyed by
# the pom's hash so a version bump resolves again.
maven_classpath() {
  local pom="$1" out_dir="$2"
  need_maven
  mkdir -p "$out_dir"
  local hash; hash="$(sha256sum "$pom" | cut -c1-16)"
  local cp_file="$out_dir/classpath-$hash.txt"
  if [[ ! -s "$cp_file" ]]; then
    say "resolving jars for $(basename "$(dirname "$pom")") from Maven Central (cached in ~/.m2)" >&2
    mvn -B -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cp_file" >"$out_dir/maven.log" 2>&1 \
      || { tail -n 30 "$out_dir/maven.log" >&2; die "Maven could not resolve $pom"; }
  fi
  cat "$cp_file"
}

port_in_use() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# A port held by someone else is a clear error, not a mysterious start failure.
require_free_port() {
  local host="$1" port="$2" what="$3"
  if port_in_use "$host" "$port"; then
    die "port $host:$port is taken (needed by $what); stop whatever listens there (ss -ltnp 'sport = :$port') or change the port"
  fi
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Polls a check command until it succeeds, the process dies, or time runs out.
wait_until() {
  local what="$1" timeout="$2" pid_file="$3" log="$4"; shift 4
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$pid_file"; then
      tail -n 40 "$log" >&2 || true
      die "$what exited during start-up (log: $log)"
    fi
    if (( SECONDS >= deadline )); then
      tail -n 40 "$log" >&2 || true
      die "$what did not answer within ${timeout}s (log: $log)"
    fi
    sleep 0.5
  done
}

stop_pid() {
  local pid_file="$1" what="$2"
  if ! pid_alive "$pid_file"; then rm -f "$pid_file"; return 0; fi
  local pid; pid="$(cat "$pid_file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$pid_file"
  say "$what stopped"
}
