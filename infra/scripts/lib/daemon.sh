# Sourced by the scripts that run a development server in the background without Docker
# (infra/kafka/scripts/kafka-broker.sh, infra/mongo/scripts/ferretdb.sh, infra/telemetry/scripts/jaeger.sh):
# the pid file, the start-up wait and the stop they share.
#
# Before sourcing, the script sets:
#   daemon_name      prefix of every message (`kafka-broker`)
#   daemon_title     what the messages call the server (`the broker`)
#   pid_file         where the pid of the server this script started is kept
#   daemon_cmdline   a grep pattern its command line matches (a stale pid file is not trusted: the pid may be reused)

say() { printf '%s: %s\n' "$daemon_name" "$*"; }
fail() {
  printf '%s: ERROR: %s\n' "$daemon_name" "$*" >&2
  exit 1
}

# Pid of the server this script started, if it still runs.
running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$daemon_cmdline" || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# daemon_launch <log> <command…>: starts the command in the background, its output appended to <log> (emptied first),
# and records its pid in $pid_file and $daemon_pid. setsid: the server outlives the shell that started it and is not
# hit by that shell's signals. Environment for the server: `env VAR=value command…`.
daemon_launch() {
  local log="$1"
  shift
  : >"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  daemon_pid=$!
  echo "$daemon_pid" >"$pid_file"
}

# daemon_wait_ready <log> <timeout seconds> <ready command> [poll interval]: waits until the ready command succeeds;
# fails with the log's tail when the server exits first or is not ready in time (then stops it).
daemon_wait_ready() {
  local log="$1" timeout="$2" ready="$3" interval="${4:-0.5}" started=$SECONDS
  until $ready; do
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
      rm -f "$pid_file"
      tail -n 40 "$log" >&2
      fail "$daemon_title exited during start-up (log above, full log $log)"
    fi
    if ((SECONDS - started >= timeout)); then
      tail -n 40 "$log" >&2
      terminate "$daemon_pid" >&2
      rm -f "$pid_file"
      fail "$daemon_title did not serve within $timeout s (log above, full log $log)"
    fi
    sleep "$interval"
  done
}

# daemon_stop [grace seconds, $daemon_grace or 20]: SIGTERM to the server this script started, SIGKILL if it still runs after the grace.
daemon_stop() {
  local grace="${1:-${daemon_grace:-20}}" pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    say "not running"
    return
  fi
  terminate "$pid" "$grace"
  rm -f "$pid_file"
  say "stopped"
}

# terminate <pid> [grace seconds]: SIGTERM, then SIGKILL if it still runs after the grace. (The start-up wait calls it
# with the pid it launched: that one is ours even before its command line shows the server's.)
terminate() {
  local pid="$1" grace="${2:-${daemon_grace:-20}}"
  say "stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after $grace s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
