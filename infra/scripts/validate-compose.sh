#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the compose file must parse and resolve, and it must create
# every Kafka topic the contracts publish (contracts/schemas/topics.json). Installs docker-compose when missing.
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

docker-compose -f "$compose_file" config -q
echo "compose file is valid: $compose_file"

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
