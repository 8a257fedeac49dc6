-- Shared by the scenario scripts: pacing, per-status counts gathered from every thread, and a summary line.
package.path = "bench/wrk/?.lua;" .. package.path
local pace = require("pace")

local threads = {}

-- Each thread learns its number (1, 2, ...) as the global "index", so scenarios can give threads ids of their own.
function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

delay = pace.delay

-- Writes need a token with the legal role (README: Who may do what); DOCKET_TOKEN is sent as the bearer when set.
function with_token(headers)
  local token = os.getenv("DOCKET_TOKEN")
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return headers
end

function count_response(status)
  pace.count(status)
end

-- Each thread's counts travel back to the main state as a string, the only way wrk lets threads report.
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local text = thread:get("counts_text") or ""
    for class, n in string.gmatch(text, "(%w+)=(%d+)") do
      totals[class] = (totals[class] or 0) + tonumber(n)
    end
  end
  local parts = {}
  for class, n in pairs(totals) do
    table.insert(parts, class .. "=" .. n)
  end
  table.sort(parts)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ",")))
end

-- Called by the scenarios' response() so the counts reach done().
function record(status)
  pace.count(status)
  local parts = {}
  for class, n in pairs(pace.counts()) do
    table.insert(parts, class .. "=" .. n)
  end
  counts_text = table.concat(parts, ",")
end

return pace
