-- wrk script for one bench load case (bench/loadTest.ts runs it; wrk 4.x, one thread).
-- Arguments after "--": a start counter, then header name/value pairs. A start counter of "-" means a fixed path
-- (wrk then sends one pre-built request, with no Lua per request); a number means every request gets its own
-- `?since=` instant, counting up from it (bench/feedPaths.ts uncachedPath, the same format).
-- Prints one JSON line: wrk's own totals and latency percentiles (microseconds) and the counter it reached.

local threads = {}
local counter = nil
local path = nil

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	if args[1] ~= "-" then
		counter = tonumber(args[1])
		path = wrk.path
	end
	local i = 2
	while args[i] ~= nil do
		wrk.headers[args[i]] = args[i + 1]
		i = i + 2
	end
	if counter ~= nil then
		request = function()
			counter = counter + 1
			return wrk.format(nil, path .. "?since=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", counter))
		end
	end
end

function done(summary, latency, requests)
	local reached = -1
	for _, thread in ipairs(threads) do
		local value = thread:get("counter")
		if value ~= nil and value > reached then reached = value end
	end
	io.write(string.format(
		'{"requests":%d,"duration":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d,"counter":%d}\n',
		summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
		summary.errors.write, summary.errors.status, summary.errors.timeout,
		latency:percentile(50), latency:percentile(99), reached))
end
