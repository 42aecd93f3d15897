// Grades code against an assignment's real tests through the real sandbox.
import { readAssignments } from "../../src/assignments/files";
import { grade } from "../../grader/grade";
import { sandboxSpec, slotUid } from "../../grader/sandbox";
import { testConfig } from "./app";

export const assignmentFiles = readAssignments(testConfig().assignmentsDir);

export function filesOf(slug: string) {
  const a = assignmentFiles.find((x) => x.slug === slug);
  if (!a) throw new Error(`no assignment ${slug}`);
  return a;
}

export function gradeCode(slug: string, source: string, env: Record<string, string> = {}) {
  const config = testConfig(env);
  return grade(config, sandboxSpec(config, "bwrap", slotUid(config)), { source, tests: filesOf(slug).testCode });
}
