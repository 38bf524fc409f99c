package warnings

import (
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/podrun/podrun/podspec"
)

// ruleCase is a pod fragment and the warnings it must produce, as "code@path" (container
// warnings as "code@path#container"). An empty want means: no warning at all.
type ruleCase struct {
	name string
	pod  string
	want []string
	cms  []string // ConfigMaps in the input
	secs []string // Secrets in the input
}

// analyzeYAML builds an Input from a Pod written in YAML, the way the loader would, without
// defaults: the rules read Raw.
func analyzeYAML(t *testing.T, doc string, cms, secs []string) []Warning {
	t.Helper()
	var pod corev1.Pod
	if err := yaml.UnmarshalStrict([]byte(doc), &pod); err != nil {
		t.Fatalf("bad test pod: %v", err)
	}
	in := &podspec.Input{File: "t.yaml", Raw: &pod, Pod: &pod,
		ConfigMaps: map[string]*corev1.ConfigMap{}, Secrets: map[string]*corev1.Secret{}}
	for _, n := range cms {
		in.ConfigMaps[n] = &corev1.ConfigMap{}
	}
	for _, n := range secs {
		in.Secrets[n] = &corev1.Secret{}
	}
	return Analyze(in)
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, w := range analyzeYAML(t, tc.pod, tc.cms, tc.secs) {
				s := string(w.Code) + "@" + w.Path
				if w.Container != "" {
					s += "#" + w.Container
				}
				got = append(got, s)
				if w.Message == "" {
					t.Errorf("%s has no message", s)
				}
				if d, ok := Lookup(w.Code); !ok || d.Severity != w.Severity {
					t.Errorf("%s: severity %q does not match its documentation", s, w.Severity)
				}
			}
			want := slices.Clone(tc.want)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("warnings:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
		})
	}
}

// app is a one-container pod to which a case appends spec fields (indented two spaces).
func app(spec string) string {
	return "metadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox\n" + spec
}

// appC is a one-container pod with container fields (indented four spaces).
func appC(container string) string {
	return "metadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox\n" + container
}
