-- wrk script: GET /api/search for each query of a benchmark mix in turn (Benchmarks/queries).
--   MIX=Benchmarks/queries/mix-1000000.tsv wrk -t1 -c1 -d30s --latency -s Benchmarks/http/search-mix.lua http://127.0.0.1:8390
-- Every thread walks the mix from its start; responses other than 200 are counted and printed at the end.
local paths = {}
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local mix = os.getenv("MIX") or "Benchmarks/queries/mix-1000000.tsv"
for line in io.lines(mix) do
  if line:sub(1, 1) ~= "#" then
    local _, query = line:match("^([^\t]*)\t([^\t]*)")
    if query then paths[#paths + 1] = "/api/search?q=" .. encode(query) end
  end
end
local position = 0
local failures = 0
request = function()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
response = function(status)
  if status ~= 200 then failures = failures + 1 end
end
done = function(summary, latency)
  io.write(string.format("queries in the mix: %d; non-200 answers: %d\n", #paths, summary.errors.status))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%g %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
