-- Appended to (or used as) a wrk script by the bench/*.sh scripts: one line
-- "RESULT <requests/s> <p99 ms> <errors>" at the end of a run.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, errors))
end
