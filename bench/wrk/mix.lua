-- Postgres under load (bench/postgres.ts): four of five requests read a graded submission
-- of one of the prepared users (one query each), one is a new visitor's POST.
-- args: a file of "<submission id> <cookie>" lines, the path to POST submissions to.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local readers, post, n = {}, "/", 0
function init(args)
  for line in io.lines(args[1]) do
    local id, cookie = line:match("^(%d+) (.+)$")
    readers[#readers + 1] = { path = "/api/submissions/" .. id, cookie = cookie }
  end
  post = args[2]
end

function request()
  n = n + 1
  if n % 5 == 0 then
    local body = string.format('{"code":"def f():\\n    return %d  # t%d\\n"}', n, tid or 0)
    return wrk.format("POST", post, { ["Content-Type"] = "application/json" }, body)
  end
  local r = readers[n % #readers + 1]
  return wrk.format("GET", r.path, { Cookie = r.cookie })
end
