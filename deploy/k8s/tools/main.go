// k8s-check: what tests/k8s needs from Kubernetes' own Go code, offline.
//
//	k8s-check render DIR   the Kustomize build of DIR (kubectl kustomize's library, krusty)
//	k8s-check check        reads rendered YAML on stdin; prints one JSON report:
//	  - every built-in object decoded strictly into its k8s.io/api type (an unknown or
//	    repeated key is an error, as the API server's fieldValidation=Strict makes it);
//	  - every pod template evaluated by the Pod Security Admission library at the level its
//	    namespace's pod-security.kubernetes.io/enforce label claims.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	kyaml "sigs.k8s.io/kustomize/kyaml/kio"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func render(dir string) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	m, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		fail(err)
	}
	out, err := m.AsYaml()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
}

// The built-in kinds these manifests use; anything else (KEDA, Gateway API, CloudNativePG)
// is left to the tests' schema checks.
func typed(apiVersion, kind string) any {
	switch apiVersion + "/" + kind {
	case "v1/Namespace":
		return &corev1.Namespace{}
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}
	case "v1/Secret":
		return &corev1.Secret{}
	case "v1/Service":
		return &corev1.Service{}
	case "apps/v1/Deployment":
		return &appsv1.Deployment{}
	case "batch/v1/Job":
		return &batchv1.Job{}
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "networking.k8s.io/v1/NetworkPolicy":
		return &networkingv1.NetworkPolicy{}
	}
	return nil
}

// strictDecode decodes as the API server does: case-sensitive keys (Go's encoding/json would
// take readOnlyRootFileSystem for readOnlyRootFilesystem), no unknown or repeated keys.
func strictDecode(raw string, target any) string {
	js, err := yaml.YAMLToJSONStrict([]byte(raw))
	if err != nil {
		return err.Error()
	}
	strict, err := sigsjson.UnmarshalStrict(js, target, sigsjson.DisallowUnknownFields)
	if err != nil {
		return err.Error()
	}
	if len(strict) > 0 {
		msgs := make([]string, len(strict))
		for i, e := range strict {
			msgs[i] = e.Error()
		}
		return strings.Join(msgs, "; ")
	}
	return "ok"
}

type object struct {
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Namespace string   `json:"namespace"`
	Strict    string   `json:"strict"` // "ok", "not built-in", or the decoding error
	Level     string   `json:"level,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
}

func podTemplate(obj any) (*metav1.ObjectMeta, *corev1.PodSpec) {
	switch o := obj.(type) {
	case *appsv1.Deployment:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *batchv1.Job:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}
	return nil, nil
}

func check(in io.Reader) {
	data, err := io.ReadAll(in)
	if err != nil {
		fail(err)
	}
	nodes, err := (&kyaml.ByteReader{Reader: bytes.NewReader(data), OmitReaderAnnotations: true}).Read()
	if err != nil {
		fail(err)
	}
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		fail(err)
	}
	levels := map[string]string{}
	var objects []object
	var decoded []any
	for _, n := range nodes {
		raw, err := n.String()
		if err != nil {
			fail(err)
		}
		o := object{Kind: n.GetKind(), Name: n.GetName(), Namespace: n.GetNamespace(), Strict: "not built-in"}
		target := typed(n.GetApiVersion(), n.GetKind())
		if target != nil {
			o.Strict = "ok"
			o.Strict = strictDecode(raw, target)
		}
		if ns, ok := target.(*corev1.Namespace); ok {
			levels[ns.Name] = ns.Labels[api.EnforceLevelLabel]
		}
		objects = append(objects, o)
		decoded = append(decoded, target)
	}
	for i, obj := range decoded {
		meta, spec := podTemplate(obj)
		if spec == nil {
			continue
		}
		level := levels[objects[i].Namespace]
		objects[i].Level = level
		if level == "" {
			objects[i].Forbidden = []string{"its namespace claims no pod-security.kubernetes.io/enforce level"}
			continue
		}
		lv := api.LevelVersion{Level: api.Level(level), Version: api.LatestVersion()}
		objects[i].Forbidden = []string{}
		for _, r := range evaluator.EvaluatePod(lv, meta, spec) {
			if !r.Allowed {
				objects[i].Forbidden = append(objects[i].Forbidden, r.ForbiddenReason+" ("+r.ForbiddenDetail+")")
			}
		}
	}
	out, _ := json.MarshalIndent(map[string]any{"psaVersion": api.LatestVersion().String(), "objects": objects}, "", "  ")
	os.Stdout.Write(append(out, '\n'))
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "render" {
		render(os.Args[2])
		return
	}
	if len(os.Args) == 2 && os.Args[1] == "check" {
		check(os.Stdin)
		return
	}
	fail(fmt.Errorf("usage: k8s-check render DIR | k8s-check check < rendered.yaml (%s)", strings.Join(os.Args[1:], " ")))
}
