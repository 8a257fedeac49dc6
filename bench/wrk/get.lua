-- GET the URL given to wrk (a ranking page, the bare reference endpoint), paced to RATE.
dofile("bench/wrk/common.lua")

function response(status, headers, body)
  record(status)
end
