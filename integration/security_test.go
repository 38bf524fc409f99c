//go:build integration

package integration

import (
	"strconv"
	"testing"
)

// securityContext (issue point 7, kubelet-semantics §11), observed with id, /proc/self/status
// and writes.

func TestIntegrationUsersGroupsAndPrivilegeEscalation(t *testing.T) {
	t.Parallel()
	// Pod-level runAsUser/runAsGroup/supplementalGroups apply to every container; a container's
	// own runAsUser wins. allowPrivilegeEscalation false → no_new_privs; unset → not (only an
	// explicit false counts). readOnlyRootFilesystem leaves mounts writable.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-users}
spec:
  restartPolicy: Never
  securityContext: {runAsUser: 1234, runAsGroup: 2345, supplementalGroups: [3456, 4567]}
  volumes: [{name: scratch, emptyDir: {}}]
  containers:
  - name: locked
    image: podrun/busybox:local
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}
    command:
    - sh
    - -c
    - |
      echo uid=$(id -u) gid=$(id -g) groups=$(id -G)
      echo nnp=$(grep NoNewPrivs /proc/self/status | cut -f2)
      touch /tmp/x 2>/dev/null && echo rootfs=writable || echo rootfs=read-only
      touch /scratch/x && echo mount=writable || echo mount=read-only
    volumeMounts: [{name: scratch, mountPath: /scratch}]
  - name: root
    image: podrun/busybox:local
    securityContext: {runAsUser: 0}
    command:
    - sh
    - -c
    - |
      echo uid=$(id -u) gid=$(id -g)
      echo nnp=$(grep NoNewPrivs /proc/self/status | cut -f2)
      touch /tmp/x 2>/dev/null && echo rootfs=writable || echo rootfs=read-only
`
	r := expectRun(t, "it-users", manifest, 0)
	expectReported(t, r, "locked", map[string]string{
		"uid": "1234 gid=2345 groups=2345 3456 4567", "nnp": "1", "rootfs": "read-only", "mount": "writable",
	})
	expectReported(t, r, "root", map[string]string{"uid": "0 gid=2345", "nnp": "0", "rootfs": "writable"})
}

// Capability numbers (linux/capability.h).
const (
	capChown          = 0
	capKill           = 5
	capNetBindService = 10
	capNetAdmin       = 12
	capNetRaw         = 13
	capSysAdmin       = 21 // not in the default set
	capSysTime        = 25
)

func TestIntegrationCapabilities(t *testing.T) {
	t.Parallel()
	// add/drop apply to the runtime's default set (§11). (privileged is not exercised: engines
	// whose daemon lacks a capability, as in CI sandboxes, cannot start a privileged container
	// at all, with plain docker either.)
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-caps}
spec:
  restartPolicy: Never
  containers:
  - name: adjusted
    image: podrun/busybox:local
    securityContext: {capabilities: {add: [NET_ADMIN, SYS_TIME], drop: [CHOWN, NET_RAW]}}
    command: [sh, -c, "echo capeff=$(grep CapEff /proc/self/status | cut -f2)"]
  - name: minimal
    image: podrun/busybox:local
    securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
    command: [sh, -c, "echo capeff=$(grep CapEff /proc/self/status | cut -f2)"]
`
	r := expectRun(t, "it-caps", manifest, 0)
	caps := func(ctr string) uint64 {
		v, err := strconv.ParseUint(reported(r, ctr)["capeff"], 16, 64)
		if err != nil {
			t.Fatalf("%s: CapEff: %v\n%s", ctr, err, r)
		}
		return v
	}
	has := func(set uint64, c int) bool { return set&(1<<c) != 0 }

	adjusted := caps("adjusted")
	for _, c := range []int{capNetAdmin, capSysTime, capKill} {
		if !has(adjusted, c) {
			t.Errorf("adjusted: capability %d missing from CapEff %016x", c, adjusted)
		}
	}
	for _, c := range []int{capChown, capNetRaw, capSysAdmin} {
		if has(adjusted, c) {
			t.Errorf("adjusted: capability %d present in CapEff %016x", c, adjusted)
		}
	}
	if got := caps("minimal"); got != 1<<capNetBindService {
		t.Errorf("drop ALL, add NET_BIND_SERVICE: CapEff %016x, want %016x", got, uint64(1<<capNetBindService))
	}
}

func TestIntegrationSysctlOnSandbox(t *testing.T) {
	t.Parallel()
	// A pod sysctl goes onto the sandbox, whose network namespace every container shares: an
	// unprivileged app container sees it, and the kernel applies it to the app's bind (Docker's
	// own default, 0, would let it bind any port).
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-sysctl}
spec:
  restartPolicy: Never
  securityContext:
    runAsUser: 1000
    sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "1000"}]
  containers:
  - name: app
    image: podrun/busybox:local
    command:
    - sh
    - -c
    - |
      echo start=$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start)
      nc -l -p 999 2>&1 | grep -q 'denied' && echo bind999=refused || echo bind999=allowed
`
	r := expectRun(t, "it-sysctl", manifest, 0)
	expectReported(t, r, "app", map[string]string{"start": "1000", "bind999": "refused"})
}
