package plan

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// loadFixture reads a test manifest: a Pod with the ConfigMaps and Secrets that travel with
// it. It applies the few API-server defaults plan relies on (§0) itself, so these tests do
// not depend on the loader being written beside them.
func loadFixture(t *testing.T, file string) *podspec.Input {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return decodeFixture(t, file, raw)
}

func decodeFixture(t *testing.T, file string, raw []byte) *podspec.Input {
	t.Helper()
	in := &podspec.Input{File: file, ConfigMaps: map[string]*corev1.ConfigMap{}, Secrets: map[string]*corev1.Secret{}}
	for _, doc := range bytes.Split(raw, []byte("\n---\n")) {
		var head struct{ Kind string }
		if err := yaml.Unmarshal(doc, &head); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		switch head.Kind {
		case "Pod":
			var pod corev1.Pod
			strict(t, file, doc, &pod)
			in.Raw = pod.DeepCopy()
			in.Pod = &pod
		case "ConfigMap":
			var cm corev1.ConfigMap
			strict(t, file, doc, &cm)
			in.ConfigMaps[cm.Name] = &cm
		case "Secret":
			var s corev1.Secret
			strict(t, file, doc, &s)
			in.Secrets[s.Name] = &s
		default:
			t.Fatalf("%s: unexpected kind %q", file, head.Kind)
		}
	}
	if in.Pod == nil {
		t.Fatalf("%s: no Pod", file)
	}
	applyTestDefaults(in.Pod)
	return in
}

func strict(t *testing.T, file string, doc []byte, into any) {
	t.Helper()
	if err := yaml.UnmarshalStrict(doc, into); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

func applyTestDefaults(pod *corev1.Pod) {
	if pod.Namespace == "" {
		pod.Namespace = "default"
	}
	s := &pod.Spec
	if s.RestartPolicy == "" {
		s.RestartPolicy = corev1.RestartPolicyAlways
	}
	if s.TerminationGracePeriodSeconds == nil {
		g := int64(30)
		s.TerminationGracePeriodSeconds = &g
	}
	if s.DNSPolicy == "" {
		s.DNSPolicy = corev1.DNSClusterFirst
	}
	for _, list := range [][]corev1.Container{s.InitContainers, s.Containers} {
		for i := range list {
			c := &list[i]
			if c.TerminationMessagePath == "" {
				c.TerminationMessagePath = "/dev/termination-log"
			}
			if c.TerminationMessagePolicy == "" {
				c.TerminationMessagePolicy = corev1.TerminationMessageReadFile
			}
			if c.ImagePullPolicy == "" {
				c.ImagePullPolicy = corev1.PullPolicy(defaultPullPolicy(c.Image))
			}
			for name, q := range c.Resources.Limits {
				if _, ok := c.Resources.Requests[name]; !ok {
					if c.Resources.Requests == nil {
						c.Resources.Requests = corev1.ResourceList{}
					}
					c.Resources.Requests[name] = q
				}
			}
		}
	}
	for i := range s.Volumes {
		if s.Volumes[i].VolumeSource == (corev1.VolumeSource{}) {
			s.Volumes[i].EmptyDir = &corev1.EmptyDirVolumeSource{}
		}
	}
}

// testOptions are the options of every golden case: a 4-CPU, 8 GiB engine host.
func testOptions() Options {
	return Options{
		RunID:      "r1",
		PauseImage: "podrun/pause:test",
		NodeCPU:    4,
		NodeMemory: 8 << 30,
	}
}

func caseName(file string) string {
	return strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".yaml")
}

func meta(name string) metav1.ObjectMeta { return metav1.ObjectMeta{Name: name, Namespace: "default"} }

// parseInput reads an inline manifest, as loadFixture reads a file.
func parseInput(t *testing.T, manifest string) *podspec.Input {
	t.Helper()
	return decodeFixture(t, "pod.yaml", []byte(manifest))
}
