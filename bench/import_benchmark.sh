#!/usr/bin/env bash
# Import benchmark: N synthetic members imported by `doanket import members`, against the engine's
# own bulk load of the same CSV file into a bare table in the same run (sqlite3 .import; psql
# \copy), on SQLite and PostgreSQL. Prints rows/s, the ratio, and peak memory at N/10 and N.
#   bench/import_benchmark.sh [N] [--no-id-numbers]   (default 1000000; the flag leaves the CCCD
#   column empty, so that every row is matched by name and birth date)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
variant="${2:-}"
scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
sandbox="$work/pg"
cleanup() { scripts/postgres_sandbox.sh stop "$sandbox" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

build/bench/bench/generate_members "$rows" $variant >"$work/members.csv"
build/bench/bench/generate_members "$((rows / 10))" $variant >"$work/members_tenth.csv"
echo "rows: $rows ($(du -h "$work/members.csv" | cut -f1))${variant:+ $variant}, $(nproc) cores"

# seconds and peak KiB of a command, as "S KIB"
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }; cat "$work/time"; }
bare_columns="stt TEXT, ho_ten TEXT, ngay_sinh TEXT, gioi_tinh TEXT, phong TEXT, chuc_vu TEXT, dien_thoai TEXT, email TEXT, cccd TEXT"

report() {  # engine, bulk seconds, import seconds, import KiB, tenth KiB, tenth seconds
  python3 - "$@" "$rows" <<'PY'
import sys
engine, bulk, imp, kib, tenth_kib, tenth, rows = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
print(f"{engine:10} bulk load {bulk:6.2f} s ({rows/bulk:9.0f} rows/s) | doanket import {imp:6.2f} s "
      f"({rows/imp:9.0f} rows/s) | ratio {imp/bulk:4.2f}x | N/10 in {tenth:6.2f} s (N takes "
      f"{imp/max(tenth, 0.01):4.1f}x as long; 10x is linear) | peak memory {kib/1024:6.1f} MiB at N, "
      f"{tenth_kib/1024:6.1f} MiB at N/10")
PY
}

# Imports the N/10 file and the N file into two fresh databases; sets tenth, tenth_kib, imp, kib.
import_both() {
  "$doanket" --db "$1" agency add --code X --name X >/dev/null
  read -r tenth tenth_kib < <(measure "$doanket" --db "$1" import members "$work/members_tenth.csv")
  "$doanket" --db "$2" agency add --code X --name X >/dev/null
  read -r imp kib < <(measure "$doanket" --db "$2" import members "$work/members.csv")
  # Every row is someone new or someone matched (rows without a CCCD that share a name and a
  # birth date are one person), none refused.
  local new matched
  read -r new matched < <(sed -n 's/^Đã nhập: \([0-9]*\) người mới, \([0-9]*\) trùng.*, 0 dòng bị loại.*/\1 \2/p' "$work/out")
  [[ -n "$new" && $((new + matched)) -eq $rows ]] || { echo "import did not account for $rows rows:"; cat "$work/out"; exit 1; }
}

# SQLite
read -r bulk _ < <(measure sqlite3 "$work/bare.db" "CREATE TABLE bare ($bare_columns);" ".import --csv --skip 1 $work/members.csv bare")
import_both "$work/tenth.db" "$work/whole.db"
report sqlite "$bulk" "$imp" "$kib" "$tenth_kib" "$tenth"

# PostgreSQL
uri="$(scripts/postgres_sandbox.sh start "$sandbox")"
base="${uri%/*}"
for database in bare tenth whole; do psql -q "$uri" -c "CREATE DATABASE $database" >/dev/null; done
psql -q "$base/bare" -c "CREATE TABLE bare ($bare_columns)" >/dev/null
read -r bulk _ < <(measure psql -q "$base/bare" -c "\\copy bare FROM '$work/members.csv' WITH (FORMAT csv, HEADER true)")
import_both "$base/tenth" "$base/whole"
report postgresql "$bulk" "$imp" "$kib" "$tenth_kib" "$tenth"
