-- POST /api/v1/checkout/quote with a bearer token: 20-line baskets, a member card, the member's coupon and a
-- public one. Arguments (after --): token members-file baskets-file [sequential]
--   members-file: one "cardNo,couponCode" per line; baskets-file: one JSON array of lines per line.
-- "sequential" walks the members in order once and then stops (warm-up: every member grain gets activated once).
local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local function read_lines(path)
   local out = {}
   for line in io.lines(path) do out[#out + 1] = line end
   return out
end

function init(args)
   token = args[1]
   members = read_lines(args[2])
   baskets = read_lines(args[3])
   sequential = args[4] == "sequential"
   nthreads = tonumber(args[5] or "2")
   n = id
   math.randomseed(1000 + id)
   headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
   local m
   if sequential then
      n = n + nthreads
      m = members[(n % #members) + 1]
   else
      m = members[math.random(#members)]
   end
   local comma = string.find(m, ",", 1, true)
   local body = '{"storeId":"S001","laneId":"L01","member":{"cardNo":"' .. string.sub(m, 1, comma - 1) ..
      '"},"lines":' .. baskets[math.random(#baskets)] ..
      ',"coupons":["' .. string.sub(m, comma + 1) .. '","BENCH-FOOD-5"],"redeemPoints":100}'
   return wrk.format("POST", "/api/v1/checkout/quote", headers, body)
end

function response(status, headers, body)
   if sequential and n >= #members and not stopped then
      -- The runner interrupts wrk once every thread has said this (wrk would otherwise sleep out its -d).
      stopped = true
      io.stderr:write("wrk-thread-stopped\n")
      wrk.thread:stop()
   end
   if status ~= 200 and not reported then
      reported = true
      io.stderr:write("quote.lua: HTTP " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
   end
end

dofile(string.gsub(debug.getinfo(1, "S").source:sub(2), "quote.lua$", "report.lua"))

function done(summary, latency, requests)
   report(summary, latency)
end
