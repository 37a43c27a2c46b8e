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

daemon_name=ferretdb
daemon_title=FerretDB
daemon_cmdline="^$binary "
daemon_grace=10
# shellcheck source=../../scripts/lib/daemon.sh
source "$repo/infra/scripts/lib/daemon.sh"

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
  daemon_launch "$log" "$binary" -listen "127.0.0.1:$port" -data "$data"
  ferretdb_ready() { port_open "$port" && grep -q 'ferretdb: serving' "$log"; }
  daemon_wait_ready "$log" "$start_timeout" ferretdb_ready 0.2
  say "running (pid $daemon_pid), ready in $((SECONDS - started)) s: AFTERSALES_MONGO_URL=mongodb://127.0.0.1:$port/"
}

stop() {
  daemon_stop
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
