-- wrk's summary as one JSON line (prefixed WRK_JSON), read by bench/wrk.ts: throughput,
-- latency percentiles (microseconds), bytes, and every kind of error wrk counts (socket
-- connect/read/write errors, timeouts, and responses with a status of 400 or more).
-- Scripts that build their own requests (post.lua, mix.lua) load this file first (dofile).
-- Each thread's number (1, 2, ...) as the global `tid`, for scripts that make requests unique.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"durationUs":%d,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"min":%d,"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
