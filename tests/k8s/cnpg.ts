// CloudNativePG's Cluster, only the fields overlays/prod/cnpg-cluster.yaml uses, transcribed
// from its API reference (postgresql.cnpg.io/v1): no model package exists offline, and this
// at least turns a misspelt key into an error. A real cluster checks the rest (README).
export interface ICluster {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Cluster";
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: {
    instances: number;
    imageName?: string;
    bootstrap?: { initdb?: { database?: string; owner?: string; secret?: { name: string } } };
    postgresql?: { parameters?: Record<string, string> };
    storage: { size: string; storageClass?: string };
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  };
}
