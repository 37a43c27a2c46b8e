#!/usr/bin/env bash
# The fuzzing gate: schemathesis (from PyPI, pinned, in a venv under .tools/) against the embedded server's own
# /openapi.json — a temporary data directory, the manual clock, a free loopback port, tokens as in production (HS256
# with a secret made for the run; every request carries a bearer token minted by `pnpm token` for FUZZ_ROLE, default
# admin, of shop-1) — with a fixed seed and a bounded
# number of examples per operation. Fails on any 5xx, any response that breaks the document (status code, content
# type, headers, body schema), any undocumented status code, a schema-violating request that is accepted, a missing
# required header that is not refused, a method the document does not list that is not answered 405 with Allow, and
# an operation that answers without its bearer token or with a made-up one (ignored_auth).
#
#   pnpm fuzz                          # build first if needed, then fuzz
#   FUZZ_MAX_EXAMPLES=200 FUZZ_SEED=7 pnpm fuzz
#   FUZZ_ROLE=finance pnpm fuzz        # the caller the requests act as (403s are documented responses too)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"

SCHEMATHESIS_VERSION=4.32.5
SEED="${FUZZ_SEED:-20261206}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-100}"
# One worker: CPython 3.11's ast module is not thread-safe, and hypothesis parses lambdas while describing strategies
# ("AST constructor recursion depth mismatch" with 2 workers); one worker is also what makes a seed reproducible.
WORKERS="${FUZZ_WORKERS:-1}"
# schemathesis and every package it brings, pinned (pip freeze of a clean install), so a run is the same run next year.
REQUIREMENTS=test/fuzz/requirements.txt
VENV=.tools/fuzz-venv
REPORTS="$(mkdir -p "${FUZZ_REPORT_DIR:-.tools/fuzz-reports}" && cd "${FUZZ_REPORT_DIR:-.tools/fuzz-reports}" && pwd)"
# Left out: positive_data_acceptance (a schema-valid request may rightly be refused: an unknown id is 404, an opaque
# cursor the API never issued 400, a business rule 422), and the resource-lifecycle checks (object_level_authorization
# needs two callers' resources, use_after_free and ensure_resource_availability: the API deletes nothing).
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,missing_required_header,unsupported_method,allow_header_conformance,ignored_auth
ROLE="${FUZZ_ROLE:-admin}"

fail() { echo "fuzz: $*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed; the fuzzing gate needs Python 3.9+ with venv and pip to install schemathesis ${SCHEMATHESIS_VERSION}"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' || fail "python3 is $(python3 --version 2>&1); schemathesis ${SCHEMATHESIS_VERSION} needs 3.9+"
installed="$VENV/.installed-requirements"
if [ ! -x "$VENV/bin/schemathesis" ] || ! cmp -s "$REQUIREMENTS" "$installed"; then
  echo "fuzz: installing schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}"
  rm -rf "$VENV"
  python3 -m venv "$VENV" || fail "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS" || fail "pip could not install schemathesis==${SCHEMATHESIS_VERSION} from ${REQUIREMENTS} (is PyPI reachable?)"
  cp "$REQUIREMENTS" "$installed"
fi
[ "$("$VENV/bin/schemathesis" --version)" = "schemathesis, version ${SCHEMATHESIS_VERSION}" ] || fail "${REQUIREMENTS} does not pin schemathesis ${SCHEMATHESIS_VERSION}"

[ -f apps/platform/dist/main.js ] || npx -y pnpm@10.34.8 build

DATA_DIR="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:${PORT}"
AUTH_SECRET="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
TOKEN="$(AFTERSALES_AUTH_SECRET="$AUTH_SECRET" node apps/platform/dist/cli/token.js --role "$ROLE" --sub "fuzz-$ROLE" --shops shop-1 --ttl 12h)"
AFTERSALES_AUTH_SECRET="$AUTH_SECRET" AFTERSALES_DATA_DIR="$DATA_DIR" AFTERSALES_CLOCK=manual AFTERSALES_CLOCK_START=2026-01-05T08:00:00.000Z HOST=127.0.0.1 PORT="$PORT" \
  node apps/platform/dist/main.js >"$DATA_DIR/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  python3 -c "import urllib.request, sys; urllib.request.urlopen('${BASE}/health', timeout=1)" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA_DIR/server.log" >&2; fail "the server did not start"; }
  sleep 0.2
done

rm -f "$REPORTS/fuzz.har" "$REPORTS/junit.xml"
echo "fuzz: schemathesis ${SCHEMATHESIS_VERSION} against ${BASE}/openapi.json as ${ROLE} (seed ${SEED}, at most ${MAX_EXAMPLES} examples per operation, ${WORKERS} workers)"
started=$(date +%s)
status=0
# Run from an empty directory: schemathesis keeps a cache (.schemathesis/) in its working directory, and a cache from
# an earlier run would change what this one generates.
mkdir -p "$DATA_DIR/fuzz-cwd"
(cd "$DATA_DIR/fuzz-cwd" && "$ROOT/$VENV/bin/schemathesis" run "${BASE}/openapi.json" \
  --checks "$CHECKS" \
  --header "Authorization: Bearer ${TOKEN}" \
  --seed "$SEED" \
  --max-examples "$MAX_EXAMPLES" \
  --workers "$WORKERS" \
  --request-timeout 30 \
  --suppress-health-check all \
  --no-shrink \
  --report junit,har \
  --report-junit-path "$REPORTS/junit.xml" \
  --report-har-path "$REPORTS/fuzz.har" \
  --output-truncate false) >"$REPORTS/schemathesis.txt" 2>&1 || status=$?
elapsed=$(( $(date +%s) - started ))

requests="$("$VENV/bin/python" -c "import json, sys; print(len(json.load(open(sys.argv[1]))['log']['entries']))" "$REPORTS/fuzz.har" 2>/dev/null || echo '?')"
echo "fuzz: ${requests} requests in ${elapsed}s (seed ${SEED}; reports in ${REPORTS})"
# A request can pass every check while something behind it failed (a reaction, a timer): the server's log must hold no error.
errors="$(grep -c ' ERROR ' "$DATA_DIR/server.log" || true)"
if [ "$errors" != "0" ]; then
  cp "$DATA_DIR/server.log" "$REPORTS/server.log"
  grep ' ERROR ' -A3 "$DATA_DIR/server.log" | head -40 >&2
  status=${status:-0}
  [ "$status" -ne 0 ] || status=1
  echo "fuzz: the server logged ${errors} errors (whole log in ${REPORTS}/server.log)" >&2
fi
# schemathesis's own report goes to a file (its summary line reads like a pytest run that ran nothing); shown on failure.
if [ "$status" -ne 0 ]; then cat "$REPORTS/schemathesis.txt" >&2; fi
grep -E '^ *[0-9]+ generated, [0-9]+ (passed|failed)' "$REPORTS/schemathesis.txt" | sed 's/^ */fuzz: test cases: /' || true
[ "$status" -eq 0 ] || fail "failed (schemathesis exit or server errors: ${status})"
echo "fuzz: passed"
