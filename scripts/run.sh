#!/usr/bin/env bash
# The README's first command: set up, build, load the demo agency if there is no database yet,
# and show its registry.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
doanket=build/release/src/doanket
database="${DOANKET_DB:-var/demo.db}"
mkdir -p "$(dirname "$database")"
if [[ ! -f "$database" ]]; then
  "$doanket" --db "$database" demo
fi
"$doanket" --db "$database" agency show
echo
"$doanket" --db "$database" members list
echo
echo "Cơ sở dữ liệu / database: $database — try: $doanket --db $database members list --search duc"
