-- wrk script for bench/load.sh: POSTs the JSON file named by $BODY (or GETs when $BODY is unset)
-- and prints one machine-readable RESULT line at the end. With $DELAY_MS each connection waits that
-- long after each answer before its next request: c connections then send about c * 1000 / DELAY_MS
-- requests a second while answers are much quicker than the delay (bench/latency.sh paces with it).
local body_file = os.getenv("BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

local pace = tonumber(os.getenv("DELAY_MS") or "")
if pace then
  delay = function()
    return pace
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      .. "socket_errors=%d non_2xx=%d bytes_per_response=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status,
    summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
