-- Shared by the wrk scripts: one machine-readable line the runner parses (latencies in microseconds).
function report(summary, latency)
   local e = summary.errors
   io.write(string.format("BENCH requests=%d duration_us=%d errors=%d p50=%d p99=%d p999=%d\n",
      summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
      latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
