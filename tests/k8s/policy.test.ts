// Policies as tests, on each rendered overlay: the Pod Security level each namespace claims
// holds for every pod template (judged by Kubernetes' own Pod Security Admission library),
// the graders' least privilege field by field, no host paths or runtime sockets, and
// requests and limits on every container.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { type Container, check, OVERLAYS, parseDocs, podTemplates, render } from "./tools";

setDefaultTimeout(180_000);

const CLAIMS: Record<string, string> = { pypractice: "restricted", "pypractice-grading": "baseline" };

describe.each(OVERLAYS)("%s", (overlay) => {
  const yaml = render(overlay);
  const docs = parseDocs(yaml);
  const pods = podTemplates(docs);
  const containers = (spec: { containers: Container[]; initContainers?: Container[] }) => [
    ...spec.containers,
    ...(spec.initContainers ?? []),
  ];

  test("each namespace claims its level, and every pod template meets it (Pod Security Admission)", () => {
    const namespaces = docs.filter((d) => d.kind === "Namespace");
    for (const ns of namespaces) expect(ns.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe(CLAIMS[ns.metadata.name]!);
    const judged = check(yaml).filter((o) => o.level !== undefined);
    expect(judged.length).toBe(pods.length);
    for (const o of judged)
      expect({ pod: o.name, level: o.level, forbidden: o.forbidden ?? [] }).toEqual({
        pod: o.name,
        level: CLAIMS[o.namespace]!,
        forbidden: [],
      });
    // Only the graders are below Restricted.
    expect(judged.filter((o) => o.level !== "restricted").map((o) => o.name)).toEqual(["pypractice-grader"]);
  });

  test("nothing mounts a host path or the container runtime's socket, or shares the host's namespaces", () => {
    for (const { name, spec } of pods) {
      // emptyDir only (a socket or host directory could come in only through hostPath).
      const kinds = (spec.volumes ?? []).flatMap((v) => Object.keys(v).filter((k) => k !== "name"));
      expect({ name, kinds: kinds.filter((k) => k !== "emptyDir") }).toEqual({ name, kinds: [] });
      for (const key of ["hostNetwork", "hostPID", "hostIPC"]) expect(spec[key]).toBeUndefined();
      const mounts = containers(spec).flatMap((c) => c.volumeMounts ?? []);
      expect(mounts.filter((m) => /\.sock$|docker|containerd|crio/.test(m.mountPath))).toEqual([]);
    }
  });

  test("every container has requests and limits for cpu and memory", () => {
    for (const { name, spec } of pods) {
      for (const c of containers(spec)) {
        const r = c.resources ?? {};
        expect({
          pod: name,
          container: c.name,
          requests: Object.keys(r.requests ?? {}).sort(),
          limits: Object.keys(r.limits ?? {}).sort(),
        }).toEqual({
          pod: name,
          container: c.name,
          requests: ["cpu", "memory"],
          limits: ["cpu", "memory"],
        });
      }
    }
  });

  test("no pod but the graders runs as root or keeps a capability; none has a service-account token", () => {
    for (const { name, spec } of pods) {
      expect({ name, token: spec.automountServiceAccountToken }).toEqual({ name, token: false });
      if (name === "pypractice-grader") continue;
      for (const c of containers(spec)) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
        expect((c.securityContext?.capabilities as { add?: string[] } | undefined)?.add).toBeUndefined();
      }
    }
  });

  test("the graders: the least privilege that lets bubblewrap run", () => {
    const grader = pods.find((p) => p.name === "pypractice-grader")!;
    const { spec } = grader;
    expect(grader.namespace).toBe("pypractice-grading");
    expect(spec.hostUsers).toBe(false); // a user namespace: root inside is nobody on the node
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.securityContext).toEqual({
      runAsUser: 0,
      runAsGroup: 0,
      seccompProfile: { type: "Localhost", localhostProfile: "profiles/pypractice-grader.json" },
    });
    expect(spec.containers.length).toBe(1);
    const c = spec.containers[0]!;
    expect(c.securityContext).toEqual({
      privileged: false,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"], add: ["SETUID", "SETGID", "KILL"] },
      procMount: "Unmasked",
      appArmorProfile: { type: "Localhost", localhostProfile: "pypractice-grader" },
      readOnlyRootFilesystem: true,
    });
  });

  test("a scale-down never kills a job: the grace period is above the longest job", () => {
    const grader = pods.find((p) => p.name === "pypractice-grader")!;
    const config = docs.find((d) => d.kind === "ConfigMap" && d.metadata.name === "pypractice-grader-config")!;
    const wall = Number((config.data as Record<string, string>).GRADER_WALL_SECONDS);
    expect(wall).toBeGreaterThan(0);
    // A job: the wall limit, then the Runner's backstop of 15 s more (grader/grade.ts), then
    // the result's write; SIGTERM makes the grader finish it and exit (tests/faults/graders.test.ts).
    expect(grader.spec.terminationGracePeriodSeconds as number).toBeGreaterThan(wall + 15 + 10);
  });
});

test("only the migrate Job syncs assignments: web pods start with SYNC_ASSIGNMENTS_ON_START=false", () => {
  for (const overlay of OVERLAYS) {
    const pods = podTemplates(parseDocs(render(overlay)));
    const sync = (name: string) =>
      pods.find((p) => p.name === name)!.spec.containers[0]!.env?.find((e) => e.name === "SYNC_ASSIGNMENTS_ON_START")?.value;
    expect({ overlay, web: sync("pypractice-web"), migrate: sync("pypractice-migrate") }).toEqual({
      overlay,
      web: "false",
      migrate: "true",
    });
  }
});

test("graders may reach DNS (NodeLocal DNSCache too), Redis and Postgres only, and nothing may reach them", () => {
  for (const overlay of OVERLAYS) {
    const docs = parseDocs(render(overlay));
    const policy = docs.find((d) => d.kind === "NetworkPolicy" && d.metadata.namespace === "pypractice-grading")!;
    type Rule = { to: Record<string, unknown>[]; ports: { port: number; protocol: string }[] };
    const spec = policy.spec as { podSelector: object; policyTypes: string[]; ingress: unknown[]; egress: Rule[] };
    expect(spec.podSelector).toEqual({});
    expect(spec.policyTypes.sort()).toEqual(["Egress", "Ingress"]);
    expect(spec.ingress).toEqual([]);
    expect(spec.egress.map((e) => e.ports.map((p) => p.port))).toEqual([[53, 53], [6379], [5432]]);
    // DNS over UDP and TCP, to the cluster's DNS pods or to NodeLocal DNSCache on the node
    // (169.254.20.10, no pod to select); no other ipBlock anywhere.
    const [dns, ...others] = spec.egress;
    expect(dns!.ports.map((p) => p.protocol).sort()).toEqual(["TCP", "UDP"]);
    expect(dns!.to).toEqual([
      {
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
        podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
      },
      { ipBlock: { cidr: "169.254.20.10/32" } },
    ]);
    for (const rule of others) for (const peer of rule.to) expect(peer.ipBlock).toBeUndefined();
  }
});
