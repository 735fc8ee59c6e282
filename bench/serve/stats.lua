-- wrk script: GET /api/stats with filters that change on every request (dates, type, country,
-- interval), so that most answers are computed, not taken from the cache. Used by scripts/serve-bench.
local types = {"FIGHT", "Battles", "PROTEST", "Riots", "ASSAULT", "Violence against civilians", "COERCE"}
local countries = {"CD", "SD", "NG", "COD", "SDN", "RW"}
math.randomseed(11)

request = function()
  local y1 = 2018 + math.random(0, 7)
  local path = string.format("/api/stats?since=%d-%02d-%02d&until=%d-%02d-%02d&interval=%s", y1, math.random(1, 12),
    math.random(1, 28), y1 + math.random(0, 2), math.random(1, 12), math.random(1, 28),
    math.random(2) == 1 and "day" or "week")
  local extra = math.random(1, 3)
  if extra == 1 then path = path .. "&type=" .. types[math.random(#types)]:gsub(" ", "%%20") end
  if extra == 2 then path = path .. "&country=" .. countries[math.random(#countries)] end
  return wrk.format("GET", path)
end
