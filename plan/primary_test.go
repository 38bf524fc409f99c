package plan

import (
	"strings"
	"testing"
)

const primaryPod = `apiVersion: v1
kind: Pod
metadata: {name: task}
spec:
  restartPolicy: Never
  initContainers:
  - {name: setup, image: busybox}
  containers:
  - {name: web, image: busybox}
  - {name: main, image: busybox}
`

// TestPrimaryRole: Options.Primary marks that regular container as the primary (its role, its
// label, Plan.Primary), which the runner ends the pod on (flyte-pod-semantics.md §3.8); other
// containers keep their roles.
func TestPrimaryRole(t *testing.T) {
	cases := []struct {
		name    string
		primary string
		roles   map[string]Role
		err     string
	}{
		{"plain pod", "", map[string]Role{"setup": RoleInit, "web": RoleApp, "main": RoleApp}, ""},
		{"primary", "main", map[string]Role{"setup": RoleInit, "web": RoleApp, "main": RolePrimary}, ""},
		{"not a container", "nosuch", nil, `primary container "nosuch" is not a regular container`},
		{"an init container cannot be primary", "setup", nil, `primary container "setup" is not a regular container`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions()
			o.Primary = tc.primary
			p, err := Build(parseInput(t, primaryPod), o)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("want error %q, got %v", tc.err, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Primary != tc.primary {
				t.Errorf("Plan.Primary = %q, want %q", p.Primary, tc.primary)
			}
			for _, c := range append(append([]Container{}, p.Init...), p.Containers...) {
				if c.Role != tc.roles[c.Name] {
					t.Errorf("%s: role %q, want %q", c.Name, c.Role, tc.roles[c.Name])
				}
				if got := c.Config.Labels[LabelRole]; got != string(tc.roles[c.Name]) {
					t.Errorf("%s: label %s=%q, want %q", c.Name, LabelRole, got, tc.roles[c.Name])
				}
			}
		})
	}
}
