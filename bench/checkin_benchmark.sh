#!/usr/bin/env bash
# Check-in benchmark (issue 5, point 10): durable check-ins per second through the API under wrk on
# loopback, on SQLite and PostgreSQL, next to the engine's single-row-commit rate measured in the
# same run (bench/single_commit: BEGIN, one-row INSERT, COMMIT in a loop, same adapter, same
# durability settings). The database holds the demo agency and N imported members of the trade
# union CD; an officer (quantri) checks a different person in by hand with each request, under its
# own Idempotency-Key. Afterwards the database is counted: every 201 wrk saw must be an attendance
# row and an idempotency answer, and no person twice.
#   bench/checkin_benchmark.sh [N] [SECONDS] [CONNECTIONS] [SERVER_THREADS] [ENGINES]
#   defaults: 100000 members, 10 s, 64 wrk connections, server threads = 64, "sqlite postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
seconds="${2:-10}"
connections="${3:-64}"
server_threads="${4:-64}"
engines="${5:-sqlite postgres}"
wrk_threads=2
if [[ -z ${DOANKET_BENCH_NO_SETUP:-} ]]; then
  scripts/setup.sh bench >/dev/null
fi
doanket="$PWD/build/bench/src/doanket"
single_commit="$PWD/build/bench/bench/single_commit"
work="$(mktemp -d /tmp/doanket-checkin-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  wait 2>/dev/null || true
  [[ -d $work/pg ]] && scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

build/bench/bench/generate_members "$rows" >"$work/members.csv"
echo "members: $rows in CD, $(nproc) cores shared with wrk ($wrk_threads threads, $connections connections), ${seconds} s, server threads: $server_threads"

# sql TARGET STATEMENT: one value (or rows, |-separated) from the database.
sql() {
  if [[ $1 == postgresql://* ]]; then psql -qAt "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}

run_engine() {  # engine, target
  local engine=$1 target=$2
  "$doanket" --db "$target" demo >/dev/null
  "$doanket" --db "$target" --agency STP-HT import members --org CD "$work/members.csv" >/dev/null
  local baseline
  baseline="$("$single_commit" "$target" 5)"

  : >"$work/address"
  "$doanket" --db "$target" serve --listen 127.0.0.1:0 --threads "$server_threads" >"$work/address" 2>/dev/null &
  server=$!
  for _ in $(seq 100); do [[ -s $work/address ]] && break; sleep 0.1; done
  local base
  base="$(head -n 1 "$work/address")"
  curl -s -D "$work/headers" -o "$work/session.json" -H 'Content-Type: application/json' \
    -d '{"login":"quantri","password":"doanket-demo-2026"}' "$base/api/v1/session"
  local cookie csrf
  cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(dk_session=[^;]*\).*/\1/p' "$work/headers")"
  csrf="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")"
  local union
  union="$(sql "$target" "SELECT id FROM organizations WHERE code = 'CD'")"
  # An activity open to the union's members, starting in half an hour, created and published
  # over the API.
  local starts ends activity
  starts="$(date -u -d '+30 min' +%Y-%m-%dT%H:%M:%SZ)"
  ends="$(date -u -d '+150 min' +%Y-%m-%dT%H:%M:%SZ)"
  activity="$(curl -s -H 'Content-Type: application/json' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -d "{\"kind\":\"meeting\",\"title\":\"Hội nghị người lao động\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"place\":\"Hội trường\",\"organizer_ids\":[$union],\"audience_scope\":\"organizations\",\"audience_ids\":[$union]}" \
    "$base/api/v1/activities" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  curl -s -o /dev/null -H 'Content-Type: application/json' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -d '{"status":"published"}' "$base/api/v1/activities/$activity/status"
  # The imported members of the union, in a random order.
  sql "$target" "SELECT person_id FROM memberships WHERE organization_id = $union AND status = 'active'" |
    shuf >"$work/people"

  local out
  out="$(wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s bench/checkin_load.lua "$base" -- \
    "/api/v1/activities/$activity/check-ins" "$work/people" "$cookie" "$csrf" "$engine" "$wrk_threads")"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
  local rps p50 p99 created repeated failed rows distinct answers
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  created="$(awk '$1 == "created" {print $2}' <<<"$out")"
  repeated="$(awk '$1 == "repeated" {print $2}' <<<"$out")"
  failed="$(awk '$1 == "failed" {print $2}' <<<"$out")"
  rows="$(sql "$target" "SELECT count(*) FROM attendance WHERE activity_id = $activity")"
  distinct="$(sql "$target" "SELECT count(DISTINCT person_id) FROM attendance WHERE activity_id = $activity")"
  answers="$(sql "$target" "SELECT count(*) FROM idempotency_keys WHERE idempotency_key LIKE '$engine-%'")"
  printf '%-10s single-row commits %7s/s | check-ins %9s/s (%5.1fx) p50 %8s p99 %8s\n' \
    "$engine" "$baseline" "$rps" "$(python3 -c "print($rps / $baseline)")" "$p50" "$p99"
  # Requests still in flight when wrk stops are committed but not counted by wrk: at most one per
  # connection. Fewer rows than acknowledged check-ins would be a lost check-in.
  local verdict=ok
  ((rows >= created && rows - created <= connections)) || verdict="LOST OR EXTRA ROWS"
  ((rows == distinct)) || verdict="DUPLICATES"
  ((answers >= rows)) || verdict="ANSWERS MISSING"
  printf '%-10s acknowledged 201: %s, 200: %s, other: %s | attendance rows %s (distinct people %s), idempotency answers %s: %s\n' \
    "$engine" "$created" "$repeated" "$failed" "$rows" "$distinct" "$answers" "$verdict"
}

for engine in $engines; do
  case $engine in
    sqlite) run_engine sqlite "$work/registry.db" ;;
    postgres)
      uri="$(scripts/postgres_sandbox.sh start "$work/pg")"
      run_engine postgres "$uri"
      ;;
  esac
done
