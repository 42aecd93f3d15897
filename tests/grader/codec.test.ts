// The value encoding between runner and sandbox keeps types beginners' tests compare; what is
// not plain data goes to a hook (handles) and never decodes without one.
import { expect, test } from "bun:test";
import { join } from "node:path";

const HARNESS = join(import.meta.dir, "..", "..", "grader", "harness");

const SCRIPT = `
import json, math, sys
sys.path.insert(0, ${JSON.stringify(HARNESS)})
import codec
values = [None, True, False, 0, -7, 10**200, 2**5000, 1.5, -0.0, float('inf'), float('-inf'),
          "text", "ünï\\u2603", b"\\x00\\xff", bytearray(b"ab"), [1, [2, [3]]], (1, 2), (), (1,),
          {1, 2}, frozenset({"a"}), {1: "a", (2, 3): [4], None: {"x": 1.0}}, {"k": (1, [2])},
          range(1, 10, 2), 3 + 4j, [1, (2, {3})]]
for v in values:
    wire = json.loads(json.dumps(codec.encode(v)))
    back = codec.decode(wire)
    assert type(back) is type(v), (v, back)
    assert back == v, (v, back)
    if isinstance(v, float) and v == 0:
        assert math.copysign(1, back) == math.copysign(1, v)
nan = codec.decode(json.loads(json.dumps(codec.encode(float('nan')))))
assert math.isnan(nan)
class Weird:
    def __repr__(self): return "Weird()"
    def __eq__(self, o): return True
try:
    codec.encode([Weird()])
except codec.EncodeError:
    pass
else:
    raise AssertionError("an object encoded without a hook")
w = Weird()
seen = []
assert codec.encode([1, w], hook=lambda v: seen.append(v) or {"handle": [1, "Weird", ""]}) == [1, {"handle": [1, "Weird", ""]}]
assert seen == [w] and seen[0] is w
assert codec.decode([{"ref": 3}], hook=lambda tag, p: (tag, p)) == [("ref", 3)]
for bad in [{"nope": 1}, {"set": [[1]]}, {"dict": [[[1], 2]]}, {"a": 1, "b": 2}, {"bytes": "!!"},
            {"opaque": ["Weird", "Weird()"]}, {"handle": [1, "Weird", ""]}]:
    try:
        codec.decode(bad)
    except (codec.DecodeError, ValueError):
        pass
    else:
        raise AssertionError(bad)
deep = []
cur = deep
for _ in range(200):
    cur.append([]); cur = cur[0]
try:
    codec.encode(deep)
except codec.EncodeError:
    pass
else:
    raise AssertionError("deep value encoded")
print("codec ok")
`;

test("values round-trip faithfully; malformed data is refused", () => {
  const r = Bun.spawnSync(["/usr/bin/python3", "-I", "-c", SCRIPT]);
  expect(r.stderr.toString()).toBe("");
  expect(r.stdout.toString().trim()).toBe("codec ok");
});
