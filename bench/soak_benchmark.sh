#!/usr/bin/env bash
# Soak benchmark: mixed traffic of every role of the demo agency for SECONDS on each engine, on
# loopback under wrk (bench/soak_load.lua: the administrator, leadership, an officer, the
# treasurer and a member, each with their own session; reads of the dashboard, people, activities
# and the calendar, clubs, funds, statements, receipts and plans; 15% writes: check-ins,
# donations, registrations, the check-ins and donations under an Idempotency-Key, some retried).
# Reports requests, requests/s, p50 and p99, the errors by status and route (every answer that is
# not 2xx, every socket error and timeout: there must be none), and the server's resident memory
# (VmRSS) after a 30 s warm-up with the same traffic and at the end, with its growth (under 10%).
# Exits 1 if an engine had an error or grew by 10% or more.
#   bench/soak_benchmark.sh [SECONDS] [CONNECTIONS] [SERVER_THREADS] [ENGINES]
#   defaults: 600 s, 16 wrk connections on 2 threads, the server's default threads (one per core,
#   at least 2), "sqlite postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
connections="${2:-16}"
server_threads="${3:-default}"
engines="${4:-sqlite postgres}"
warmup=30
wrk_threads=2
if [[ -z ${DOANKET_BENCH_NO_SETUP:-} ]]; then
  scripts/setup.sh bench >/dev/null
fi
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-soak-bench.XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user and must reach its folder
server=
sampler=
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null
  [[ -n $server ]] && kill "$server" 2>/dev/null
  wait 2>/dev/null || true
  [[ -d $work/pg ]] && scripts/postgres_sandbox.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

threads_option=()
[[ $server_threads != default ]] && threads_option=(--threads "$server_threads")
echo "demo agency, $(nproc) cores shared with wrk ($wrk_threads threads, $connections connections)," \
  "server threads: $server_threads, warm-up ${warmup} s, then ${seconds} s"

# sql TARGET STATEMENT: one value from the database.
sql() {
  if [[ $1 == postgresql://* ]]; then psql -qAt "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}
database_mib() {
  if [[ $1 == postgresql://* ]]; then
    sql "$1" "SELECT round(pg_database_size(current_database()) / 1048576.0, 1)"
  else
    du -k "$1" "$1-wal" 2>/dev/null | awk '{k += $1} END {printf "%.1f\n", k / 1024}'
  fi
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# The sessions of the five demo logins and the ids the traffic needs, made over the API: an
# activity of the trade union starting in half an hour (check-ins open), one in three days with 20
# places (registrations, a waitlist), a campaign fund of the union (donations go there, so the
# statements read stay the demo's), a member's calendar link.
prepare() {  # base URL, config file
  python3 - "$1" "$2" <<'PY'
import datetime, json, sys, urllib.request

base, config = sys.argv[1], sys.argv[2]
vietnam = datetime.timezone(datetime.timedelta(hours=7))
now = datetime.datetime.now(vietnam).replace(microsecond=0)
sessions = {}

def call(login, method, path, body=None):
    headers = {"Content-Type": "application/json"}
    if login:
        headers["Cookie"] = sessions[login]["cookie"]
        headers["X-CSRF-Token"] = sessions[login]["csrf"]
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request) as answer:
        return answer, json.load(answer)

for login in ("quantri", "lanhdao", "chutichcd", "thuquy", "doanvien"):
    answer, session = call(None, "POST", "/api/v1/session",
                           {"login": login, "password": "doanket-demo-2026"})
    cookie = answer.headers["Set-Cookie"].split(";")[0]
    sessions[login] = {"cookie": cookie, "csrf": session["csrf_token"],
                       "person": session["person_id"]}

def activity(title, starts, hours, capacity):
    created = call("chutichcd", "POST", "/api/v1/activities", {
        "kind": "meeting", "title": title, "starts_at": starts.isoformat(),
        "ends_at": (starts + datetime.timedelta(hours=hours)).isoformat(), "place": "Hội trường",
        "capacity": capacity, "organizer_ids": [4], "audience_scope": "organizations",
        "audience_ids": [4], "go_ahead_despite_clashes": True})[1]
    call("chutichcd", "POST", f"/api/v1/activities/{created['id']}/status", {"status": "published"})
    return created["id"]

checkin = activity("Hội nghị người lao động", now + datetime.timedelta(minutes=30), 2, None)
registration = activity("Tập huấn nghiệp vụ công đoàn", now + datetime.timedelta(days=3), 2, 20)
soak_fund = call("thuquy", "POST", "/api/v1/funds", {
    "kind": "campaign", "name": "Ủng hộ đồng bào vùng bão", "beneficiary": "Ủy ban MTTQ tỉnh",
    "purpose": "Khắc phục hậu quả bão", "target": 200000000,
    "starts_on": now.date().isoformat(), "organization_ids": [4]})[1]["id"]
feed = call("doanvien", "POST", "/api/v1/calendar-feeds", {})[1]["path"]

ids = lambda items: [str(item["id"]) for item in items]
members = ids(call("chutichcd", "GET", "/api/v1/people?organization_id=4&limit=500")[1]["items"])
people = ids(call("lanhdao", "GET", "/api/v1/people?limit=500")[1]["items"])
organizations = [str(o["id"]) for o in call("lanhdao", "GET", "/api/v1/organizations")[1]["items"]
                 if o.get("member_count")]
activities = ids(call("doanvien", "GET", "/api/v1/activities")[1]["items"])
funds = [f for f in ids(call("thuquy", "GET", "/api/v1/funds")[1]["items"]) if f != str(soak_fund)]
receipts = []
for fund in funds:
    receipts += [str(e["id"]) for e in call("thuquy", "GET", f"/api/v1/funds/{fund}/entries")[1]["items"]
                 if e["kind"] == "donation"]
clubs = ids(call("doanvien", "GET", "/api/v1/clubs")[1]["items"])
plans = ids(call("lanhdao", "GET", "/api/v1/plans")[1]["items"])

first = now.date().replace(day=1)
after = (first + datetime.timedelta(days=62)).replace(day=1)
month = lambda day: datetime.datetime.combine(day, datetime.time(), vietnam).isoformat().replace("+", "%2B")
with open(config, "w") as out:
    for login, s in sessions.items():
        print("login", login, s["cookie"], s["csrf"], s["person"], file=out)
    for key, values in (("checkin_activity", [checkin]), ("registration_activity", [registration]),
                        ("soak_fund", [soak_fund]), ("feed", [feed]), ("members", members),
                        ("people", people), ("organizations", organizations),
                        ("activities", activities), ("funds", funds), ("receipts", receipts[:10]),
                        ("clubs", clubs), ("plans", plans),
                        ("month_from", [month(first)]), ("month_to", [month(after)]),
                        ("day_from", [first.isoformat()]), ("day_to", [after.isoformat()])):
        assert values, key
        print(key, *values, file=out)
PY
}

# The answers that were not 2xx in the server's log (one JSON line per request), from line FROM
# on, by status and route (ids as {id}): "count status method route" lines.
failures_by_route() {  # log, first line
  tail -n +"$2" "$1" | python3 -c '
import collections, json, re, sys
count = collections.Counter()
for line in sys.stdin:
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    if "status" not in entry or 200 <= entry["status"] < 300:
        continue
    route = re.sub(r"/calendar/[^/?]+", "/calendar/{token}", entry["path"].split("?")[0])
    count[(entry["status"], entry["method"], re.sub(r"/[0-9]+(?=/|$)", "/{id}", route))] += 1
for (status, method, route), n in sorted(count.items()):
    print(n, status, method, route)'
}

failed=0
run_engine() {  # engine, target
  local engine=$1 target=$2
  "$doanket" --db "$target" demo >/dev/null
  local log="$work/$engine.log"
  : >"$work/address"
  "$doanket" --db "$target" serve --listen 127.0.0.1:0 "${threads_option[@]}" >"$work/address" 2>"$log" &
  server=$!
  for _ in $(seq 100); do [[ -s $work/address ]] && break; sleep 0.1; done
  local base
  base="$(head -n 1 "$work/address")"
  prepare "$base" "$work/config"
  local audit_before answers_before db_before
  audit_before="$(sql "$target" "SELECT count(*) FROM audit_log")"
  answers_before="$(sql "$target" "SELECT count(*) FROM idempotency_keys")"
  db_before="$(database_mib "$target")"

  local first_line=$(($(wc -l <"$log") + 1))
  load() {  # seconds, run tag, output
    wrk -t"$wrk_threads" -c"$connections" -d"$1s" --timeout 5s --latency -s bench/soak_load.lua \
      "$base" -- "$work/config" "$2" >"$work/$3.out" 2>"$work/$3.err"
  }
  load "$warmup" "$engine-warmup" warmup
  local rss_start
  rss_start="$(rss_kib "$server")"
  (
    elapsed=0
    while sleep 60; do
      elapsed=$((elapsed + 60))
      echo "$elapsed $(rss_kib "$server")" >>"$work/rss" || exit 0
    done
  ) &
  sampler=$!
  load "$seconds" "$engine-soak" soak
  local rss_end alive=yes
  rss_end="$(rss_kib "$server" 2>/dev/null)" || alive=no
  rss_end="${rss_end:-0}"
  kill "$sampler" 2>/dev/null
  wait "$sampler" 2>/dev/null || true
  sampler=
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/healthz") == 200 ]] || alive=no
  local out
  out="$(cat "$work/soak.out")"
  local requests rps p50 p99
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  # wrk's own count of answers that were not 2xx or 3xx, and its socket errors (connect, read,
  # write, timeout), in the warm-up and the soak.
  local wrk_non2xx socket_errors
  wrk_non2xx="$(cat "$work/warmup.out" "$work/soak.out" | awk '/Non-2xx/ {n += $NF} END {print n + 0}')"
  socket_errors="$(cat "$work/warmup.out" "$work/soak.out" |
    awk '/Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')"
  kill "$server"
  wait "$server" 2>/dev/null || alive=no
  server=
  local by_route log_non2xx
  by_route="$(failures_by_route "$log" "$first_line")"
  log_non2xx="$(awk '{n += $1} END {print n + 0}' <<<"$by_route")"
  local errors=$((log_non2xx > wrk_non2xx ? log_non2xx : wrk_non2xx))
  errors=$((errors + socket_errors))
  [[ $alive == yes ]] || errors=$((errors + 1))
  local growth
  growth="$(python3 -c "print(f'{($rss_end - $rss_start) * 100 / $rss_start:+.1f}')")"

  printf '%-9s %s requests in %s s, %s/s | p50 %s p99 %s | errors %s | memory %s → %s MiB (%s %%)\n' \
    "$engine" "$requests" "$seconds" "$rps" "$p50" "$p99" "$errors" \
    "$(python3 -c "print(f'{$rss_start / 1024:.1f}')")" "$(python3 -c "print(f'{$rss_end / 1024:.1f}')")" "$growth"
  printf '%-9s memory every 60 s (MiB): %s\n' "$engine" \
    "$(awk '{printf "%s%.1f", (NR > 1 ? " " : ""), $2 / 1024}' "$work/rss" 2>/dev/null)"
  printf '%-9s written: %s check-ins and %s donations sent, %s registrations and cancellations;' \
    "$engine" \
    "$(awk '$1 == "sent" && /check-in/ {n += $2} END {print n + 0}' <<<"$out")" \
    "$(awk '$1 == "sent" && /donation/ {n += $2} END {print n + 0}' <<<"$out")" \
    "$(awk '$1 == "sent" && /regist|cancels/ {n += $2} END {print n + 0}' <<<"$out")"
  printf ' audit entries +%s, stored answers +%s; database %s → %s MiB\n' \
    "$(($(sql "$target" "SELECT count(*) FROM audit_log") - audit_before))" \
    "$(($(sql "$target" "SELECT count(*) FROM idempotency_keys") - answers_before))" \
    "$db_before" "$(database_mib "$target")"
  printf '%-9s wrk: not 2xx %s, socket errors %s (connect, read, write, timeout); server alive to the end: %s\n' \
    "$engine" "$wrk_non2xx" "$socket_errors" "$alive"
  if [[ -n $by_route ]]; then
    echo "$engine errors by status and route (server log, warm-up and soak):"
    sed 's/^/    /' <<<"$by_route"
    echo "$engine errors by status and problem code (wrk):"
    cat "$work/warmup.out" "$work/soak.out" | awk '$1 == "failed" {$1 = ""; print "   " $0}'
    head -n 5 "$work/warmup.err" "$work/soak.err"
  fi
  local verdict=ok
  if ((errors > 0)); then verdict="FAILED: $errors errors"; failed=1; fi
  if python3 -c "import sys; sys.exit(0 if $growth >= 10 else 1)"; then
    verdict="FAILED: memory grew by $growth %"
    failed=1
  fi
  printf '%-9s %s\n' "$engine" "$verdict"
  rm -f "$work/rss"
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
exit "$failed"
