-- Bodies over the 1 MB request limit (1.1 MB of JSON), sent whole as a careless client would (no Expect:
-- 100-continue): each must get 413 without being parsed.
dofile("bench/wrk/common.lua")

local oversized

function init(args)
  oversized = wrk.format("POST", "/api/contracts", with_token({ ["Content-Type"] = "application/json" }),
    '{"externalRef": "WRK-BIG", "title": "' .. string.rep("x", 1100000) .. '"}')
end

function request()
  return oversized
end

function response(status, headers, body)
  record(status)
end
