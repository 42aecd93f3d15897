-- POST a new submission: a JSON body whose code differs on every request (a comment with the
-- thread and a counter), so nothing is answered from an identical earlier submission.
-- No cookie: each POST is a new visitor's, so the one-pending-submission rule never answers
-- 409 (a returning student's second POST would wait for the first one's grading).
-- args: the code (JSON-escaped), e.g. wrk ... -s post.lua URL -- 'def sum(a, b):\n    return a + b'
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local code, n = "pass", 0
function init(args)
  code = args[1] or code
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format('{"code":"%s  # t%d n%d\\n"}', code, tid or 0, n))
end
