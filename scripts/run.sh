#!/usr/bin/env bash
# The README's first command: set up, build, load the demo agency if there is no database yet,
# show its registry and its logins, and serve the web app and its API on http://127.0.0.1:8080
# until Ctrl-C. (setup.sh builds the web app into web/dist.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
doanket=build/release/src/doanket
database="${DOANKET_DB:-var/demo.db}"
listen="${DOANKET_LISTEN:-127.0.0.1:8080}"
mkdir -p "$(dirname "$database")"
if [[ ! -f "$database" ]]; then
  "$doanket" --db "$database" demo
fi
"$doanket" --db "$database" agency show
echo
"$doanket" --db "$database" members list
echo
echo "Tài khoản / accounts (mật khẩu thử / demo password: doanket-demo-2026):"
"$doanket" --db "$database" user list
echo
echo "Cơ sở dữ liệu / database: $database — try: $doanket --db $database members list --search duc"
echo "Ứng dụng web / web app: http://$listen/ — API: http://$listen/api/v1/openapi.json"
echo "Ctrl-C dừng / stops"
exec "$doanket" --db "$database" serve --listen "$listen"
