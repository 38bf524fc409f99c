//go:build integration

package integration

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// Resources onto cgroups (issue point 7, kubelet-semantics §10), read by the containers from
// their own cgroup files: cgroup v1 (cpu.cfs_quota_us, cpu.shares, memory.limit_in_bytes) or v2
// (cpu.max, cpu.weight, memory.max), whichever the engine uses.

// cgroupScript prints the container's cgroup settings as key=value lines under both layouts.
const cgroupScript = `
for f in cpu/cpu.cfs_quota_us cpu/cpu.cfs_period_us cpu/cpu.shares memory/memory.limit_in_bytes \
         cpu,cpuacct/cpu.cfs_quota_us cpu,cpuacct/cpu.cfs_period_us cpu,cpuacct/cpu.shares \
         cpu.max cpu.weight memory.max; do
  [ -f /sys/fs/cgroup/$f ] && echo "$(basename $f)=$(cat /sys/fs/cgroup/$f)"
done
echo oom_score_adj=$(cat /proc/self/oom_score_adj)
true
`

// indent prefixes every line of a script, for a YAML block scalar.
func indent(script, prefix string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(script), "\n") {
		b.WriteString("\n" + prefix + l)
	}
	return b.String() + "\n"
}

// cgroupWant is what a container's cgroup files say for a cpu quota (µs per 100 ms, -1 for none),
// cpu shares, and a memory limit in bytes.
func cgroupWant(t *testing.T, quota, shares, memory int64) map[string]string {
	t.Helper()
	if cgroupVersion(t) == "1" {
		q := strconv.FormatInt(quota, 10)
		return map[string]string{
			"cpu.cfs_quota_us": q, "cpu.cfs_period_us": "100000",
			"cpu.shares":            strconv.FormatInt(shares, 10),
			"memory.limit_in_bytes": strconv.FormatInt(memory, 10),
		}
	}
	max := "max 100000"
	if quota > 0 {
		max = strconv.FormatInt(quota, 10) + " 100000"
	}
	return map[string]string{"cpu.max": max, "memory.max": strconv.FormatInt(memory, 10)}
}

// cpuWeights are the cgroup v2 weights runc derives from cpu shares: the linear formula of
// runc ≤ 1.2 and the quadratic one of later releases (kubelet-semantics §10 [I3]).
func cpuWeights(shares int64) []string {
	linear := 1 + ((shares-2)*9999)/262142
	l := math.Log2(float64(shares))
	quadratic := int64(math.Ceil(math.Pow(10, (l*l+125*l)/612.0-7.0/34.0)))
	return []string{strconv.FormatInt(linear, 10), strconv.FormatInt(quadratic, 10)}
}

func expectCPUWeight(t *testing.T, r result, ctr string, shares int64) {
	t.Helper()
	if cgroupVersion(t) == "1" {
		return // cpu.shares is checked directly
	}
	got := reported(r, ctr)["cpu.weight"]
	for _, w := range cpuWeights(shares) {
		if got == w {
			return
		}
	}
	t.Errorf("%s: cpu.weight = %q, want one of %v (from %d shares)", ctr, got, cpuWeights(shares), shares)
}

func TestIntegrationCPUAndMemoryLimits(t *testing.T) {
	t.Parallel()
	// limit 500m → quota 50000 per 100000 µs; request 250m → 250×1024/1000 = 256 shares; memory
	// limit → the memory cgroup's limit. The pod is Burstable: its OOM score lies in [3, 999].
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-resources}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: podrun/busybox:local
    resources: {limits: {cpu: 500m, memory: 96Mi}, requests: {cpu: 250m, memory: 32Mi}}
    command:
    - sh
    - -c
    - |` + indent(cgroupScript, "      ")
	r := expectRun(t, "it-resources", manifest, 0)
	expectReported(t, r, "app", cgroupWant(t, 50000, 256, 96<<20))
	expectCPUWeight(t, r, "app", 256)
	score, err := strconv.Atoi(reported(r, "app")["oom_score_adj"])
	if err != nil || score < 3 || score > 999 {
		t.Errorf("Burstable oom_score_adj: want within [3, 999], got %v (%v)", score, err)
	}
}

func TestIntegrationGuaranteedPodLimitsOnly(t *testing.T) {
	t.Parallel()
	// Limits alone: the requests default to them (§0), so shares follow the limit (200m → 204)
	// and the pod is Guaranteed. Its container must start on every engine: the kubelet's −997
	// OOM score is raised to 0 where the engine may not lower scores (plan/qos.go), and stays
	// below every Burstable (≥ 3) and BestEffort (1000) container.
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-guaranteed}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: podrun/busybox:local
    resources: {limits: {cpu: 200m, memory: 80Mi}}
    command:
    - sh
    - -c
    - |` + indent(cgroupScript, "      ")
	r := expectRun(t, "it-guaranteed", manifest, 0)
	want := cgroupWant(t, 20000, 204, 80<<20)
	want["oom_score_adj"] = "0"
	expectReported(t, r, "app", want)
	expectCPUWeight(t, r, "app", 204)
}

func TestIntegrationBestEffortHasNoLimits(t *testing.T) {
	t.Parallel()
	// No resources: no quota, the minimum 2 shares (§10), and the BestEffort OOM score 1000.
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-besteffort}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: podrun/busybox:local
    command:
    - sh
    - -c
    - |` + indent(cgroupScript, "      ")
	r := expectRun(t, "it-besteffort", manifest, 0)
	want := map[string]string{"oom_score_adj": "1000"}
	if cgroupVersion(t) == "1" {
		want["cpu.cfs_quota_us"] = "-1"
		want["cpu.shares"] = "2"
	} else {
		want["cpu.max"] = "max 100000"
	}
	expectReported(t, r, "app", want)
	expectCPUWeight(t, r, "app", 2)
}
