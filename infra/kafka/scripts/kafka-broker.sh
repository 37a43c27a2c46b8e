#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft: one process is controller and broker) on 127.0.0.1, without Docker.
#
#   bash infra/kafka/scripts/kafka-broker.sh start|stop|status|restart|reset
#
# start   fetches the broker's jars from Maven Central with Maven (once, into .tools/kafka/lib), writes the config,
#         formats the storage (once), starts the broker in the background and waits until it serves.
# stop    stops the broker this script started (SIGTERM, then SIGKILL after a grace period).
# status  exit 0 when the broker runs, 3 when it does not.
# restart stop, then start (the data stays).
# reset   stop, then delete the data (topics, offsets); the jars stay.
#
# Needs Java 17+ and Maven. Environment (all optional):
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_TOOLS_DIR (<repo>/.tools/kafka),
#   KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), KAFKA_START_TIMEOUT seconds (90),
#   KAFKA_VERSION (the pom's kafka.version, 3.9.2; 4.1.x works too: switching version re-fetches the jars, and going
#   back to an older version needs `reset` first, as the storage is formatted for the newer one).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
pom="$repo/infra/kafka/broker/pom.xml"

tools="${KAFKA_TOOLS_DIR:-$repo/.tools/kafka}"
lib="$tools/lib"
data="$tools/data"
conf="$tools/config"
logs="$tools/logs"
pid_file="$tools/broker.pid"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
start_timeout="${KAFKA_START_TIMEOUT:-90}"
kafka_version="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")}"

daemon_name=kafka-broker
daemon_title='the broker'
daemon_cmdline="kafka.Kafka $conf/server.properties"
daemon_grace=30
# shellcheck source=../../scripts/lib/daemon.sh
source "$repo/infra/scripts/lib/daemon.sh"

require() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed ($2)"
}

fetch() {
  local marker="$lib/.kafka-$kafka_version"
  if [[ -f "$marker" ]]; then
    say "broker jars present (Kafka $kafka_version, $lib)"
    return
  fi
  require java "Java 17+ runs the broker"
  require mvn "Maven fetches the broker from Maven Central"
  say "fetching Apache Kafka $kafka_version (org.apache.kafka:kafka_2.13) and its runtime dependencies from Maven Central ..."
  local started=$SECONDS staging="$tools/lib.partial"
  rm -rf "$staging"
  mkdir -p "$tools"
  if ! mvn -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -Dkafka.version="$kafka_version" \
    -DoutputDirectory="$staging" >"$tools/maven.log" 2>&1; then
    tail -n 30 "$tools/maven.log" >&2
    fail "Maven could not fetch the broker (is Maven Central reachable?); full output in $tools/maven.log"
  fi
  rm -rf "$lib"
  mv "$staging" "$lib"
  touch "$marker"
  say "fetched $(find "$lib" -name '*.jar' | wc -l) jars ($(du -sh "$lib" | cut -f1)) in $((SECONDS - started)) s"
}

write_config() {
  mkdir -p "$conf" "$data" "$logs"
  cat >"$conf/server.properties" <<EOF
# Written by infra/kafka/scripts/kafka-broker.sh; rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$data

num.partitions=4
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
# Fewer internal partitions than the default 50: a dev broker starts faster and the first group join is quicker.
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
# Tests subscribe and expect delivery at once; the default 3 s delay only helps groups with many members joining.
group.initial.rebalance.delay.ms=0

num.network.threads=2
num.io.threads=4
log.retention.hours=24
EOF
  cat >"$conf/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF
}

# java with the broker's classpath (the heap options are several words on purpose).
read -r -a heap_words <<<"$heap"
java_with_kafka=(java "${heap_words[@]}" -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$conf/log4j.properties" -cp "$lib/*")

format_storage() {
  if [[ -f "$data/meta.properties" ]]; then
    say "storage already formatted ($data)"
    return
  fi
  local cluster_id
  cluster_id="$("${java_with_kafka[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ -n "$cluster_id" ]] || fail "could not generate a cluster id"
  say "formatting storage in $data (cluster id $cluster_id)"
  "${java_with_kafka[@]}" kafka.tools.StorageTool format --config "$conf/server.properties" --cluster-id "$cluster_id" \
    >"$logs/format.log" 2>&1 || { tail -n 20 "$logs/format.log" >&2; fail "formatting the storage failed"; }
}

start() {
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on 127.0.0.1:$port"
    return
  fi
  rm -f "$pid_file"
  if port_open "$port" || port_open "$controller_port"; then
    fail "port $port or $controller_port is taken by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
  fi
  require java "Java 17+ runs the broker"
  fetch
  write_config
  format_storage

  local log="$logs/server.log" started=$SECONDS
  say "starting Kafka $kafka_version on 127.0.0.1:$port (controller :$controller_port, log $log)"
  daemon_launch "$log" "${java_with_kafka[@]}" kafka.Kafka "$conf/server.properties"
  broker_ready() { port_open "$port" && grep -q 'Kafka Server started' "$log"; }
  daemon_wait_ready "$log" "$start_timeout" broker_ready
  say "running (pid $daemon_pid), ready in $((SECONDS - started)) s: KAFKA_BROKERS=127.0.0.1:$port"
}

stop() {
  daemon_stop
}

status() {
  local pid
  if pid="$(running_pid)"; then
    say "running (pid $pid) on 127.0.0.1:$port, Kafka $kafka_version, data $data"
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
