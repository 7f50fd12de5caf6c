#!/usr/bin/env bash
# API benchmark: an authenticated list-and-search request (GET /api/v1/people?search=…&limit=50)
# under wrk on loopback, against the registry of N imported members (SQLite, or PostgreSQL in a
# sandbox cluster), as requests/s, p50 and p99 latency, and as a ratio to /healthz on the same
# server in the same run.
#   bench/api_benchmark.sh [N] [SECONDS] [sqlite|postgres]     (defaults 1000000, 10, sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
seconds="${2:-10}"
engine="${3:-sqlite}"
[[ $engine == sqlite || $engine == postgres ]] || { echo "engine: sqlite or postgres" >&2; exit 2; }
scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-api-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  wait 2>/dev/null || true
  [[ $engine == postgres ]] && { scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1 || true; }
  rm -rf "$work"
}
trap cleanup EXIT

build/bench/bench/generate_members "$rows" >"$work/members.csv"
db="$work/registry.db"
[[ $engine == postgres ]] && db="$(scripts/postgres_sandbox.sh start "$work/pg")"
"$doanket" --db "$db" demo >/dev/null
"$doanket" --db "$db" --agency STP-HT import members "$work/members.csv" >/dev/null
# PostgreSQL's autovacuum would analyze the million new rows while the first request is measured:
# the database is settled first, as it is a while after an import.
[[ $engine == postgres ]] && psql -q "$db" -c "VACUUM ANALYZE" >/dev/null
echo "members: $(("$rows" + 60)) ($engine), $(nproc) cores, wrk: 1 thread, 8 connections, ${seconds} s each"

"$doanket" --db "$db" serve --listen 127.0.0.1:0 >"$work/address" 2>/dev/null &
server=$!
for _ in $(seq 100); do [[ -s $work/address ]] && break; sleep 0.1; done
base="$(head -n 1 "$work/address")"

cookie() {  # a session cookie for a demo login
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"doanket-demo-2026\"}" "$base/api/v1/session" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(dk_session=[^;]*\).*/\1/p'
}
leader="$(cookie lanhdao)"
admin="$(cookie quantri)"

# "name|cookie|path": prints requests/s, p50 and p99 of each.
measure() {
  local name=$1 session=$2 path=$3
  local out
  out="$(wrk -t1 -c8 -d"${seconds}s" --latency ${session:+-H "Cookie: $session"} "$base$path")"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-48s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" >"$work/rps_$4"
}
measure "GET /healthz" "" "/healthz" health
measure "people?search=duc (leadership)" "$leader" "/api/v1/people?search=duc&limit=50" search
measure "people?search=nguyen+van+duc (leadership)" "$leader" "/api/v1/people?search=nguyen%20van%20duc&limit=50" words
measure "people?search=duc (administrator, audited)" "$admin" "/api/v1/people?search=duc&limit=50" audited
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = {k: float(open(f"{w}/rps_{k}").read()) for k in ("health", "search", "words", "audited")}
for k, name in (("search", "search=duc"), ("words", "nguyen van duc"), ("audited", "administrator")):
    print(f"ratio to /healthz, {name}: {r[k] / r['health']:.3f}")
PY
