-- A contract update: PUT /api/contracts/{id}/gates/signatory-known on ids from IDS_FILE, each flipping the gate
-- (open, then passed again on its next turn), so the ranking re-scores and moves the contract. Paced to RATE.
dofile("bench/wrk/common.lua")

local ids = {}
local passed = {}
local next_id = 1

-- Threads edit disjoint contracts: two edits of one contract at once would rightly get 409 and blur the numbers.
function init(args)
  local threads = tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("IDS_FILE")) do
    if n % threads == (index or 1) - 1 then
      table.insert(ids, line)
    end
    n = n + 1
  end
end

function request()
  local id = ids[next_id]
  next_id = next_id % #ids + 1
  local flag = passed[id] == false
  passed[id] = flag
  return wrk.format("PUT", "/api/contracts/" .. id .. "/gates/signatory-known",
    with_token({ ["Content-Type"] = "application/json" }),
    '{"passed": ' .. tostring(flag) .. '}')
end

function response(status, headers, body)
  record(status)
end
