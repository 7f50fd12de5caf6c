-- wrk script of bench/soak_benchmark.sh: mixed traffic of every role of the demo agency. Each
-- request is drawn at random from the mix below (by weight) and sent with the session of
-- its role: the administrator (quantri), leadership (lanhdao), an officer (chutichcd, the trade
-- union's chair), the treasurer (thuquy, an officer too) and a member (doanvien). Reads: the
-- dashboard, people lists and searches, a person, activities and the calendar, clubs and their
-- sessions, funds, statements, receipts, plans, the audit log. Writes (15%), each with the
-- CSRF header: check-ins by hand and with the code on display, donations, registrations and their
-- cancellation, the check-ins and donations under an Idempotency-Key.
--
-- Every answer is expected to be 2xx: registering someone registered and cancelling a cancelled
-- registration answer 200, a check-in of someone checked in answers 200 or 201, and a retry
-- (the same Idempotency-Key with the same body, as a phone that lost the answer sends it) is sent
-- only once the first request was answered: RETRY_GAP seconds later, longer than wrk's --timeout.
-- (A retry that races its first request is left out: on PostgreSQL it answers 409
-- store.duplicate where SQLite gives the first answer.)
-- The script counts answers by status and problem code; the benchmark reads the routes of the
-- failures from the server's log.
--   wrk -s soak_load.lua URL -- CONFIG RUN_TAG
-- CONFIG holds lines "key value…" written by the benchmark (sessions, ids).
local RETRY_GAP = 8  -- seconds (os.time), at least 7 s: wrk runs with --timeout 5s
local threads = {}
local next_index = 0

function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

-- Configuration ---------------------------------------------------------------------------------
local config, session = {}, {}

local function read_config(path)
  for line in io.lines(path) do
    local words = {}
    for word in line:gmatch("%S+") do words[#words + 1] = word end
    if words[1] == "login" then
      session[words[2]] = {cookie = words[3], csrf = words[4], person = words[5]}
    elseif words[1] then
      config[words[1]] = {unpack(words, 2)}
    end
  end
end

local function pick(list) return list[math.random(#list)] end
local function one(key) return config[key][1] end

-- Requests --------------------------------------------------------------------------------------
local function get(login, path)
  local headers = {}
  if login then headers["Cookie"] = session[login].cookie end
  return wrk.format("GET", path, headers)
end

local function send(login, method, path, body, key)
  local headers = {
    ["Cookie"] = session[login].cookie,
    ["X-CSRF-Token"] = session[login].csrf,
  }
  if body then headers["Content-Type"] = "application/json" end
  if key then headers["Idempotency-Key"] = key end
  return wrk.format(method, path, headers, body)
end

-- Retries: requests sent under a key, retried (same key, same body) once RETRY_GAP has passed.
local function queue() return {first = 1, last = 0} end
local function push(q, item)
  q.last = q.last + 1
  q[q.last] = item
  if q.last - q.first >= 500 then  -- keep the newest 500
    q[q.first] = nil
    q.first = q.first + 1
  end
end
local function pop_old(q)
  local item = q[q.first]
  if item and os.time() - item.at >= RETRY_GAP then
    q[q.first] = nil
    q.first = q.first + 1
    return item
  end
  return nil
end

local checkins, donations = queue(), queue()
local keys_sent = 0
local function new_key()
  keys_sent = keys_sent + 1
  return run .. "-" .. index .. "-" .. keys_sent
end

local states = {"present", "present", "present", "late", "absent", "excused"}
local function check_in_by_hand()
  local body = '{"person_id":' .. pick(config.members) .. ',"state":"' .. pick(states) .. '"}'
  local item = {at = os.time(), key = new_key(), body = body}
  push(checkins, item)
  return send("chutichcd", "POST", "/api/v1/activities/" .. one("checkin_activity") .. "/check-ins",
              item.body, item.key)
end

local function donation()
  local payer
  if math.random(4) == 1 then
    payer = '{"kind":"outside","name":"Công ty TNHH Hà Tĩnh ' .. math.random(20) .. '"}'
  else
    payer = '{"kind":"person","person_id":' .. pick(config.members) .. '}'
  end
  local body = '{"amount":' .. (math.random(5, 200) * 10000) .. ',"method":"' ..
               (math.random(3) == 1 and "bank_transfer" or "cash") .. '","payer":' .. payer ..
               ',"anonymous":' .. (math.random(10) == 1 and "true" or "false") ..
               ',"memo":"Ủng hộ qua đợt vận động"}'
  local item = {at = os.time(), key = new_key(), body = body}
  push(donations, item)
  return send("thuquy", "POST", "/api/v1/funds/" .. one("soak_fund") .. "/donations", item.body,
              item.key)
end

local function retry(q, login, path, fresh)
  local item = pop_old(q)
  if not item then return fresh() end
  return send(login, "POST", path, item.body, item.key)
end

-- The activity's code on display, read from the officer's GET …/check-in-code answers.
local code_on_display = nil

local words = {"nguyen", "tran", "thi", "van", "hoa", "dung", "hai", "ha", "le", "duc", "anh",
               "nguyen thi", "hoang thanh", "ph", "tr", "hung"}
local function search() return "/api/v1/people?search=" .. pick(words):gsub(" ", "%%20") .. "&limit=50" end
local function person() return "/api/v1/people/" .. pick(config.people) end
local function calendar()
  return "/api/v1/activities?from=" .. one("month_from") .. "&to=" .. one("month_to")
end
local function activity() return "/api/v1/activities/" .. pick(config.activities) end
local function fund() return pick(config.funds) end
local checkin_path = function() return "/api/v1/activities/" .. one("checkin_activity") end
local registration_path = function() return "/api/v1/activities/" .. one("registration_activity") end

-- The mix: {weight, name, function returning the request}; the weights add up to 898, the
-- writes' to 131 (15%).
local mix = {
  -- administrator: every list or read of others' personal data is audited (a durable write)
  {30, "admin dashboard", function() return get("quantri", "/api/v1/dashboard") end},
  {30, "admin people list", function() return get("quantri", "/api/v1/people?limit=50") end},
  {20, "admin people search", function() return get("quantri", search()) end},
  {25, "admin person", function() return get("quantri", person()) end},
  {10, "admin audit log", function() return get("quantri", "/api/v1/audit?limit=50") end},
  {8, "admin accounts", function() return get("quantri", "/api/v1/accounts") end},
  {7, "admin organizations", function() return get("quantri", "/api/v1/organizations") end},
  {5, "admin people export", function()
    return get("quantri", "/api/v1/people/export?organization_id=" .. pick(config.organizations) .. "&format=csv")
  end},
  -- leadership
  {35, "leadership dashboard", function() return get("lanhdao", "/api/v1/dashboard") end},
  {25, "leadership people list", function()
    return get("lanhdao", "/api/v1/people?organization_id=" .. pick(config.organizations) .. "&limit=50&sort=unit")
  end},
  {25, "leadership people search", function() return get("lanhdao", search()) end},
  {20, "leadership person", function() return get("lanhdao", person()) end},
  {15, "leadership funds report", function() return get("lanhdao", "/api/v1/funds/report") end},
  {15, "leadership plans", function() return get("lanhdao", "/api/v1/plans") end},
  {15, "leadership calendar", function() return get("lanhdao", calendar()) end},
  -- officer of the trade union
  {30, "officer dashboard", function() return get("chutichcd", "/api/v1/dashboard") end},
  {30, "officer members", function() return get("chutichcd", "/api/v1/people?organization_id=4&limit=50") end},
  {20, "officer person", function() return get("chutichcd", person()) end},
  {20, "officer activities", function() return get("chutichcd", "/api/v1/activities?organization_id=4") end},
  {15, "officer activity", function() return get("chutichcd", activity()) end},
  {15, "officer registrations", function() return get("chutichcd", registration_path() .. "/registrations") end},
  {15, "officer attendance", function() return get("chutichcd", checkin_path() .. "/attendance") end},
  {15, "officer check-in code", function() return get("chutichcd", checkin_path() .. "/check-in-code") end},
  {10, "officer plan", function() return get("chutichcd", "/api/v1/plans/" .. pick(config.plans)) end},
  -- treasurer
  {30, "treasurer funds", function() return get("thuquy", "/api/v1/funds") end},
  {15, "treasurer fund", function() return get("thuquy", "/api/v1/funds/" .. fund()) end},
  {20, "treasurer statement", function() return get("thuquy", "/api/v1/funds/" .. fund() .. "/statement") end},
  {15, "treasurer entries", function() return get("thuquy", "/api/v1/funds/" .. fund() .. "/entries") end},
  {8, "treasurer pledges", function() return get("thuquy", "/api/v1/funds/" .. fund() .. "/pledges") end},
  {8, "treasurer disbursements", function() return get("thuquy", "/api/v1/disbursements") end},
  {4, "treasurer receipt pdf", function() return get("thuquy", "/api/v1/entries/" .. pick(config.receipts) .. "/receipt.pdf") end},
  {4, "treasurer statement xlsx", function() return get("thuquy", "/api/v1/funds/" .. fund() .. "/statement.xlsx") end},
  -- member
  {30, "member calendar", function() return get("doanvien", calendar()) end},
  {15, "member my activities", function() return get("doanvien", "/api/v1/activities?mine=true") end},
  {20, "member activity", function() return get("doanvien", activity()) end},
  {15, "member clubs", function() return get("doanvien", "/api/v1/clubs") end},
  {15, "member club", function() return get("doanvien", "/api/v1/clubs/" .. pick(config.clubs)) end},
  {15, "member club sessions", function()
    return get("doanvien", "/api/v1/clubs/" .. pick(config.clubs) .. "/sessions?from=" .. one("day_from") .. "&to=" .. one("day_to"))
  end},
  {25, "member people", function() return get("doanvien", "/api/v1/people?organization_id=4&limit=50") end},
  {10, "member own record", function() return get("doanvien", "/api/v1/people/" .. session.doanvien.person) end},
  {15, "member funds", function() return get("doanvien", "/api/v1/funds") end},
  {15, "member statement", function() return get("doanvien", "/api/v1/funds/" .. fund() .. "/statement") end},
  {10, "member plans", function() return get("doanvien", "/api/v1/plans") end},
  {8, "member own code", function() return get("doanvien", "/api/v1/me/check-in-code") end},
  {7, "member session", function() return get("doanvien", "/api/v1/session") end},
  {8, "member calendar feed", function() return get(nil, one("feed")) end},
  -- writes
  {45, "officer check-in by hand", check_in_by_hand},
  {5, "officer check-in retry", function()
    return retry(checkins, "chutichcd", checkin_path() .. "/check-ins", check_in_by_hand)
  end},
  {10, "member check-in with code", function()
    if not code_on_display then return get("chutichcd", checkin_path() .. "/check-in-code") end
    return send("doanvien", "POST", checkin_path() .. "/check-ins",
                '{"code":"' .. code_on_display .. '"}', new_key())
  end},
  {20, "treasurer donation", donation},
  {5, "treasurer donation retry", function()
    return retry(donations, "thuquy", "/api/v1/funds/" .. one("soak_fund") .. "/donations", donation)
  end},
  {15, "officer registers a member", function()
    return send("chutichcd", "POST", registration_path() .. "/registrations",
                '{"person_ids":[' .. pick(config.members) .. ']}')
  end},
  {15, "officer cancels a registration", function()
    return send("chutichcd", "DELETE", registration_path() .. "/registrations/" .. pick(config.members))
  end},
  {8, "member registers", function() return send("doanvien", "POST", registration_path() .. "/registrations") end},
  {8, "member cancels", function() return send("doanvien", "DELETE", registration_path() .. "/registrations/me") end},
}

local cumulative, total_weight = {}, 0
for i, entry in ipairs(mix) do
  total_weight = total_weight + entry[1]
  cumulative[i] = total_weight
end

function init(args)
  read_config(args[1])
  run = args[2]
  math.randomseed(os.time() * 100 + index)
  sent, statuses, failures = {}, {}, {}
  failures_shown = 0
end

function request()
  local r = math.random(total_weight)
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  local entry = mix[lo]
  sent[entry[2]] = (sent[entry[2]] or 0) + 1
  return entry[3]()
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 200 and status < 300 then
    local code = body and body:match('^{"code":"([^"]+)","valid_until"')
    if code then code_on_display = code end
    return
  end
  local code = body and body:match('"code":"([^"]+)"') or "-"
  local name = status .. " " .. code
  failures[name] = (failures[name] or 0) + 1
  if failures_shown < 5 then
    failures_shown = failures_shown + 1
    io.stderr:write("status " .. status .. ": " .. (body or ""):sub(1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local all_sent, all_statuses, all_failures = {}, {}, {}
  local function add(into, from)
    for k, v in pairs(from) do into[k] = (into[k] or 0) + v end
  end
  for _, thread in ipairs(threads) do
    add(all_sent, thread:get("sent"))
    add(all_statuses, thread:get("statuses"))
    add(all_failures, thread:get("failures"))
  end
  local names = {}
  for name in pairs(all_sent) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do io.write(string.format("sent %d %s\n", all_sent[name], name)) end
  for status, count in pairs(all_statuses) do io.write(string.format("status %s %d\n", status, count)) end
  for name, count in pairs(all_failures) do io.write(string.format("failed %d %s\n", count, name)) end
end
