#!/usr/bin/env bash
# Copies the README's chosen console screenshots from the browser suite's last run (artifacts/console-screenshots,
# made by `pnpm test:browser`) into docs/console/, under the names the README shows.
set -euo pipefail
cd "$(dirname "$0")/../.."
from=artifacts/console-screenshots
to=docs/console
mkdir -p "$to"
# <file the suite saved> <name in docs/console>
while read -r saved shown; do
  [ -f "$from/$saved" ] || { echo "update-docs-screenshots: no $from/$saved (run pnpm test:browser first)" >&2; exit 1; }
  cp "$from/$saved" "$to/$shown"
done <<'LIST'
journey-1-agent-queue-en.png queue-en.png
queue-zh.png queue-zh.png
journey-2-agent-case-file-en.png case-file-en.png
supervisor-zh.png supervisor-zh.png
journey-4-finance-ledger-zh.png finance-zh.png
platform-en.png platform-en.png
shop-en.png shop-en.png
queue-phone-zh.png queue-phone-zh.png
forbidden-finance-as-agent-en.png forbidden-en.png
LIST
echo "update-docs-screenshots: $(ls "$to" | wc -l) pictures in $to"
