-- wrk script of bench/checkin_benchmark.sh: each request checks in a different person by hand
-- (POST /api/v1/activities/{id}/check-ins {"person_id": N}) under its own Idempotency-Key, as an
-- officer's session. Thread t of T takes the people t, t+T, t+2T… of the list, so no two requests
-- name the same person until the list runs out (then they wrap round and answer 200, "not first").
--   wrk -s checkin_load.lua URL -- PATH PEOPLE_FILE COOKIE CSRF RUN_TAG THREADS
local threads = {}
local next_index = 0

function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

function init(args)
  path, cookie, csrf, run = args[1], args[3], args[4], args[5]
  people = {}
  for line in io.lines(args[2]) do people[#people + 1] = line end
  thread_count = tonumber(args[6])
  sent, created, repeated, failed = 0, 0, 0, 0
end

function request()
  local n = index + sent * thread_count
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = csrf,
    ["Idempotency-Key"] = run .. "-" .. n,
  }
  return wrk.format("POST", path, headers, '{"person_id":' .. people[n % #people + 1] .. '}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    repeated = repeated + 1
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local c, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    r = r + thread:get("repeated")
    f = f + thread:get("failed")
  end
  io.write(string.format("created %d\nrepeated %d\nfailed %d\n", c, r, f))
end
