#!/usr/bin/env bash
# Jaeger (v2, all in one: OTLP in, memory storage, the query API and UI out) on 127.0.0.1, without Docker.
#
#   bash infra/telemetry/scripts/jaeger.sh start|stop|status|restart|build
#
# build   builds the binary once into .tools/jaeger/ from the Go module in infra/telemetry/jaeger (its go.mod pins
#         github.com/jaegertracing/jaeger/cmd/jaeger v1.75.0 as a tool, made with `go get -tool …@v1.75.0`; plain
#         `go install` refuses the module's replace directives). About 4 minutes on a cold Go cache.
# start   builds if needed, starts Jaeger in the background with its default configuration (memory storage) and waits
#         until it serves: OTLP gRPC 127.0.0.1:4317, OTLP HTTP 127.0.0.1:4318, query API and UI http://127.0.0.1:16686.
# stop    stops the Jaeger this script started (SIGTERM, then SIGKILL after a grace period). Traces are in memory only.
# status  exit 0 when it runs, 3 when it does not.
#
# Needs Go 1.25+. Environment (optional): JAEGER_TOOLS_DIR (<repo>/.tools/jaeger), JAEGER_START_TIMEOUT seconds (60).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
module="$repo/infra/telemetry/jaeger"
version="$(sed -n 's:^\s*github.com/jaegertracing/jaeger v\([^ ]*\).*:\1:p' "$module/go.mod" | head -n 1)"

tools="${JAEGER_TOOLS_DIR:-$repo/.tools/jaeger}"
bin="$tools/jaeger-v$version"
logs="$tools/logs"
pid_file="$tools/jaeger.pid"
start_timeout="${JAEGER_START_TIMEOUT:-60}"
ports=(4317 4318 16686)

daemon_name=jaeger
daemon_title=Jaeger
daemon_cmdline="^$bin"
daemon_grace=20
# shellcheck source=../../scripts/lib/daemon.sh
source "$repo/infra/scripts/lib/daemon.sh"

# The query API answers (the UI's own endpoint, served once storage and receivers are up).
serving() {
  (
    exec 3<>/dev/tcp/127.0.0.1/16686 || exit 1
    printf 'GET /api/services HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    head -n 1 <&3 | grep -q ' 200 '
  ) 2>/dev/null
}

build() {
  if [[ -x "$bin" ]]; then
    say "binary present ($bin)"
    return
  fi
  command -v go >/dev/null 2>&1 || fail "go is not installed (Go 1.25+ builds Jaeger from the Go module proxy)"
  [[ -n "$version" ]] || fail "no jaeger version in $module/go.mod"
  mkdir -p "$tools"
  say "building Jaeger v$version from the Go module proxy (once; about 4 minutes on a cold cache) ..."
  local started=$SECONDS
  if ! (cd "$module" && go build -o "$bin.partial" github.com/jaegertracing/jaeger/cmd/jaeger) >"$tools/build.log" 2>&1; then
    tail -n 30 "$tools/build.log" >&2
    fail "building Jaeger failed; full output in $tools/build.log"
  fi
  mv "$bin.partial" "$bin"
  say "built $bin in $((SECONDS - started)) s"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid): OTLP 127.0.0.1:4317 (gRPC) and :4318 (HTTP), query http://127.0.0.1:16686"
    return
  fi
  rm -f "$pid_file"
  for port in "${ports[@]}"; do
    port_open "$port" && fail "port $port is taken by another process (Jaeger needs ${ports[*]})"
  done
  build
  mkdir -p "$logs"
  local log="$logs/jaeger.log" started=$SECONDS
  say "starting Jaeger v$version (memory storage; log $log)"
  daemon_launch "$log" env JAEGER_LISTEN_HOST=127.0.0.1 "$bin"
  jaeger_ready() { port_open 4318 && serving; }
  daemon_wait_ready "$log" "$start_timeout" jaeger_ready
  say "running (pid $daemon_pid), ready in $((SECONDS - started)) s: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318, JAEGER_QUERY_URL=http://127.0.0.1:16686"
}

stop() {
  daemon_stop
}

status() {
  local pid
  if pid="$(running_pid)"; then
    say "running (pid $pid), Jaeger v$version, query http://127.0.0.1:16686"
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
  build) build ;;
  *) echo "usage: $0 start|stop|status|restart|build" >&2; exit 2 ;;
esac
