"""Runs a handout's >>> examples against the assignment's reference solution with doctest,
for `bun run assignments:check`. The reference is authored code (the course staff's own,
never a student's), so it runs here without the sandbox, in a child process the caller
kills after a timeout.

stdin : {"reference": str, "handout": str}
stdout: {"examples": n, "failures": [{"source", "want", "got"}], "error": str (reference.py raised)}
"""

import doctest
import io
import json
import re
import sys
import traceback

# Every ```python block of the handout (the hint sections included).
BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.M | re.S)


class Collect(doctest.DocTestRunner):
    def __init__(self):
        super().__init__(verbose=False)
        self.problems = []

    def report_failure(self, out, test, example, got):
        self.problems.append({"source": example.source.strip(), "want": example.want.strip(), "got": got.strip()})

    def report_unexpected_exception(self, out, test, example, exc_info):
        got = traceback.format_exception_only(*exc_info[:2])[-1].strip()
        self.problems.append({"source": example.source.strip(), "want": example.want.strip(), "got": got})


def main():
    out = sys.stdout
    job = json.load(sys.stdin)
    text = "\n".join(BLOCK.findall(job["handout"]))
    parser = doctest.DocTestParser()
    examples = parser.get_examples(text)
    report = {"examples": len(examples), "failures": []}
    module = {"__name__": "reference"}
    sys.stdout = io.StringIO()  # what the reference prints on import is not our answer
    try:
        exec(compile(job["reference"], "reference.py", "exec"), module)
    except BaseException as e:  # noqa: BLE001 (any error of the reference is the answer)
        report["error"] = traceback.format_exception_only(type(e), e)[-1].strip()
    finally:
        sys.stdout = out
    if "error" not in report:
        runner = Collect()
        runner.run(parser.get_doctest(text, module, "handout", "handout.md", 0), out=lambda _: None)
        report["failures"] = runner.problems
    out.write(json.dumps(report) + "\n")


main()
