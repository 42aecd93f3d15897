// The real course: its shape (the bar: 60 assignments in 10 modules) and every
// assignment proved by `bun run assignments:check` itself, run as users and CI run it.
import { describe, expect, test } from "bun:test";
import { readCourse } from "../../src/assignments/files";
import { testConfig } from "../helpers/app";
import { runCheck } from "./run-check";

const course = readCourse(testConfig().assignmentsDir);

describe("the course on disk", () => {
  test("numbered in order, the seed's three first", () => {
    expect(course.assignments.slice(0, 3).map((a) => a.title)).toEqual(["Hello", "Hello world", "Sum"]);
    expect(course.assignments.map((a) => a.position)).toEqual(course.assignments.map((_, i) => i + 1));
  });

  test("at least 60 assignments in at least 10 modules, every assignment in a module", () => {
    expect(course.assignments.length).toBeGreaterThanOrEqual(60);
    expect(course.modules.length).toBeGreaterThanOrEqual(10);
    expect(course.assignments.filter((a) => !a.module).map((a) => a.slug)).toEqual([]);
  });

  test("bun run assignments:check proves every assignment (exit 0)", async () => {
    const run = await runCheck([]);
    console.log(`${run.stdout}${run.stderr}\nassignments:check took ${run.seconds.toFixed(1)} s`);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`${course.assignments.length} assignments checked: all ${course.assignments.length} proved`);
  }, 600_000);
});
