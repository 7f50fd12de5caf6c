#!/usr/bin/env bash
# Notification benchmark (issue 16), on SQLite or PostgreSQL, over the demo agency plus N generated
# members imported into the trade union (code CD), each with an e-mail address:
#  1. A directive posted to the trade union through the API (POST /api/v1/directives as its chair,
#     "chutichcd", against `doanket serve` of the bench build), timed from the request to the 201
#     answer: its receipts, one notification row per member and, since every member has an
#     address, an e-mail queued on each (email_state 'due'), in one transaction. Baseline in the
#     same run and on the same database: the engine's own client (sqlite3 with the server's
#     pragmas, psql) inserting the same number of rows into `notifications` alone, by one
#     INSERT … SELECT from `persons` for a new event, committed, then deleted again before the
#     directive is posted. Target: at most 2× the baseline.
#  2. The bell's unread count (GET /api/v1/notifications/unread, signed in as the same chair, who
#     is a member and so has the directive unread) under wrk, as a ratio to GET /healthz with the
#     same wrk settings in the same run. Target: at least 5,000 requests/s.
#   bench/notification_benchmark.sh [N] [sqlite|postgres] [SECONDS]   (defaults 1000000, sqlite, 10)
# DOANKET_BENCH_NO_SETUP=1 skips `scripts/setup.sh bench`; DOANKET_BENCH_KEEP=1 keeps the work
# folder (and the database) for a look afterwards; WRK_THREADS / WRK_CONNECTIONS change wrk's
# settings (defaults 2 and 32).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
engine="${2:-sqlite}"
seconds="${3:-10}"
wrk_threads="${WRK_THREADS:-2}"
wrk_connections="${WRK_CONNECTIONS:-32}"
[[ $engine == sqlite || $engine == postgres ]] || { echo "engine: sqlite or postgres" >&2; exit 2; }
[[ -z ${DOANKET_BENCH_NO_SETUP:-} ]] && scripts/setup.sh bench >/dev/null
doanket="$PWD/build/bench/src/doanket"
work="$(mktemp -d /tmp/doanket-notification-bench.XXXXXX)"
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
# A script of several statements in the engine's client. sqlite3 gets the pragmas the server sets
# on each of its connections (src/store/sqlite/), so that both commit alike (synchronous = FULL).
sql_script() {
  if [[ $engine == postgres ]]; then
    psql -qAt -v ON_ERROR_STOP=1 "$db"
  else
    { echo "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;"
      echo "PRAGMA cache_size = -65536; PRAGMA mmap_size = 0;"
      cat; } | sqlite3 -bail "$db" >/dev/null
  fi
}
seconds_since() { echo "scale=3; ($(date +%s%N) - $1) / 1000000000" | bc; }

build/bench/bench/generate_members "$rows" >"$work/members.csv"
db="$work/notifications.db"
[[ $engine == postgres ]] && db="$(scripts/postgres_sandbox.sh start "$work/pg")"
"$doanket" --db "$db" demo >/dev/null
start=$(date +%s%N)
"$doanket" --db "$db" --agency STP-HT import members --org CD "$work/members.csv" >/dev/null
echo "import of $rows members into the trade union: $(seconds_since "$start") s ($engine, $(nproc) cores)"

# Every member needs an e-mail address, so that their notification of the directive queues an
# e-mail (email_state 'due'), as issue 16 asks to measure. The generated members bring one in the
# CSV's Email column (nv0@example.vn, …); the demo people without one are given one here by an
# UPDATE in the engine's own client (persons.email, '' when there is none).
start=$(date +%s%N)
given="$(sql "UPDATE persons SET email = 'member' || id || '@example.org' WHERE tenant_id = 1 AND email = '' RETURNING id" | wc -l)"
echo "e-mail addresses given to $given people without one: $(seconds_since "$start") s"
# The database settled, as it is a while after an import: PostgreSQL's autovacuum would otherwise
# analyze the new rows while the directive is measured; SQLite's write-ahead log is folded in.
if [[ $engine == postgres ]]; then
  psql -q "$db" -c "VACUUM ANALYZE" >/dev/null
else
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
cd_id="$(sql "SELECT id FROM organizations WHERE tenant_id = 1 AND code = 'CD'")"
audience="$(sql "SELECT count(DISTINCT person_id) FROM memberships WHERE tenant_id = 1 AND organization_id = $cd_id AND status <> 'left'")"
echo "trade union members (the directive's audience): $audience"

"$doanket" --db "$db" serve --listen 127.0.0.1:0 >"$work/address" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do [[ -s $work/address ]] && break; sleep 0.1; done
base="$(head -n 1 "$work/address")"
curl -s -D "$work/session.headers" -o "$work/session.json" -H 'Content-Type: application/json' \
  -d '{"login":"chutichcd","password":"doanket-demo-2026"}' "$base/api/v1/session"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(dk_session=[^;]*\).*/\1/p' "$work/session.headers")"
csrf="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")"
[[ -n $cookie && -n $csrf ]] || { echo "sign-in failed" >&2; cat "$work/session.json" >&2; exit 1; }

# 1a. The baseline: the same number of notification rows, for a new event (its row first, for the
# foreign key), in one committed transaction; then deleted again, so that the directive below
# writes into the same table as the baseline did.
baseline_event=999999999
now="$(date +%s)"
start=$(date +%s%N)
sql_script <<SQL
BEGIN;
INSERT INTO notification_events (tenant_id, id, kind, title_vi, title_en, created_at)
  VALUES (1, $baseline_event, 'directive_posted', 'Mốc so sánh', 'Baseline', $now);
INSERT INTO notifications (tenant_id, person_id, event_id, in_app, email_state, email_next_at)
  SELECT 1, id, $baseline_event, 1, 'due', $now FROM persons WHERE tenant_id = 1 ORDER BY id LIMIT $audience;
COMMIT;
SQL
baseline="$(seconds_since "$start")"
baseline_rows="$(sql "SELECT count(*) FROM notifications WHERE tenant_id = 1 AND event_id = $baseline_event")"
sql_script <<SQL
DELETE FROM notifications WHERE tenant_id = 1 AND event_id = $baseline_event;
DELETE FROM notification_events WHERE tenant_id = 1 AND id = $baseline_event;
SQL
if [[ $engine == postgres ]]; then
  psql -q "$db" -c "VACUUM ANALYZE notifications" -c "VACUUM ANALYZE notification_events" >/dev/null
else
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
echo "baseline: $baseline_rows rows into notifications alone (engine's client): $baseline s"

# 1b. The directive, through the API.
deadline="$(TZ=Asia/Ho_Chi_Minh date -d '+30 days' +%F)"
answer="$(curl -s -o "$work/directive.json" -w '%{http_code} %{time_total}' \
  -H 'Content-Type: application/json' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
  -d "{\"organization_id\": $cd_id, \"kind\": \"plan\", \"number\": \"01-KH/CĐ\",
       \"issuer\": \"Công đoàn Sở Tư pháp\", \"title\": \"Kế hoạch học tập nghị quyết (đo hiệu năng)\",
       \"deadline\": \"$deadline\"}" \
  "$base/api/v1/directives")"
[[ ${answer%% *} == 201 ]] || { echo "directive failed: $answer" >&2; cat "$work/directive.json" >&2; exit 1; }
directive_time="${answer#* }"
directive_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/directive.json")"
receipts="$(sql "SELECT count(*) FROM directive_receipts WHERE tenant_id = 1 AND directive_id = $directive_id")"
event_id="$(sql "SELECT id FROM notification_events WHERE tenant_id = 1 AND link = '/directives/$directive_id'")"
notified="$(sql "SELECT count(*) FROM notifications WHERE tenant_id = 1 AND event_id = $event_id")"
due="$(sql "SELECT count(*) FROM notifications WHERE tenant_id = 1 AND event_id = $event_id AND email_state = 'due'")"
echo "directive $directive_id: $receipts receipts, $notified notifications, $due e-mails due: $directive_time s"
((receipts == audience && notified == audience && due == audience)) ||
  echo "warning: expected $audience receipts, notifications and e-mails due" >&2

# 2. The bell's count, and /healthz, with the same wrk settings.
rate() {  # requests/s of wrk on a path, with the session cookie or without
  local out
  out="$(wrk -t"$wrk_threads" -c"$wrk_connections" -d"${seconds}s" --latency ${2:+-H "Cookie: $2"} "$base$1")"
  grep -q "Non-2xx" <<<"$out" && { echo "wrk: answers other than 2xx on $1" >&2; echo "$out" >&2; exit 1; }
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
unread_json="$(curl -s -H "Cookie: $cookie" "$base/api/v1/notifications/unread")"
echo "the chair's unread count: $unread_json"
health_rate="$(rate /healthz "")"
unread_rate="$(rate /api/v1/notifications/unread "$cookie")"
# For reference: the session check alone (GET /api/v1/session), which every signed-in request
# does before its own work, so that the count's own share can be told apart.
session_rate="$(rate /api/v1/session "$cookie")"

echo
echo "== summary ($engine, $rows generated members, $audience in the trade union, $(nproc) cores)"
python3 - "$directive_time" "$baseline" "$audience" "$unread_rate" "$health_rate" \
  "$wrk_threads" "$wrk_connections" "$seconds" "$session_rate" <<'PY'
import sys
directive, baseline, audience = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
unread, health = float(sys.argv[4]), float(sys.argv[5])
threads, connections, seconds = sys.argv[6:9]
session = float(sys.argv[9])
ratio = directive / baseline
print(f"directive to {audience:,} members (receipts + notifications + e-mails due): {directive:.2f} s; "
      f"baseline INSERT … SELECT of {audience:,} notification rows: {baseline:.2f} s; "
      f"ratio {ratio:.2f}x (target <= 2x: {'met' if ratio <= 2 else 'NOT met'})")
print(f"GET /api/v1/notifications/unread: {unread:,.0f} req/s; GET /healthz: {health:,.0f} req/s; "
      f"ratio {unread / health:.3f} (wrk -t{threads} -c{connections} -d{seconds}s; "
      f"target >= 5,000 req/s: {'met' if unread >= 5000 else 'NOT met'})")
print(f"  for reference, GET /api/v1/session (the session check alone): {session:,.0f} req/s, "
      f"ratio {session / health:.3f}")
PY
