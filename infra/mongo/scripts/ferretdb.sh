#!/usr/bin/env bash
# FerretDB (the MongoDB wire protocol over SQLite) on 127.0.0.1, without Docker: the server the MongoDB read-model
# suites run against in CI.
#
#   bash infra/mongo/scripts/ferretdb.sh start|stop|status|restart|reset
#
# start   builds FerretDB from the Go module proxy (once: a small `main` in infra/mongo/ferretdb embedding
#         github.com/FerretDB/FerretDB/ferretdb, cached as .tools/ferretdb/ferretdb-<version>), starts it in the
#         background and waits until it serves.
# stop    stops the server this script started (SIGTERM, then SIGKILL after a grace period).
# status  exit 0 when the server runs, 3 when it does not.
# restart stop, then start (the data stays).
# reset   stop, then delete the data (every database); the binary stays.
#
# Needs Go 1.24+ to build (about a minute on a cold module cache). Telemetry is off (embedded FerretDB disables it).
# Known FerretDB gaps the project designs around: no transactions, no change streams, and a `$group` with more than
# one accumulator answers 0 for all but the first. Environment (all optional):
#   FERRETDB_PORT (27018), FERRETDB_TOOLS_DIR (<repo>/.tools/ferretdb), FERRETDB_START_TIMEOUT seconds (30).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
source_dir="$repo/infra/mongo/ferretdb"

tools="${FERRETDB_TOOLS_DIR:-$repo/.tools/ferretdb}"
data="$tools/data"
logs="$tools/logs"
pid_file="$tools/ferretdb.pid"
port="${FERRETDB_PORT:-27018}"
start_timeout="${FERRETDB_START_TIMEOUT:-30}"
version="$(sed -n 's:^require github.com/FerretDB/FerretDB \(v[0-9.]*\)$:\1:p' "$source_dir/go.mod")"
binary="$tools/ferretdb-$version"

say() { printf 'ferretdb: %s\n' "$*"; }
fail() { printf 'ferretdb: ERROR: %s\n' "$*" >&2; exit 1; }

# Pid of the server this script started, if it still runs (a stale pid file is not trusted: the pid may be reused).
running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "^$binary " || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

build() {
  [[ -n "$version" ]] || fail "no FerretDB version in $source_dir/go.mod"
  if [[ -x "$binary" ]]; then
    say "binary present (FerretDB $version, $binary)"
    return
  fi
  command -v go >/dev/null 2>&1 || fail "go is not installed (Go 1.24+ builds FerretDB from the Go module proxy)"
  say "building FerretDB $version (github.com/FerretDB/FerretDB/ferretdb) from the Go module proxy ..."
  local started=$SECONDS
  mkdir -p "$tools"
  if ! (cd "$source_dir" && go build -trimpath -buildvcs=false -o "$binary.partial" .) >"$tools/build.log" 2>&1; then
    tail -n 30 "$tools/build.log" >&2
    fail "go build failed (is the Go module proxy reachable?); full output in $tools/build.log"
  fi
  mv "$binary.partial" "$binary"
  say "built $binary ($(du -h "$binary" | cut -f1)) in $((SECONDS - started)) s"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on 127.0.0.1:$port"
    return
  fi
  rm -f "$pid_file"
  port_open "$port" && fail "port $port is taken by another process; set FERRETDB_PORT"
  build
  mkdir -p "$data" "$logs"

  local log="$logs/ferretdb.log" started=$SECONDS
  say "starting FerretDB $version on 127.0.0.1:$port (SQLite data in $data, log $log)"
  : >"$log"
  # setsid: the server outlives the shell that started it and is not hit by that shell's signals.
  setsid "$binary" -listen "127.0.0.1:$port" -data "$data" >>"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"

  while ! { port_open "$port" && grep -q 'ferretdb: serving' "$log"; }; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      tail -n 40 "$log" >&2
      fail "FerretDB exited during start-up (log above, full log $log)"
    fi
    if ((SECONDS - started >= start_timeout)); then
      tail -n 40 "$log" >&2
      stop >&2
      fail "FerretDB did not serve within $start_timeout s (log above, full log $log)"
    fi
    sleep 0.2
  done
  say "running (pid $pid), ready in $((SECONDS - started)) s: AFTERSALES_MONGO_URL=mongodb://127.0.0.1:$port/"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    say "not running"
    return
  fi
  say "stopping pid $pid ..."
  kill -TERM "$pid"
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    say "running (pid $pid) on 127.0.0.1:$port, FerretDB $version, data $data"
  else
    say "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop && start ;;
  reset) stop && rm -rf "$data" && say "deleted $data" ;;
  *) echo "usage: $0 start|stop|status|restart|reset" >&2; exit 2 ;;
esac
