-- wrk script: GET /api/events pages with filters that change on every request (type, dates, country,
-- actor, bbox), so that no two requests need be alike. Used by scripts/serve-bench.
local types = {"FIGHT", "Battles", "PROTEST", "Riots", "ASSAULT", "Violence against civilians", "COERCE"}
local actors = {"M23", "ADF", "RSF", "Boko Haram (JAS)", "Protesters", "Al Shabaab"}
local countries = {"CD", "SD", "NG", "COD", "SDN", "RW"}
math.randomseed(7)

local function pick(list) return (list[math.random(#list)]:gsub(" ", "%%20")) end

local function window()
  local year = 2018 + math.random(0, 7)
  local month = math.random(1, 12)
  return string.format("since=%d-%02d-01&until=%d-%02d-28", year, month, year + math.random(0, 1), month)
end

request = function()
  local kind = math.random(1, 4)
  local path
  if kind == 1 then
    path = "/api/events?limit=100&type=" .. pick(types) .. "&" .. window()
  elseif kind == 2 then
    path = "/api/events?limit=100&country=" .. pick(countries) .. "&type=" .. pick(types)
  elseif kind == 3 then
    path = "/api/events?limit=100&actor=" .. pick(actors) .. "&" .. window()
  else
    path = "/api/events?limit=100&bbox=28,-4,31,2&" .. window()
  end
  return wrk.format("GET", path)
end
