#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the compose file must parse and resolve, run every service
# process of the platform (those in apps/platform's service catalogue, and the gateway) with the production adapters,
# and create every Kafka topic the contracts publish (contracts/schemas/topics.json). Installs docker-compose when
# missing. The secrets the file requires are given placeholders here when the environment has none.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
compose_file="${1:-$repo_root/docker-compose.yml}"

if ! command -v docker-compose > /dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "docker-compose not found; installing it with apt-get" >&2
  $sudo apt-get update -qq > /dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq docker-compose > /dev/null
fi

export AFTERSALES_AUTH_SECRET="${AFTERSALES_AUTH_SECRET:-validate-compose-placeholder-secret-0123456789}"
export AFTERSALES_SERVICE_KEY="${AFTERSALES_SERVICE_KEY:-validate-compose-placeholder-key}"
docker-compose -f "$compose_file" config -q
echo "compose file is valid: $compose_file"

# Every service process and the gateway, each on KurrentDB, MongoDB, Kafka and exporting traces.
resolved="$(docker-compose -f "$compose_file" config)"
services="$(docker-compose -f "$compose_file" config --services)"
catalogue="$repo_root/apps/platform/src/service-catalog.ts"
expected="gateway $(grep -oE "^import \{ [a-z]+ServiceDefinition \} from '@aftersales/[a-z]+'" "$catalogue" | sed -E "s:.*'@aftersales/([a-z]+)':\1:" | tr '\n' ' ')"
for service in $expected; do
  grep -qx "$service" <<<"$services" || { echo "the compose file does not run the service process '$service'" >&2; exit 1; }
done
for setting in 'AFTERSALES_STORE: esdb' 'AFTERSALES_READ_MODELS: mongo' 'AFTERSALES_BUS: kafka' 'OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318'; do
  count="$(grep -c "$setting" <<<"$resolved" || true)"
  [ "$count" -ge "$(($(wc -w <<<"$expected") - 1))" ] || { echo "not every service process has '$setting' ($count)" >&2; exit 1; }
done
echo "compose file runs every service process: $expected"

topics_file="$repo_root/contracts/schemas/topics.json"
if [ -f "$topics_file" ] && command -v node > /dev/null 2>&1; then
  node -e '
    const fs = require("node:fs");
    const [topicsFile, composeFile] = process.argv.slice(1);
    const compose = fs.readFileSync(composeFile, "utf8");
    const missing = JSON.parse(fs.readFileSync(topicsFile, "utf8")).topics.map((t) => t.topic).filter((t) => !compose.includes(t));
    if (missing.length) { console.error(`topics not created by the compose file: ${missing.join(", ")}`); process.exit(1); }
    console.log("compose file creates every contract topic");
  ' "$topics_file" "$compose_file"
fi
