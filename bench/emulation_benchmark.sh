#!/usr/bin/env bash
# Emulation benchmark (issue 18): a province-sized year — the demo agency with PEOPLE imported
# members spread over UNITS departments; for each SIZE an organization of that many members, all
# reviewed, departments rated, the council's votes recorded; then the officer's view of the year
# with the rules' live proposal, and the proposal kept (bench/emulation_load.cpp, through the use
# cases the web service calls), beside a plain scan of the same members in the same run.
#   bench/emulation_benchmark.sh [PEOPLE] [UNITS] [SIZES] [ENGINES]
#   defaults: 200000 people, 5000 departments, "50000 100000 200000", "sqlite postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-200000}"
units="${2:-5000}"
sizes="${3:-50000 100000 200000}"
engines="${4:-sqlite postgres}"
[[ -z ${DOANKET_BENCH_NO_SETUP:-} ]] && scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-emulation-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
cleanup() {
  [[ -d $work/pg ]] && scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

build/bench/bench/generate_members "$people" >"$work/members.csv"
echo "people: $people, departments: $units, sizes: $sizes, $(nproc) cores"

run_engine() {  # engine, target
  local engine=$1 target=$2
  "$doanket" --db "$target" demo >/dev/null
  "$doanket" --db "$target" --agency STP-HT import members "$work/members.csv" >/dev/null
  # shellcheck disable=SC2086  # the sizes are words
  build/bench/bench/emulation_load "$target" "$units" $sizes | sed "s/^/$engine: /"
}

for engine in $engines; do
  case $engine in
    sqlite) run_engine sqlite "$work/emulation.db" ;;
    postgres) run_engine postgres "$(scripts/postgres_sandbox.sh start "$work/pg")" ;;
  esac
done
