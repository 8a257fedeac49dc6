-- GET /contracts/{id} (the contract page) for ids read from IDS_FILE (one per line), in a shuffled order, paced to RATE.
dofile("bench/wrk/common.lua")

local ids = {}
local next_id = 1

-- Every thread walks the ids in an order of its own, seeded by its number.
function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    table.insert(ids, line)
  end
  math.randomseed(index or 1)
  for i = #ids, 2, -1 do
    local j = math.random(i)
    ids[i], ids[j] = ids[j], ids[i]
  end
end

function request()
  local id = ids[next_id]
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/contracts/" .. id)
end

function response(status, headers, body)
  record(status)
end
