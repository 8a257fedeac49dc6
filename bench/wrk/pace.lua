-- Paces a wrk thread to a constant request rate, so latency is measured at a load we choose, not at whatever
-- rate the server can take. wrk itself is closed-loop; its delay() hook is asked before each request, and here
-- it hands out send slots 1/rate apart (per thread: threads/RATE). A connection that finds its slot already past
-- sends at once, so a server that falls behind shows up as latency, not as a lower rate (wrk still times each
-- request from when it is sent, so a queue built up while every connection was busy is under-reported).
-- RATE (requests per second, all threads together) and THREADS come from the environment; RATE=0 disables pacing.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } docket_timespec;
int clock_gettime(int clk_id, docket_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("docket_timespec")

local pace = {}

function pace.now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "0")
local threads = tonumber(os.getenv("THREADS") or "1")
local interval = rate > 0 and (1000 * threads / rate) or 0
local next_slot = nil

function pace.delay()
  if interval == 0 then
    return 0
  end
  local now = pace.now_ms()
  if next_slot == nil or next_slot < now - 1000 then
    -- Start, or a stall of more than a second: do not fire a burst to catch up.
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval
  return math.max(0, math.floor(slot - now))
end

-- Counts responses by status class, so a run reports what it got, not only how fast.
local counts = {}
function pace.count(status)
  local class = math.floor(status / 100) .. "xx"
  counts[class] = (counts[class] or 0) + 1
end

function pace.counts()
  return counts
end

return pace
