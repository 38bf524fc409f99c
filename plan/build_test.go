package plan

import (
	"slices"
	"strings"
	"testing"
)

const podHeader = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
`

// TestBuildErrors: what the kubelet would refuse (CreateContainerConfigError, a volume that
// cannot be set up) fails the plan with a message naming the container, the variable or
// volume, and the missing object or key.
func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		want     []string // substrings of the error
	}{
		{"envFrom configMap missing", podHeader + `
  containers:
  - name: web
    image: x:1
    envFrom: [{configMapRef: {name: settings}}]`, []string{`container "web"`, `configMap "settings" not found`}},
		{"envFrom secret missing", podHeader + `
  containers:
  - name: web
    image: x:1
    envFrom: [{secretRef: {name: creds}}]`, []string{`container "web"`, `secret "creds" not found`}},
		{"secretKeyRef object missing", podHeader + `
  containers:
  - name: web
    image: x:1
    env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}]`, []string{`container "web"`, `env "TOKEN"`, `secret "creds" not found`}},
		{"secretKeyRef key missing", podHeader + `
  initContainers:
  - name: init
    image: x:1
    env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}]
  containers: [{name: web, image: x:1}]
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {other: x}`, []string{`container "init"`, `env "TOKEN"`, `secret "creds" has no key "token"`}},
		{"configMapKeyRef key missing", podHeader + `
  containers:
  - name: web
    image: x:1
    env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: level}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {other: x}`, []string{`container "web"`, `env "LEVEL"`, `configMap "settings" has no key "level"`}},
		{"configMap volume missing", podHeader + `
  containers: [{name: web, image: x:1}]
  volumes: [{name: config, configMap: {name: settings}}]`, []string{`volume "config"`, `configMap "settings" not found`}},
		{"secret volume missing", podHeader + `
  containers: [{name: web, image: x:1}]
  volumes: [{name: creds, secret: {secretName: creds}}]`, []string{`volume "creds"`, `secret "creds" not found`}},
		{"volume item key missing", podHeader + `
  containers: [{name: web, image: x:1}]
  volumes: [{name: config, configMap: {name: settings, items: [{key: nope, path: nope}]}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {other: x}`, []string{`volume "config"`, `configMap "settings"`, `no key "nope"`}},
		{"projected source missing", podHeader + `
  containers: [{name: web, image: x:1}]
  volumes: [{name: all, projected: {sources: [{secret: {name: creds}}]}}]`, []string{`volume "all"`, `secret "creds" not found`}},
		{"subPathExpr undefined", podHeader + `
  containers:
  - name: web
    image: x:1
    volumeMounts: [{name: data, mountPath: /d, subPathExpr: "$(POD)/x"}]
  volumes: [{name: data, emptyDir: {}}]`, []string{`container "web"`, `volumeMount "data"`, `no value for POD`}},
		{"subPathExpr empty", podHeader + `
  containers:
  - name: web
    image: x:1
    env: [{name: POD, value: ""}]
    volumeMounts: [{name: data, mountPath: /d, subPathExpr: "$(POD)"}]
  volumes: [{name: data, emptyDir: {}}]`, []string{`container "web"`, `no value for POD`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(parseInput(t, tc.manifest), testOptions())
			if err == nil {
				t.Fatal("Build succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestBuildOptionErrors(t *testing.T) {
	in := parseInput(t, podHeader+"  containers: [{name: web, image: x:1}]")
	for name, o := range map[string]Options{
		"no run id":     {PauseImage: "pause"},
		"no pause":      {RunID: "r"},
		"unknown pull":  {RunID: "r", PauseImage: "pause", Pull: "sometimes"},
		"everything ok": {RunID: "r", PauseImage: "pause"},
	} {
		_, err := Build(in, o)
		if (err == nil) != (name == "everything ok") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := Build(nil, testOptions()); err == nil {
		t.Error("Build(nil): want an error")
	}
}

// TestOptionalValueFromKeepsEarlierValue: an optional valueFrom that resolves to nothing leaves
// the variable as envFrom (or an earlier entry) set it, not empty (§7.1).
func TestOptionalValueFromKeepsEarlierValue(t *testing.T) {
	p, err := Build(parseInput(t, podHeader+`
  containers:
  - name: web
    image: x:1
    envFrom: [{configMapRef: {name: settings}}]
    env:
    - {name: MODE, valueFrom: {secretKeyRef: {name: absent, key: mode, optional: true}}}
    - {name: GONE, valueFrom: {configMapKeyRef: {name: settings, key: nope, optional: true}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {MODE: fast}`), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	env := p.Containers[0].Config.Env
	if !slices.Contains(env, "MODE=fast") {
		t.Errorf("env = %v, want MODE=fast kept", env)
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "GONE=") {
			t.Errorf("env = %v, want GONE absent", env)
		}
	}
	if len(p.Containers[0].SecretEnv) != 0 {
		t.Errorf("SecretEnv = %v, want none: no Secret supplied a value", p.Containers[0].SecretEnv)
	}
}

// TestUnknownNodeResources: without the engine's figures, a value that needs them is a visible
// marker rather than a wrong number.
func TestUnknownNodeResources(t *testing.T) {
	in := parseInput(t, podHeader+`
  containers:
  - name: web
    image: x:1
    env:
    - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: MEM, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: REQ, valueFrom: {resourceFieldRef: {resource: requests.cpu}}}`)
	o := testOptions()
	o.NodeCPU, o.NodeMemory = 0, 0
	p, err := Build(in, o)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CPU=" + Placeholder("node.allocatable.cpu"), "MEM=" + Placeholder("node.allocatable.memory"), "REQ=0"}
	if got := p.Containers[0].Config.Env; !slices.Equal(got, want) {
		t.Errorf("env = %v, want %v", got, want)
	}
}

// TestDefaultUIDIsDeterministic: without metadata.uid the plan derives one from the run.
func TestDefaultUIDIsDeterministic(t *testing.T) {
	in := parseInput(t, podHeader+"  containers: [{name: web, image: x:1}]")
	a, _ := Build(in, testOptions())
	b, _ := Build(in, testOptions())
	o := testOptions()
	o.RunID = "r2"
	c, _ := Build(in, o)
	if a.Pod.UID == "" || a.Pod.UID != b.Pod.UID || a.Pod.UID == c.Pod.UID {
		t.Errorf("UIDs %q %q %q: want equal for one run, different across runs", a.Pod.UID, b.Pod.UID, c.Pod.UID)
	}
}
