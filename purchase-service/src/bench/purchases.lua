-- wrk script: POST /api/v1/purchases with a unique eventId per request (a repeated id would be answered from the
-- idempotency window without reaching Kafka) and customers spread over the partitions.
--   wrk -t2 -c32 -d30s --latency -s purchase-service/src/bench/purchases.lua http://127.0.0.1:8080
-- API key: LOYALTY_API_KEY (default local-dev-key).
local counter = 0
local run = tostring(os.time())
local key = os.getenv("LOYALTY_API_KEY") or "local-dev-key"
local template = '{"eventId":"bench-%s-%s-%d","customerId":"c-%d","occurredAt":"2026-11-20T10:15:30Z",'
	.. '"orderId":"o-%d","storeId":"S1","channel":"WEB","region":"EU-WEST",'
	.. '"lines":[{"lineId":"1","sku":"SKU-TEA","category":"GROCERY","quantity":2,"unitPrice":4.50},'
	.. '{"lineId":"2","sku":"SKU-CUP","category":"HOME","quantity":1,"unitPrice":12.00}],'
	.. '"total":21.00,"currency":"EUR"}'
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
local thread_id = 0
local statuses = {}

function setup(thread)
	thread_id = thread_id + 1
	thread:set("id", thread_id)
	table.insert(statuses, thread)
end

function init(args)
	counter = 0
	codes = {}
end

function request()
	counter = counter + 1
	local body = string.format(template, run, id, counter, counter % 10000, counter)
	return wrk.format("POST", "/api/v1/purchases", headers, body)
end

function response(status, headers, body)
	codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
	local p = function(q) return latency:percentile(q) / 1000.0 end
	io.write(string.format("requests/s: %.0f  p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
		summary.requests / (summary.duration / 1e6), p(50), p(90), p(99), latency.max / 1000.0))
	for _, thread in ipairs(statuses) do
		local threadCodes = thread:get("codes")
		for status, count in pairs(threadCodes) do
			io.write(string.format("thread %d: HTTP %d x %d\n", thread:get("id"), status, count))
		end
	end
end
