// Every manifest under deploy/k8s, and each overlay as Kustomize renders it, against the
// Kubernetes, KEDA and Gateway API schemas, with unknown keys rejected twice over: built-in
// kinds decoded strictly by Kubernetes' own Go types (k8s-check), every kind type-checked
// against the model packages' declarations (schemas.ts).
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { schemaErrors, unknownKeyErrors } from "./schemas";
import { check, type Doc, K8S, manifestFiles, OVERLAYS, parseDocs, render } from "./tools";

setDefaultTimeout(180_000); // the first run builds k8s-check

const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(o)]));

describe.each(OVERLAYS)("%s, rendered", (overlay) => {
  const docs = parseDocs(rendered[overlay]!);

  test("matches the schemas", () => {
    expect(docs.length).toBeGreaterThan(15);
    expect(schemaErrors(docs)).toEqual([]);
  });

  test("has no unknown keys (TypeScript, against the schemas' declarations)", () => {
    expect(unknownKeyErrors(docs)).toEqual([]);
  });

  test("decodes strictly into Kubernetes' own types", () => {
    const bad = check(rendered[overlay]!).filter((o) => o.strict !== "ok" && o.strict !== "not built-in");
    expect(bad).toEqual([]);
  });
});

test("every manifest file on its own (patches are partial: rendered above)", () => {
  const patches = /overlays\/prod\/config\.yaml$/;
  const docs: Doc[] = manifestFiles()
    .filter((f) => !patches.test(f))
    .flatMap((f) => parseDocs(readFileSync(f, "utf8")));
  expect(docs.length).toBeGreaterThan(15);
  expect(schemaErrors(docs)).toEqual([]);
  expect(unknownKeyErrors(docs)).toEqual([]);
  const files = manifestFiles().map((f) => relative(K8S, f));
  expect(files).toContain("base/grader.yaml");
});

test("a misspelt key is caught, in a built-in kind and in KEDA's", () => {
  const docs = parseDocs(rendered["overlays/prod"]!);
  const grader = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "pypractice-grader")!;
  const container = (grader.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0]!;
  container.securityContext = { ...(container.securityContext as object), readOnlyRootFileSystem: true };
  const scaled = docs.find((d) => d.kind === "ScaledObject")!;
  (scaled.spec as Record<string, unknown>).minReplicas = 1;
  delete (scaled.spec as Record<string, unknown>).minReplicaCount;

  // The compiled schemas alone let both through: why the other two checks exist.
  expect(schemaErrors([grader, scaled])).toEqual([]);
  const ts = unknownKeyErrors([grader, scaled]);
  expect(ts.some((e) => e.includes("securityContext.readOnlyRootFileSystem"))).toBe(true);
  expect(ts.some((e) => e.includes("ScaledObject") && e.includes("minReplicas"))).toBe(true);
  const strict = check(Bun.YAML.stringify(grader)).find((o) => o.kind === "Deployment")!;
  expect(strict.strict).toContain('unknown field "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"');
});

test("any built-in kind is checked: a StatefulSet's typo and its pod, a misspelt kind, an old version", () => {
  const docs = parseDocs(rendered["overlays/prod"]!);
  const namespace = docs.find((d) => d.kind === "Namespace" && d.metadata.name === "pypractice")!;
  const web = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "pypractice-web")!;
  const { strategy: _, ...spec } = web.spec as Record<string, unknown>;
  const stateful = (name: string, container: Record<string, unknown>): Doc => {
    const template = structuredClone(spec.template) as { spec: { containers: Record<string, unknown>[] } };
    template.spec.containers = [{ ...template.spec.containers[0]!, ...container }];
    return {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name, namespace: "pypractice" },
      spec: { ...spec, serviceName: name, template },
    };
  };
  const typo = stateful("typo", { imagePullPolicyy: "Always" });
  const privileged = stateful("privileged", { securityContext: { privileged: true } });
  const misspelt: Doc = { ...stateful("misspelt", {}), kind: "StatefullSet" };
  const old: Doc = { ...web, apiVersion: "apps/v1beta1", metadata: { ...web.metadata, name: "old" } };
  const route = docs.find((d) => d.kind === "HTTPRoute")!;
  const yaml = [namespace, typo, privileged, misspelt, old, route].map((d) => Bun.YAML.stringify(d)).join("\n---\n");
  const byName = new Map(check(yaml).map((o) => [o.name, o]));

  expect(byName.get("typo")!.strict).toContain('unknown field "spec.template.spec.containers[0].imagePullPolicyy"');
  expect(byName.get("privileged")).toMatchObject({ strict: "ok", level: "restricted" });
  expect(byName.get("privileged")!.forbidden!.join(" ")).toContain("privileged");
  expect(byName.get("misspelt")!.strict).toBe(
    "apps/v1 StatefullSet is no stable Kubernetes kind that k8s-check knows (k8s.io/api's GA versions)",
  );
  expect(byName.get("old")!.strict).toContain("apps/v1beta1 Deployment is no stable Kubernetes kind");
  // A custom resource in a k8s.io group (Gateway API) is still the schema checks' to judge.
  expect(byName.get(route.metadata.name)!.strict).toBe("not built-in");
});
