-- wrk script for bench/load.sh: POSTs the JSON file named by $BODY (or GETs when $BODY is unset)
-- and prints one machine-readable RESULT line at the end. With $RATE (requests a second in all) and
-- $THREADS (wrk's -t) each thread sends on a fixed schedule of RATE / THREADS requests a second, taken
-- by whichever of its connections is free: a constant rate while the server keeps up (bench/latency.sh
-- paces with it). Latencies are still wrk's, from each request's sending.
local body_file = os.getenv("BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

local rate = tonumber(os.getenv("RATE") or "")
if rate then
  local ffi = require("ffi")
  ffi.cdef([[
    typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
    int clock_gettime(int clock, wrk_timespec *now);
  ]])
  local clock = ffi.new("wrk_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
  end
  local interval = 1000 * (tonumber(os.getenv("THREADS") or "") or 1) / rate
  local slot
  -- wrk asks before each next request of a connection how many milliseconds to wait: until the next
  -- free slot of this thread's schedule. A schedule that fell behind (a slow server) restarts from
  -- now rather than sending the missed requests in one burst.
  delay = function()
    local now = now_ms()
    if slot == nil or slot < now - 50 then
      slot = now
    end
    local wait = slot - now
    slot = slot + interval
    return wait > 0 and wait or 0
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
