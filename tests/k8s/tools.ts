// What the Kubernetes tests share: k8s-check (deploy/k8s/tools, built once into a cache
// outside the repo, keyed by its source), rendering an overlay, and reading manifests.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dir, "..", "..");
export const K8S = join(ROOT, "deploy", "k8s");
export const OVERLAYS = ["base", "overlays/dev", "overlays/prod"] as const;
const TOOL_SRC = join(K8S, "tools");
const GO = Bun.which("go") ?? "/usr/local/go/bin/go";

export type Doc = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: unknown;
};

/** The k8s-check binary; built on first use (76 s with an empty Go build cache, measured). */
export function k8sCheck(): string {
  const hash = createHash("sha256");
  for (const f of ["go.mod", "go.sum", "main.go"]) hash.update(readFileSync(join(TOOL_SRC, f)));
  const dir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pypractice", "k8s-check");
  const bin = join(dir, hash.digest("hex").slice(0, 16));
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const build = Bun.spawnSync([GO, "build", "-o", bin, "."], {
    cwd: TOOL_SRC,
    env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    stderr: "pipe",
  });
  if (build.exitCode !== 0) throw new Error(`building k8s-check failed: ${build.stderr.toString()}`);
  console.log(`built k8s-check in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

function run(args: string[], stdin?: string): string {
  const p = Bun.spawnSync([k8sCheck(), ...args], { stdin: stdin === undefined ? "ignore" : Buffer.from(stdin), stderr: "pipe" });
  if (p.exitCode !== 0) throw new Error(`k8s-check ${args[0]}: ${p.stderr.toString()}`);
  return p.stdout.toString();
}

/** The Kustomize build of deploy/k8s/<overlay> (or of any directory). */
export function render(overlay: string): string {
  return run(["render", overlay.startsWith("/") ? overlay : join(K8S, overlay)]);
}

export interface Checked {
  kind: string;
  name: string;
  namespace: string;
  /** "ok", "not built-in", or why the strict decoding failed */
  strict: string;
  level?: string;
  forbidden?: string[];
}

/** Strict decoding and Pod Security Admission, by k8s-check. */
export function check(yaml: string): Checked[] {
  return (JSON.parse(run(["check"], yaml)) as { objects: Checked[] }).objects;
}

export const parseDocs = (yaml: string): Doc[] => {
  const parsed = Bun.YAML.parse(yaml) as Doc | Doc[];
  return (Array.isArray(parsed) ? parsed : [parsed]).filter(Boolean);
};

/** Every YAML file under deploy/k8s that holds Kubernetes objects (not kustomization files). */
export function manifestFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name) && e.name !== "kustomization.yaml") out.push(p);
    }
  };
  walk(K8S);
  return out.sort();
}

/** The pod templates of the workloads in a rendered overlay. */
export function podTemplates(docs: Doc[]) {
  return docs
    .filter((d) => d.kind === "Deployment" || d.kind === "Job")
    .map((d) => {
      const template = (d.spec as { template: { spec: PodSpec } }).template;
      return { name: d.metadata.name, namespace: d.metadata.namespace ?? "", spec: template.spec };
    });
}

export interface Container {
  name: string;
  env?: { name: string; value?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Record<string, unknown>[];
  [k: string]: unknown;
}
