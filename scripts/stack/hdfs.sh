#!/usr/bin/env bash
# Local HDFS for HeartLake: one NameNode and one DataNode, each its own JVM,
# run from Maven Central jars (Hadoop 3.5.0, see hdfs/pom.xml) on Java 17.
# WebHDFS is what the app talks to.
#
#   scripts/stack/hdfs.sh start    format once, start both, wait for a real write
#   scripts/stack/hdfs.sh stop     stop both (SIGTERM, then SIGKILL after 30 s)
#   scripts/stack/hdfs.sh status   exit 0 when both answer, 3 otherwise
#
# Listens on loopback only:
#   NameNode  RPC 127.0.0.1:8020   HTTP/WebHDFS http://127.0.0.1:9870
#   DataNode  HTTP/WebHDFS localhost:9864, data transfer 127.0.0.1:9866, IPC 127.0.0.1:9867
# WebHDFS CREATE/OPEN/APPEND answer 307 with Location http://localhost:9864/...
# Data, generated config, logs and pid files live under $DATA_DIR/hdfs.
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"

NN_RPC_PORT=8020
NN_HTTP_PORT=9870
DN_PORT=9866
DN_HTTP_PORT=9864
DN_IPC_PORT=9867
HDFS_HEAP="${HEARTLAKE_HDFS_HEAP:-384m}"
START_TIMEOUT="${HEARTLAKE_HDFS_START_TIMEOUT:-120}"
CDS_DIR="${HEARTLAKE_HDFS_CDS_DIR-${XDG_CACHE_HOME:-${HOME:-$DATA_DIR}/.cache}/heartlake/hdfs-cds}"

HDFS_DIR="$DATA_DIR/hdfs"
CONF_DIR="$HDFS_DIR/conf"
LOG_DIR="$HDFS_DIR/logs"
LIB_DIR="$HDFS_DIR/lib"
POM="$STACK_DIR/hdfs/pom.xml"
NN_URL="http://127.0.0.1:$NN_HTTP_PORT"
PROBE_USER=heartlake

# ------------------------------------------------------------------ daemons

main_class() {
  case "$1" in
    namenode) echo org.apache.hadoop.hdfs.server.namenode.NameNode ;;
    datanode) echo org.apache.hadoop.hdfs.server.datanode.DataNode ;;
  esac
}
pid_file() { echo "$HDFS_DIR/$1.pid"; }
out_file() { echo "$LOG_DIR/$1.out"; }

# Alive AND still our daemon (a stale pid file may name a recycled pid).
daemon_running() {
  local pf; pf="$(pid_file "$1")"
  pid_alive "$pf" || return 1
  local cmdline; cmdline="/proc/$(cat "$pf")/cmdline"
  [[ -r "$cmdline" ]] || return 0
  grep -qaF "$(main_class "$1")" "$cmdline"
}

need_curl() {
  command -v curl >/dev/null 2>&1 || die "curl not found (on Debian: apt-get install curl)"
}

# ---------------------------------------------------------------- classpath

# The pom's classpath minus the hadoop-hdfs tests jar, which is only there for
# its webapps/ (NameNode and DataNode web UIs): those are unpacked once into
# $LIB_DIR and that directory goes on the classpath instead.
hdfs_classpath() {
  local retried="${1:-}" hash
  hash="$(sha256sum "$POM" | cut -c1-16)"
  local out cp
  out="$(maven_classpath "$POM" "$LIB_DIR")" || exit 1
  cp="${out##*$'\n'}"   # the classpath is the last line
  local jars jar tests_jar="" keep=()
  IFS=: read -ra jars <<<"$cp"
  for jar in "${jars[@]}"; do
    if [[ ! -f "$jar" ]]; then            # ~/.m2 was cleaned: resolve again
      [[ -z "$retried" ]] || die "Maven resolved $jar but it is not there"
      rm -f "$LIB_DIR/classpath-$hash.txt"
      hdfs_classpath retried
      return
    fi
    if [[ "$jar" == *hadoop-hdfs-*-tests.jar ]]; then tests_jar="$jar"; else keep+=("$jar"); fi
  done
  [[ -n "$tests_jar" ]] || die "hadoop-hdfs tests jar (web UI resources) missing from the classpath of $POM"
  local web_root; web_root="$LIB_DIR/web-$(basename "$tests_jar" .jar)"
  if [[ ! -f "$web_root/.done" ]]; then
    rm -rf "$web_root"; mkdir -p "$web_root"
    if command -v unzip >/dev/null 2>&1; then
      unzip -q -o "$tests_jar" 'webapps/*' -d "$web_root"
    elif [[ -x "$(dirname "$JAVA")/jar" ]]; then
      (cd "$web_root" && "$(dirname "$JAVA")/jar" xf "$tests_jar" webapps)
    else
      python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
z.extractall(sys.argv[2], [n for n in z.namelist() if n.startswith("webapps/")])' "$tests_jar" "$web_root"
    fi
    [[ -f "$web_root/webapps/hdfs/WEB-INF/web.xml" ]] || die "could not unpack webapps/ from $tests_jar"
    touch "$web_root/.done"
  fi
  local IFS=:
  echo "${keep[*]}:$CONF_DIR:$web_root"
}

# ------------------------------------------------------------------- config

xml_escape() { local s="${1//&/&amp;}"; s="${s//</&lt;}"; printf '%s' "${s//>/&gt;}"; }

render() {
  local text; text="$(<"$1")"
  local dir; dir="$(xml_escape "$HDFS_DIR")"
  text="${text//@HDFS_DIR@/"$dir"}"
  text="${text//@NN_RPC_PORT@/$NN_RPC_PORT}"
  text="${text//@NN_HTTP_PORT@/$NN_HTTP_PORT}"
  text="${text//@DN_PORT@/$DN_PORT}"
  text="${text//@DN_HTTP_PORT@/$DN_HTTP_PORT}"
  text="${text//@DN_IPC_PORT@/$DN_IPC_PORT}"
  printf '%s\n' "$text" >"$2"
}

write_conf() {
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$HDFS_DIR/tmp"
  render "$STACK_DIR/hdfs/core-site.xml" "$CONF_DIR/core-site.xml"
  render "$STACK_DIR/hdfs/hdfs-site.xml" "$CONF_DIR/hdfs-site.xml"
  cp "$STACK_DIR/hdfs/log4j.properties" "$CONF_DIR/log4j.properties"
}

# ---------------------------------------------------------------- launching

# The --add-opens set Hadoop's own launcher (hadoop-functions.sh, HADOOP-19310)
# passes on Java 17+; harmless where not needed.
JPMS_OPTS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.math=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.zip=ALL-UNNAMED
  --add-opens=java.base/sun.security.util=ALL-UNNAMED
  --add-opens=java.base/sun.security.x509=ALL-UNNAMED
)

jvm_opts() {
  local name="$1"
  # Serial GC and C1-only JIT: quickest start and smallest footprint on a
  # 2-core machine shared with Kafka, Postgres and Next.js.
  printf '%s\n' "-Dproc_$name" -Xms64m "-Xmx$HDFS_HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Djava.net.preferIPv4Stack=true "-Dhadoop.home.dir=$HDFS_DIR" \
    "-Dhadoop.log.dir=$LOG_DIR" "-Dhadoop.log.file=$name.log" "-Dhadoop.id.str=$name" \
    "${JPMS_OPTS[@]}"
  # Extra JVM flags, space-separated (e.g. remote debugging); later flags win.
  # shellcheck disable=SC2086  # a list of JVM flags
  [[ -z "${HEARTLAKE_HDFS_JAVA_OPTS:-}" ]] || printf '%s\n' $HEARTLAKE_HDFS_JAVA_OPTS
}

# Class-data sharing: the first run of a daemon records the classes it loaded
# into an archive when it exits (written as .part, kept by a clean `stop`);
# later starts map that archive instead of loading ~8000 classes from jars,
# which halves the start time. The archives (~60 MB each) live in a user cache
# like ~/.m2, keyed by the jars and the JVM, so every checkout and CI run on
# the machine shares them. HEARTLAKE_HDFS_CDS_DIR= (empty) turns this off.
cds_key() {
  local jars; IFS=: read -ra jars <<<"${CLASSPATH_STR%:*:*}"   # without the conf and web dirs
  local jvm; jvm="$(readlink -f "$JAVA")"
  { stat -c '%n %s %Y' "${jars[@]}" "$jvm" "$(dirname "$jvm")/../lib/server/libjvm.so" 2>/dev/null
    echo "$HDFS_HEAP"; } | sha256sum | cut -c1-16
}

cds_opts() {
  [[ -n "$CDS_DIR" ]] || return 0
  local jsa; jsa="$CDS_DIR/$1-$(cds_key).jsa"
  if [[ -s "$jsa" ]]; then
    echo "-XX:SharedArchiveFile=$jsa"
  elif mkdir -p "$CDS_DIR" 2>/dev/null && [[ -w "$CDS_DIR" ]]; then
    find "$CDS_DIR" -name "$1-*.jsa*" -mtime +30 -delete 2>/dev/null || true
    echo "-XX:ArchiveClassesAtExit=$jsa.part"
  fi
}

# After a clean stop: keep the archive the daemon wrote on its way out.
cds_keep() {
  [[ -n "$CDS_DIR" && -d "$CDS_DIR" ]] || return 0
  local part
  for part in "$CDS_DIR/$1"-*.jsa.part; do
    [[ -s "$part" ]] && mv -f "$part" "${part%.part}"
  done
  return 0
}

# An archive the JVM refused (e.g. JDK updated in place) is dropped, so the
# next run records a fresh one.
cds_check() {
  local out; out="$(out_file "$1")"
  if grep -qiE '\[cds|shared archive' "$out" 2>/dev/null; then
    rm -f "$CDS_DIR/$1"-*.jsa
  fi
}

launch() {
  local name="$1" pf; pf="$(pid_file "$name")"
  local opts; mapfile -t opts < <(jvm_opts "$name"; cds_opts "$name")
  rm -f "$pf"
  # Own session, so a Ctrl-C in the terminal that ran `start` doesn't reach it.
  # shellcheck disable=SC2016  # the inner shell expands its own $$ and $0
  setsid sh -c 'echo $$ >"$0"; exec "$@"' "$pf" \
    "$JAVA" "${opts[@]}" -cp "$CLASSPATH_STR" "$(main_class "$name")" \
    </dev/null >"$(out_file "$name")" 2>&1 &
  local _
  for _ in $(seq 1 50); do [[ -s "$pf" ]] && return 0; sleep 0.1; done
  die "$name did not start (see $(out_file "$name"))"
}

format_if_needed() {
  [[ -f "$HDFS_DIR/name/current/VERSION" ]] && return 0
  say "formatting a new HDFS namespace in $HDFS_DIR/name"
  # A new namespace makes any old blocks meaningless (and the DataNode would
  # refuse to start with a different cluster id).
  rm -rf "$HDFS_DIR/name" "$HDFS_DIR/data"
  local opts; mapfile -t opts < <(jvm_opts namenode-format)
  local jsa; jsa="$CDS_DIR/namenode-$(cds_key).jsa"
  [[ -z "$CDS_DIR" || ! -s "$jsa" ]] || opts+=("-XX:SharedArchiveFile=$jsa")
  "$JAVA" "${opts[@]}" -cp "$CLASSPATH_STR" "$(main_class namenode)" \
      -format -nonInteractive -clusterid heartlake-local \
      </dev/null >"$LOG_DIR/namenode-format.out" 2>&1 \
    || { tail -n 30 "$LOG_DIR/namenode-format.out" >&2; die "formatting the NameNode failed (log: $LOG_DIR/namenode-format.log)"; }
}

# ------------------------------------------------------------------- checks

http_code() { curl -sS -o /dev/null --max-time "${2:-5}" -w '%{http_code}' "$1" 2>/dev/null || true; }

nn_answers() {
  [[ "$(http_code "$NN_URL/webhdfs/v1/?op=GETFILESTATUS&user.name=$PROBE_USER")" == 200 ]]
}

# The NameNode is out of safe mode and counts at least one live DataNode.
nn_has_live_datanode() {
  local jmx
  jmx="$(curl -sS --max-time 5 "$NN_URL/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState" 2>/dev/null)" || return 1
  grep -Eq '"NumLiveDataNodes" *: *[1-9]' <<<"$jmx" && grep -Eq '"FSState" *: *"Operational"' <<<"$jmx"
}

dn_answers() { [[ "$(http_code "http://127.0.0.1:$DN_HTTP_PORT/jmx?qry=Hadoop:service=DataNode,name=DataNodeInfo")" == 200 ]]; }

# A real two-step WebHDFS write: CREATE on the NameNode -> 307 to the
# DataNode -> PUT the bytes there -> 201; then delete the file again.
write_probe() {
  local path="/tmp/.heartlake-hdfs-ready" redirect code
  redirect="$(curl -sS -o /dev/null --max-time 5 -w '%{http_code} %{redirect_url}' -X PUT \
    "$NN_URL/webhdfs/v1$path?op=CREATE&overwrite=true&user.name=$PROBE_USER")" || return 1
  [[ "$redirect" == "307 http"* ]] || return 1
  code="$(curl -sS -o /dev/null --max-time 10 -w '%{http_code}' -X PUT \
    -H 'Content-Type: application/octet-stream' --data-binary ready "${redirect#307 }")" || return 1
  [[ "$code" == 201 ]] || return 1
  curl -sS -o /dev/null --max-time 5 -X DELETE "$NN_URL/webhdfs/v1$path?op=DELETE&user.name=$PROBE_USER" || true
}

# ----------------------------------------------------------------- commands

print_endpoints() {
  say "NameNode  pid $(cat "$(pid_file namenode)"): RPC hdfs://127.0.0.1:$NN_RPC_PORT, web UI + WebHDFS $NN_URL/webhdfs/v1/"
  say "DataNode  pid $(cat "$(pid_file datanode)"): WebHDFS http://localhost:$DN_HTTP_PORT, data transfer 127.0.0.1:$DN_PORT, IPC 127.0.0.1:$DN_IPC_PORT"
  say "data $HDFS_DIR/{name,data}, logs $LOG_DIR"
}

cmd_start() {
  local started=$SECONDS
  if daemon_running namenode && daemon_running datanode && nn_answers && nn_has_live_datanode; then
    say "HDFS already running"
    print_endpoints
    return 0
  fi
  JAVA="$(java_bin)"
  need_curl
  mkdir -p "$HDFS_DIR" "$LOG_DIR"
  local name
  for name in namenode datanode; do
    daemon_running "$name" || rm -f "$(pid_file "$name")"
  done
  if ! daemon_running namenode; then
    require_free_port 127.0.0.1 "$NN_RPC_PORT" "HDFS NameNode RPC"
    require_free_port 127.0.0.1 "$NN_HTTP_PORT" "HDFS NameNode HTTP"
  fi
  if ! daemon_running datanode; then
    require_free_port 127.0.0.1 "$DN_PORT" "HDFS DataNode data transfer"
    require_free_port 127.0.0.1 "$DN_HTTP_PORT" "HDFS DataNode HTTP"
    require_free_port 127.0.0.1 "$DN_IPC_PORT" "HDFS DataNode IPC"
  fi
  CLASSPATH_STR="$(hdfs_classpath)"
  write_conf
  if ! daemon_running namenode; then
    format_if_needed
    say "starting NameNode (heap $HDFS_HEAP)"
    launch namenode
  fi
  # The DataNode boots alongside the NameNode and retries until its RPC is up.
  if ! daemon_running datanode; then
    say "starting DataNode (heap $HDFS_HEAP)"
    launch datanode
  fi
  wait_until "HDFS NameNode" "$START_TIMEOUT" "$(pid_file namenode)" "$(out_file namenode)" nn_answers
  wait_until "HDFS DataNode (registration with the NameNode)" "$START_TIMEOUT" \
    "$(pid_file datanode)" "$(out_file datanode)" nn_has_live_datanode
  wait_until "HDFS write through WebHDFS (NameNode -> DataNode)" 30 \
    "$(pid_file datanode)" "$(out_file datanode)" write_probe
  cds_check namenode; cds_check datanode
  say "HDFS ready in $((SECONDS - started))s"
  print_endpoints
}

cmd_stop() {
  local name pids=()
  for name in datanode namenode; do
    if daemon_running "$name"; then
      pids+=("$(cat "$(pid_file "$name")")")
      # Both at once: each may spend a few seconds writing its CDS archive.
      { stop_pid "$(pid_file "$name")" "HDFS $name"; cds_keep "$name"; } &
    else
      rm -f "$(pid_file "$name")"
      say "HDFS $name not running"
    fi
  done
  wait
  local pid
  for pid in "${pids[@]}"; do
    ! kill -0 "$pid" 2>/dev/null || die "HDFS process $pid is still running after stop"
  done
}

cmd_status() {
  local rc=0
  if daemon_running namenode && nn_answers; then
    say "namenode: running (pid $(cat "$(pid_file namenode)"), RPC 127.0.0.1:$NN_RPC_PORT, HTTP $NN_URL)"
  elif daemon_running namenode; then
    say "namenode: running but not answering (pid $(cat "$(pid_file namenode)"), log $LOG_DIR/namenode.log)"; rc=3
  else
    say "namenode: stopped"; rc=3
  fi
  if daemon_running datanode && dn_answers; then
    say "datanode: running (pid $(cat "$(pid_file datanode)"), HTTP localhost:$DN_HTTP_PORT, data 127.0.0.1:$DN_PORT, IPC 127.0.0.1:$DN_IPC_PORT)"
  elif daemon_running datanode; then
    say "datanode: running but not answering (pid $(cat "$(pid_file datanode)"), log $LOG_DIR/datanode.log)"; rc=3
  else
    say "datanode: stopped"; rc=3
  fi
  return "$rc"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  classpath) JAVA="$(java_bin)"; hdfs_classpath ;;
  *) echo "usage: $0 start|stop|status|classpath" >&2; exit 2 ;;
esac
