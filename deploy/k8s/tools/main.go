// k8s-check: what tests/k8s needs from Kubernetes' own Go code, offline.
//
//	k8s-check render DIR   the Kustomize build of DIR (kubectl kustomize's library, krusty)
//	k8s-check check        reads rendered YAML on stdin; prints one JSON report:
//	  - every built-in object decoded strictly into its k8s.io/api type (an unknown or
//	    repeated key is an error, as the API server's fieldValidation=Strict makes it); a kind
//	    or version of a Kubernetes group that k8s.io/api's stable versions lack is an error too;
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

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv1 "k8s.io/api/autoscaling/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	certificatesv1 "k8s.io/api/certificates/v1"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	eventsv1 "k8s.io/api/events/v1"
	flowcontrolv1 "k8s.io/api/flowcontrol/v1"
	networkingv1 "k8s.io/api/networking/v1"
	nodev1 "k8s.io/api/node/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	resourcev1 "k8s.io/api/resource/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	kyaml "sigs.k8s.io/kustomize/kyaml/kio"
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

// Every stable (GA) group-version of k8s.io/api: what client-go's scheme holds, less the
// alpha and beta versions (a current API server serves few of them; a manifest should not use
// them). Any kind of these is decoded strictly, whichever our manifests use today.
var builtins = func() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		admissionregistrationv1.AddToScheme, appsv1.AddToScheme, autoscalingv1.AddToScheme,
		autoscalingv2.AddToScheme, batchv1.AddToScheme, certificatesv1.AddToScheme,
		coordinationv1.AddToScheme, corev1.AddToScheme, discoveryv1.AddToScheme,
		eventsv1.AddToScheme, flowcontrolv1.AddToScheme, networkingv1.AddToScheme,
		nodev1.AddToScheme, policyv1.AddToScheme, rbacv1.AddToScheme, resourcev1.AddToScheme,
		schedulingv1.AddToScheme, storagev1.AddToScheme,
	} {
		if err := add(s); err != nil {
			fail(err)
		}
	}
	return s
}()

// Groups under k8s.io served by CustomResourceDefinitions, not by Kubernetes itself: left to the
// tests' schema checks, like KEDA's and CloudNativePG's.
var crdGroups = map[string]bool{"gateway.networking.k8s.io": true}

// typed is the empty object of a built-in kind, or nil with why not: "not built-in" for a
// custom resource, else an error (an unknown kind or version in a Kubernetes group, which would
// otherwise pass unchecked: a misspelt kind, an alpha version).
func typed(apiVersion, kind string) (runtime.Object, string) {
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		return nil, err.Error()
	}
	gvk := gv.WithKind(kind)
	if builtins.Recognizes(gvk) {
		obj, err := builtins.New(gvk)
		if err != nil {
			return nil, err.Error()
		}
		return obj, "ok"
	}
	g := gv.Group
	if g == "" || builtins.IsGroupRegistered(g) || g == "extensions" || (strings.HasSuffix(g, ".k8s.io") && !crdGroups[g]) {
		return nil, fmt.Sprintf("%s %s is no stable Kubernetes kind that k8s-check knows (k8s.io/api's GA versions)", apiVersion, kind)
	}
	return nil, "not built-in"
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

// podTemplate is the pod an object makes (the kinds Pod Security Admission checks).
func podTemplate(obj any) (*metav1.ObjectMeta, *corev1.PodSpec) {
	switch o := obj.(type) {
	case *corev1.Pod:
		return &o.ObjectMeta, &o.Spec
	case *corev1.PodTemplate:
		return &o.Template.ObjectMeta, &o.Template.Spec
	case *corev1.ReplicationController:
		if o.Spec.Template != nil {
			return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
		}
	case *appsv1.Deployment:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.StatefulSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.DaemonSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.ReplicaSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *batchv1.Job:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *batchv1.CronJob:
		return &o.Spec.JobTemplate.Spec.Template.ObjectMeta, &o.Spec.JobTemplate.Spec.Template.Spec
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
		target, why := typed(n.GetApiVersion(), n.GetKind())
		o := object{Kind: n.GetKind(), Name: n.GetName(), Namespace: n.GetNamespace(), Strict: why}
		if target != nil {
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
