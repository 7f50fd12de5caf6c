#!/usr/bin/env bash
# Engagement benchmark: the leadership dashboard (GET /api/v1/engagement) for a year, over N
# members and A activities with P attendance rows each (defaults 1,000,000 members, 2,000
# activities × 5,000 = 10,000,000 rows), on SQLite or PostgreSQL. Reports the load times, the
# time `doanket engagement refresh` takes to build the summary rows of every member
# (docs/engagement.md), then R reads each after one new check-in (so each read also rebuilds that
# person): median and p99, and as a ratio to the median of R runs of `SELECT count(*) FROM
# attendance` in the engine's own client in the same run.
#   bench/engagement_benchmark.sh [N] [sqlite|postgres] [ACTIVITIES] [PER_ACTIVITY] [READS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
engine="${2:-sqlite}"
activities="${3:-2000}"
per_activity="${4:-5000}"
reads="${5:-20}"
[[ $engine == sqlite || $engine == postgres ]] || { echo "engine: sqlite or postgres" >&2; exit 2; }
[[ -z ${DOANKET_BENCH_NO_SETUP:-} ]] && scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-engagement-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  wait 2>/dev/null || true
  [[ $engine == postgres ]] && { scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1 || true; }
  [[ -n ${DOANKET_BENCH_KEEP:-} ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

sql() {
  if [[ $engine == postgres ]]; then psql -qAt -v ON_ERROR_STOP=1 "$db" -c "$1"; else sqlite3 "$db" "$1"; fi
}
seconds_since() { echo "scale=2; ($(date +%s%N) - $1) / 1000000000" | bc; }

build/bench/bench/generate_members "$rows" >"$work/members.csv"
db="$work/engagement.db"
[[ $engine == postgres ]] && db="$(scripts/postgres_sandbox.sh start "$work/pg")"
"$doanket" --db "$db" demo >/dev/null
demo_people="$(sql "SELECT max(id) FROM persons")"
start=$(date +%s%N)
"$doanket" --db "$db" --agency STP-HT import members --org CD "$work/members.csv" >/dev/null
echo "import of $rows members into the trade union: $(seconds_since "$start") s ($engine, $(nproc) cores)"

# A third of the members also in the youth union; the year's activities, Jan–Nov of this year in
# Vietnam, of every kind, mostly the trade union's, every tenth joint with the youth union; for
# each, PER_ACTIVITY attendance rows spread over 70 % of the members (the rest never come), one
# in ten absent, one in seven late.
year="$(TZ=Asia/Ho_Chi_Minh date +%Y)"
jan1="$(TZ=Asia/Ho_Chi_Minh date -d "$year-01-01" +%s)"
first_person="$(sql "SELECT min(id) FROM persons WHERE tenant_id = 1 AND id > $demo_people")"
people="$(sql "SELECT count(*) FROM persons WHERE tenant_id = 1 AND id >= $first_person")"
last_person="$(sql "SELECT max(id) FROM persons WHERE tenant_id = 1")"
# The attendance below picks people by arithmetic on their ids, which the import gives in a row.
(("$last_person" - "$first_person" + 1 == "$people")) || { echo "imported ids are not contiguous" >&2; exit 1; }
span="$(("$people" * 7 / 10))"
cd_id="$(sql "SELECT id FROM organizations WHERE tenant_id = 1 AND code = 'CD'")"
dtn_id="$(sql "SELECT id FROM organizations WHERE tenant_id = 1 AND code = 'DTN'")"
start=$(date +%s%N)
if [[ $engine == postgres ]]; then
  series() { echo "generate_series(0, $(($1 - 1))) AS $2(x)"; }
else
  series() { echo "(WITH RECURSIVE s(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM s WHERE x < $(($1 - 1))) SELECT x FROM s) AS $2"; }
fi
sql "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, status)
     SELECT 1, 5000000 + p.id, p.id, $dtn_id, '2020-01-01', 'active' FROM persons p
     WHERE p.tenant_id = 1 AND p.id >= $first_person AND p.id % 3 = 0
       AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = 1 AND m.person_id = p.id
                       AND m.organization_id = $dtn_id)"
kinds="CASE a.x % 7 WHEN 0 THEN 'meeting' WHEN 1 THEN 'study' WHEN 2 THEN 'culture-arts' WHEN 3 THEN 'sports' WHEN 4 THEN 'volunteering' WHEN 5 THEN 'training' ELSE 'partner-exchange' END"
sql "INSERT INTO activities (tenant_id, id, kind, title, starts_at, ends_at, status, required, check_in_secret, created_at, updated_at)
     SELECT 1, 9000000 + a.x, $kinds, 'Hoạt động ' || a.x, $jan1 + (a.x * 28800) % (330 * 86400),
            $jan1 + (a.x * 28800) % (330 * 86400) + 7200, 'done', 0, 's', $jan1, $jan1 FROM $(series "$activities" a)"
sql "INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position)
     SELECT 1, id, CASE WHEN id % 5 = 1 THEN $dtn_id ELSE $cd_id END, 0 FROM activities
     WHERE tenant_id = 1 AND id >= 9000000"
sql "INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position)
     SELECT 1, id, $dtn_id, 1 FROM activities WHERE tenant_id = 1 AND id >= 9000000 AND id % 10 = 0"
sql "INSERT INTO attendance (tenant_id, activity_id, person_id, state, checked_in_at, method)
     SELECT 1, a.id, $first_person + ((a.id * 7919 + k.x * 104729) % $span),
            CASE WHEN k.x % 10 = 0 THEN 'absent' WHEN k.x % 7 = 0 THEN 'late' ELSE 'present' END,
            a.starts_at, 'by_hand'
     FROM activities a, $(series "$per_activity" k) WHERE a.tenant_id = 1 AND a.id >= 9000000"
[[ $engine == postgres ]] && psql -q "$db" -c "VACUUM ANALYZE" >/dev/null
[[ $engine == sqlite ]] && sqlite3 "$db" "ANALYZE" >/dev/null
total="$(sql "SELECT count(*) FROM attendance")"
echo "activities: $activities, attendance rows: $total, loaded in $(seconds_since "$start") s"

start=$(date +%s%N)
"$doanket" --db "$db" engagement refresh >/dev/null
echo "doanket engagement refresh (every member's summary rows): $(seconds_since "$start") s"

"$doanket" --db "$db" serve --listen 127.0.0.1:0 >"$work/address" 2>/dev/null &
server=$!
for _ in $(seq 100); do [[ -s $work/address ]] && break; sleep 0.1; done
base="$(head -n 1 "$work/address")"
curl -s -c "$work/jar" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"login":"lanhdao","password":"doanket-demo-2026"}' "$base/api/v1/session"
read_once() {
  curl -s -b "$work/jar" -o "$work/answer.json" -w '%{http_code} %{time_total}\n' \
    "$base/api/v1/engagement?year=$year"
}
first="$(read_once)"
[[ ${first%% *} == 200 ]] || { echo "first read failed: $first" >&2; cat "$work/answer.json" >&2; exit 1; }
echo "first read: ${first#* } s"
python3 - "$work/answer.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for o in d["organizations"]:
    y = o["year"]
    print(f"  {o['code']}: members {y['members']}, reached {y['reached']} ({y['participation_percent']} %), "
          f"core {y['core']}, gini {y['gini']}, departments {y['units_reached']}/{y['units_with_members']}")
PY

times=()
for i in $(seq "$reads"); do
  # One more check-in before each read: the read rebuilds that person's rows too.
  sql "INSERT INTO attendance (tenant_id, activity_id, person_id, state, checked_in_at, method)
       VALUES (1, 9000000, $(("$first_person" + "$span" + i)), 'present', $jan1, 'by_hand')
       ON CONFLICT DO NOTHING"
  answer="$(read_once)"
  [[ ${answer%% *} == 200 ]] || { echo "read $i failed: $answer" >&2; exit 1; }
  times+=("${answer#* }")
done
counts=()
for _ in $(seq "$reads"); do
  start=$(date +%s%N)
  sql "SELECT count(*) FROM attendance" >/dev/null
  counts+=("$(seconds_since "$start")")
done
python3 - "${times[*]}" "${counts[*]}" <<'PY'
import statistics, sys
reads = sorted(float(t) for t in sys.argv[1].split())
counts = sorted(float(t) for t in sys.argv[2].split())
def p99(values):
    return values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]
median, count = statistics.median(reads), statistics.median(counts)
print(f"dashboard: median {median * 1000:.0f} ms, p99 {p99(reads) * 1000:.0f} ms over {len(reads)} reads")
print(f"SELECT count(*) FROM attendance (engine's client): median {count * 1000:.0f} ms")
print(f"ratio: {median / count:.2f}x the count")
PY
