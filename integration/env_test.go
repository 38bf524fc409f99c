//go:build integration

package integration

import (
	"net"
	"regexp"
	"strings"
	"testing"
)

// Environment, command and args (issue point 6, kubelet-semantics §7, §8).

const envManifest = `
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {MODE: production, LEVEL: debug}
---
apiVersion: v1
kind: Secret
metadata: {name: app-secret}
stringData: {TOKEN: abc123}
---
apiVersion: v1
kind: Pod
metadata: {name: it-env, namespace: team, labels: {tier: web}}
spec:
  restartPolicy: Never
  containers:
  - name: env
    image: podrun/busybox:local
    workingDir: /srv/work
    envFrom:
    - {prefix: CFG_, configMapRef: {name: app-config}}
    - {secretRef: {name: app-secret}}
    env:
    - {name: FIRST, value: one}
    - {name: SECOND, value: "$(FIRST)-two"}
    - {name: EARLY, value: "[$(LATER)]"}
    - {name: LATER, value: late}
    - {name: ESCAPED, value: "$$(FIRST)"}
    - {name: UNDEF, value: "$(NO_SUCH_VAR)"}
    - {name: IMAGE_PATH, value: "$(PATH)"}
    - {name: FROM_PREFIXED, value: "$(CFG_MODE)"}
    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LEVEL}}}
    - {name: PASS, valueFrom: {secretKeyRef: {name: app-secret, key: TOKEN}}}
    - {name: MISSING_KEY, valueFrom: {configMapKeyRef: {name: app-config, key: nokey, optional: true}}}
    - {name: MISSING_SECRET_KEY, valueFrom: {secretKeyRef: {name: app-secret, key: nokey, optional: true}}}
    - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: POD_NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
    - {name: TIER, valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}}
    - {name: CPU_MILLI, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}
    - {name: CPU_CORES, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: MEM_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
    resources: {limits: {cpu: 250m, memory: 64Mi}}
    command:
    - sh
    - -c
    - |
      env | sort
      echo pwd=$(pwd)
      env | grep -q '^MISSING_KEY='; echo missing_key_rc=$?
      env | grep -q '^MISSING_SECRET_KEY='; echo missing_secret_key_rc=$?
      env | grep -q '^MODE='; echo unprefixed_rc=$?
      echo hostname_i=$(hostname -i)
      echo eth0=$(ip -4 addr show eth0 | sed -n 's/.*inet \([0-9.]*\)\/.*/\1/p')
  - name: args
    image: podrun/busybox:local
    env:
    - {name: FIRST, value: one}
    - {name: SECOND, value: "$(FIRST)-two"}
    - {name: LATER, value: late}
    command: [echo, "cmd:$(SECOND)"]
    args: ["$(LATER)", "$$(FIRST)", "$(UNDEFINED)", "$(SECOND"]
`

func TestIntegrationEnvExpansionSourcesAndDownwardAPI(t *testing.T) {
	t.Parallel()
	r := expectRun(t, "it-env", envManifest, 0)
	expectReported(t, r, "env", map[string]string{
		// $(VAR) sees earlier entries only; $$ escapes; undefined and image ENV stay as written (§7.2)
		"SECOND": "one-two", "EARLY": "[$(LATER)]", "ESCAPED": "$(FIRST)", "UNDEF": "$(NO_SUCH_VAR)",
		"IMAGE_PATH": "$(PATH)", "FROM_PREFIXED": "production",
		// envFrom with a prefix, and without; valueFrom from the documents travelling with the pod
		"CFG_MODE": "production", "CFG_LEVEL": "debug", "TOKEN": "abc123", "LEVEL": "debug", "PASS": "abc123",
		// an optional key that is missing leaves the variable out, not empty (§7.1)
		"missing_key_rc": "1", "missing_secret_key_rc": "1", "unprefixed_rc": "1",
		// the downward API (§7.4): ceil(quantity/divisor)
		"POD_NAME": "it-env", "POD_NS": "team", "TIER": "web",
		"CPU_MILLI": "250", "CPU_CORES": "1", "MEM_MI": "64",
		"pwd": "/srv/work",
	})
	kv := reported(r, "env")
	ip := kv["POD_IP"]
	if net.ParseIP(ip) == nil {
		t.Fatalf("POD_IP = %q, not an IP address\n%s", ip, r)
	}
	if kv["hostname_i"] != ip || kv["eth0"] != ip {
		t.Errorf("POD_IP %s; the container's own address: hostname -i %q, eth0 %q", ip, kv["hostname_i"], kv["eth0"])
	}
	// command and args see the whole env, in any order; no shell involved (§7.2, §8)
	args := linesOf(r, "args")
	if len(args) != 1 || args[0] != "cmd:one-two late $(FIRST) $(UNDEFINED) $(SECOND" {
		t.Errorf("args container printed %q, want %q", args, "cmd:one-two late $(FIRST) $(UNDEFINED) $(SECOND")
	}
}

func TestIntegrationCommandArgsAgainstImageConfig(t *testing.T) {
	t.Parallel()
	// The Kubernetes table (§8): args alone keep the image's entrypoint; the env in args is
	// podrun's expansion; tty merges stderr into stdout. The busybox image has no entrypoint and
	// CMD [sh], so args [sh, -c, ...] run through the image's (empty) entrypoint.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-args}
spec:
  restartPolicy: Never
  containers:
  - name: only-args
    image: podrun/busybox:local
    env: [{name: GREETING, value: hello}]
    args: [sh, -c, "echo said=$(GREETING) $0", "$(GREETING)-arg0"]
  - name: tty
    image: podrun/busybox:local
    tty: true
    command: [sh, -c, "echo to-stderr >&2"]
`
	r := expectRun(t, "it-args", manifest, 0)
	expectReported(t, r, "only-args", map[string]string{"said": "hello hello-arg0"})
	if !regexp.MustCompile(`(?m)^tty \| to-stderr\r?$`).MatchString(stripPad(r.stdout)) {
		t.Errorf("with tty, stderr should reach the log as stdout (\"tty | to-stderr\"):\n%s", r)
	}
	if strings.Contains(stripPad(r.stdout), "tty ! ") {
		t.Errorf("a tty container has no separate stderr:\n%s", r)
	}
}
