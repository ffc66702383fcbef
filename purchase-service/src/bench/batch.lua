-- wrk script: POST /api/v1/events:batch with BATCH_SIZE (default 500) PurchaseCompleted events per request, every
-- event with a unique eventId, customers spread over the partitions.
--   BATCH_SIZE=500 wrk -t2 -c4 -d30s --latency -s purchase-service/src/bench/batch.lua http://127.0.0.1:8080
-- events/s = requests/s x BATCH_SIZE (printed). API key: LOYALTY_API_KEY (default local-dev-key).
local size = tonumber(os.getenv("BATCH_SIZE") or "500")
local key = os.getenv("LOYALTY_API_KEY") or "local-dev-key"
local run = tostring(os.time())
local counter = 0
local item = '{"type":"PurchaseCompleted","eventId":"batch-%s-%s-%d","customerId":"c-%d",'
	.. '"occurredAt":"2026-11-20T10:15:30Z","orderId":"o-%d","storeId":"S1","channel":"WEB","region":"EU-WEST",'
	.. '"lines":[{"lineId":"1","sku":"SKU-TEA","category":"GROCERY","quantity":2,"unitPrice":4.50},'
	.. '{"lineId":"2","sku":"SKU-CUP","category":"HOME","quantity":1,"unitPrice":12.00}],'
	.. '"total":21.00,"currency":"EUR"}'
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
local thread_id = 0
local threads = {}

function setup(thread)
	thread_id = thread_id + 1
	thread:set("id", thread_id)
	table.insert(threads, thread)
end

function init(args)
	codes = {}
end

function request()
	local items = {}
	for i = 1, size do
		counter = counter + 1
		items[i] = string.format(item, run, id, counter, counter % 10000, counter)
	end
	return wrk.format("POST", "/api/v1/events:batch", headers, '{"events":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
	codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
	local seconds = summary.duration / 1e6
	io.write(string.format("batches/s: %.1f  events/s: %.0f  (batch of %d)  p50: %.1f ms  p99: %.1f ms\n",
		summary.requests / seconds, summary.requests * size / seconds, size, latency:percentile(50) / 1000.0,
		latency:percentile(99) / 1000.0))
	for _, thread in ipairs(threads) do
		for status, count in pairs(thread:get("codes")) do
			io.write(string.format("thread %d: HTTP %d x %d\n", thread:get("id"), status, count))
		end
	end
end
