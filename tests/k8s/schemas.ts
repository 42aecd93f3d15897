// Schema checks for the manifests: the Kubernetes, KEDA and Gateway API schemas as the
// kubernetes-models packages compile them (types, enums, required fields), plus unknown keys,
// which those schemas let through: each object is type-checked by TypeScript against the
// packages' declarations as an object literal, where every key must be a declared one.

import { join } from "node:path";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1";
import { ScaledObject, TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Secret, Service } from "kubernetes-models/v1";
import ts from "typescript";
import { type Doc, ROOT } from "./tools";

interface Model {
  new (data: any): { validate(): void };
}
/** apiVersion/kind: the model class, and the module + interface its declarations name. */
const KINDS: Record<string, [Model, string, string]> = {
  "v1/Namespace": [Namespace, "kubernetes-models/v1/Namespace", "INamespace"],
  "v1/ConfigMap": [ConfigMap, "kubernetes-models/v1/ConfigMap", "IConfigMap"],
  "v1/Secret": [Secret, "kubernetes-models/v1/Secret", "ISecret"],
  "v1/Service": [Service, "kubernetes-models/v1/Service", "IService"],
  "apps/v1/Deployment": [Deployment, "kubernetes-models/apps/v1/Deployment", "IDeployment"],
  "batch/v1/Job": [Job, "kubernetes-models/batch/v1/Job", "IJob"],
  "policy/v1/PodDisruptionBudget": [PodDisruptionBudget, "kubernetes-models/policy/v1/PodDisruptionBudget", "IPodDisruptionBudget"],
  "networking.k8s.io/v1/NetworkPolicy": [NetworkPolicy, "kubernetes-models/networking.k8s.io/v1/NetworkPolicy", "INetworkPolicy"],
  "keda.sh/v1alpha1/ScaledObject": [ScaledObject, "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject", "IScaledObject"],
  "keda.sh/v1alpha1/TriggerAuthentication": [
    TriggerAuthentication,
    "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication",
    "ITriggerAuthentication",
  ],
  "gateway.networking.k8s.io/v1/HTTPRoute": [
    HTTPRoute,
    "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute",
    "IHTTPRoute",
  ],
};
/** No model package exists for CloudNativePG: our transcription of the fields we use (cnpg.ts). */
const OWN_TYPES: Record<string, [string, string]> = {
  "postgresql.cnpg.io/v1/Cluster": ["./cnpg", "ICluster"],
};

const key = (d: Doc) => `${d.apiVersion}/${d.kind}`;
const label = (d: Doc) => `${d.kind} ${d.metadata?.namespace ?? ""}/${d.metadata?.name}`;

/** Schema errors of each document, in words ([] when all hold). */
export function schemaErrors(docs: Doc[]): string[] {
  const errors: string[] = [];
  for (const d of docs) {
    const known = KINDS[key(d)];
    if (!known) {
      if (!OWN_TYPES[key(d)]) errors.push(`${label(d)}: no schema known for ${key(d)}`);
      continue;
    }
    try {
      new known[0](normalized(d)).validate();
    } catch (e) {
      errors.push(`${label(d)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

/** Kustomize folds long base64 values over lines; the API server's decoder (Go's base64)
 * skips newlines, the schema's pattern does not. */
function normalized(d: Doc): Doc {
  if (d.kind !== "Secret" || !d.data) return d;
  const data = Object.fromEntries(Object.entries(d.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s+/g, "")]));
  return { ...d, data };
}

/** Unknown keys (and wrongly typed values) found by TypeScript, one sentence each. */
export function unknownKeyErrors(docs: Doc[]): string[] {
  const dir = join(ROOT, "tests", "k8s");
  const files = new Map<string, string>();
  const names: string[] = [];
  docs.forEach((d, i) => {
    const [module, type] = KINDS[key(d)]?.slice(1) ?? OWN_TYPES[key(d)] ?? [];
    if (!module) return;
    const file = join(dir, `.virtual-doc-${i}.ts`);
    files.set(file, `import type { ${type} } from "${module}";\nexport const doc: ${type} = ${JSON.stringify(d, null, 1)};\n`);
    names.push(label(d));
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(f);
    return text === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, text, lang);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const ours = [...files.keys()];
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const where = names[ours.indexOf(d.file!.fileName)];
      const path = jsonPath(d.file!, d.start ?? 0);
      return `${where}: ${path}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
}

/** The dotted path of the key at a position of the generated literal (for the sentence). */
function jsonPath(file: ts.SourceFile, pos: number): string {
  const parts: string[] = [];
  let node: ts.Node | undefined = findNode(file, pos);
  while (node) {
    if (ts.isPropertyAssignment(node)) parts.unshift(node.name.getText(file).replace(/"/g, ""));
    else if (ts.isArrayLiteralExpression(node.parent ?? node) && node.parent) {
      parts.unshift(`[${(node.parent as ts.ArrayLiteralExpression).elements.indexOf(node as ts.Expression)}]`);
    }
    node = node.parent;
  }
  return parts.join(".").replace(/\.\[/g, "[");
}

function findNode(node: ts.Node, pos: number): ts.Node | undefined {
  for (const child of node.getChildren()) {
    if (child.getStart() <= pos && pos < child.getEnd()) return findNode(child, pos) ?? child;
  }
  return undefined;
}
