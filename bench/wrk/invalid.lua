-- A flood of bad requests to the write API, as a broken client or an attacker would send: malformed JSON,
-- wrong types, negative and missing values, unknown ids and gates. Every one must get a 4xx. Bodies over the
-- size limit are in oversized.lua: they cost the network more than the server, so they are measured apart.
dofile("bench/wrk/common.lua")

local bodies = {
  { "POST", "/api/contracts", '{"externalRef": "X", "title": ' },
  { "POST", "/api/contracts", '{"externalRef": 42, "title": ["not", "a", "string"], "dealValue": "lots"}' },
  { "POST", "/api/contracts", '{"externalRef": "WRK-NEG", "title": "t", "account": "a", "owner": "o", "team": "t", "product": "p", "contractType": "MSA", "paper": "OURS", "dealValue": {"amount": -5, "currency": "USD"}, "expansionPotential": {"amount": 0, "currency": "USD"}}' },
  { "POST", "/api/contracts", '{}' },
  { "POST", "/api/contracts", '{"externalRef": "WRK-CUR", "title": "t", "account": "a", "owner": "o", "team": "t", "product": "p", "contractType": "LEASE", "paper": "NAPKIN", "dealValue": {"amount": 5, "currency": "XXX"}, "expansionPotential": {"amount": 0, "currency": "USD"}}' },
  { "PUT", "/api/contracts/999999999/gates/signatory-known", '{"passed": true, "changedBy": "wrk"}' },
  { "PUT", "/api/contracts/1/gates/not-a-gate", '{"passed": "maybe"}' },
  { "PATCH", "/api/contracts/1", '{"version": -1, "dealValue": {"amount": "NaN", "currency": "USD"}}' },
}
local requests = {}
local next_request = 1

function init(args)
  for i, b in ipairs(bodies) do
    requests[i] = wrk.format(b[1], b[2], with_token({ ["Content-Type"] = "application/json" }), b[3])
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function response(status, headers, body)
  record(status)
end
