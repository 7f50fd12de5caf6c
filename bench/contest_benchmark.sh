#!/usr/bin/env bash
# Contest benchmark (issue 17): ENTRANTS members start and submit an attempt of 20 answers each at
# once from THREADS threads (bench/contest_load.cpp, through the use cases the web service calls),
# next to the engine's single-row-commit rate measured in the same run (bench/single_commit); then
# the leaderboard is read over ENTRANTS + EXTRA entries (EXTRA loaded in bulk), beside a count(*)
# of the same rows. The database holds the demo agency and ENTRANTS + EXTRA imported members of the
# trade union CD; afterwards it is counted: every submission a finished attempt with its entry and
# its 20 answers, nobody twice.
#   bench/contest_benchmark.sh [ENTRANTS] [THREADS] [EXTRA] [ENGINES]
#   defaults: 100000 entrants, 16 threads, 900000 more entries, "sqlite postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
entrants="${1:-100000}"
threads="${2:-16}"
extra="${3:-900000}"
engines="${4:-sqlite postgres}"
[[ -z ${DOANKET_BENCH_NO_SETUP:-} ]] && scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-contest-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
cleanup() {
  [[ -d $work/pg ]] && scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

build/bench/bench/generate_members "$((entrants + extra))" >"$work/members.csv"
echo "entrants: $entrants, threads: $threads, leaderboard entries: $((entrants + extra)), $(nproc) cores"

run_engine() {  # engine, target
  local engine=$1 target=$2 start
  "$doanket" --db "$target" demo >/dev/null
  start=$(date +%s)
  "$doanket" --db "$target" --agency STP-HT import members --org CD "$work/members.csv" >/dev/null
  echo "$engine: imported $((entrants + extra)) members in $(($(date +%s) - start)) s"
  local baseline
  baseline="$(build/bench/bench/single_commit "$target" 5)"
  echo "$engine: single-row commits $baseline/s"
  build/bench/bench/contest_load "$target" "$entrants" "$threads" "$extra" | sed "s/^/$engine: /"
}

for engine in $engines; do
  case $engine in
    sqlite) run_engine sqlite "$work/contest.db" ;;
    postgres) run_engine postgres "$(scripts/postgres_sandbox.sh start "$work/pg")" ;;
  esac
done
