package plan

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func TestCPUShares(t *testing.T) {
	tests := []struct {
		milli, want int64
	}{
		{0, 2},           // no request: the minimum
		{1, 2},           // 1×1024/1000 = 1, clamped up
		{2, 2},           // 2.048 → 2
		{3, 3},           // 3.072 → 3
		{10, 10},         // 10.24 → 10
		{100, 102},       // 102.4 → 102
		{250, 256},       // exactly 256
		{1000, 1024},     // one CPU
		{4000, 4096},     // four CPUs
		{256000, 262144}, // the maximum
		{300000, 262144}, // clamped down
	}
	for _, tc := range tests {
		if got := cpuShares(tc.milli); got != tc.want {
			t.Errorf("cpuShares(%dm) = %d, want %d", tc.milli, got, tc.want)
		}
	}
}

func TestCPUQuota(t *testing.T) {
	tests := []struct {
		milli, want int64
	}{
		{0, 0},         // no limit: unlimited
		{1, 1000},      // 100 µs raised to the 1 ms minimum
		{9, 1000},      // 900 µs raised
		{10, 1000},     // exactly the minimum
		{11, 1100},     //
		{250, 25000},   //
		{1000, 100000}, // one CPU: the whole period
		{2500, 250000}, // more than a period
	}
	for _, tc := range tests {
		if got := cpuQuota(tc.milli); got != tc.want {
			t.Errorf("cpuQuota(%dm) = %d, want %d", tc.milli, got, tc.want)
		}
	}
}

func TestResourcesFromPodLevelLimits(t *testing.T) {
	pod := &corev1.Pod{Spec: corev1.PodSpec{Resources: &corev1.ResourceRequirements{
		Limits: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("1500m"), corev1.ResourceMemory: resource.MustParse("1Gi")},
	}}}
	ctr := &corev1.Container{Resources: corev1.ResourceRequirements{
		Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("256Mi")},
	}}
	r := resources(ctr, pod)
	if r.CPUQuota != 150000 || r.CPUPeriod != 100000 {
		t.Errorf("cpu quota/period = %d/%d, want the pod's 150000/100000", r.CPUQuota, r.CPUPeriod)
	}
	if r.Memory != 256<<20 || r.MemorySwap != r.Memory {
		t.Errorf("memory/swap = %d/%d, want the container's own 256Mi and no swap", r.Memory, r.MemorySwap)
	}
	if r.CPUShares != 2 {
		t.Errorf("shares = %d, want 2: pod-level limits set no container request", r.CPUShares)
	}
}

func rl(cpu, mem string) corev1.ResourceList {
	l := corev1.ResourceList{}
	if cpu != "" {
		l[corev1.ResourceCPU] = resource.MustParse(cpu)
	}
	if mem != "" {
		l[corev1.ResourceMemory] = resource.MustParse(mem)
	}
	return l
}

func ctrWith(name string, req, lim corev1.ResourceList) corev1.Container {
	return corev1.Container{Name: name, Resources: corev1.ResourceRequirements{Requests: req, Limits: lim}}
}

func TestPodQOS(t *testing.T) {
	tests := []struct {
		name string
		spec corev1.PodSpec
		want corev1.PodQOSClass
	}{
		{"nothing set", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", nil, nil)}}, corev1.PodQOSBestEffort},
		{"limits only default the requests", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", nil, rl("1", "1Gi"))}}, corev1.PodQOSGuaranteed},
		{"requests equal limits", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", rl("1", "1Gi"), rl("1", "1Gi"))}}, corev1.PodQOSGuaranteed},
		{"request below limit", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", rl("500m", "1Gi"), rl("1", "1Gi"))}}, corev1.PodQOSBurstable},
		{"memory limit missing", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", nil, rl("1", ""))}}, corev1.PodQOSBurstable},
		{"one container without resources", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", nil, rl("1", "1Gi")), ctrWith("b", nil, nil)}}, corev1.PodQOSBurstable},
		{"init containers count", corev1.PodSpec{
			InitContainers: []corev1.Container{ctrWith("i", rl("100m", ""), nil)},
			Containers:     []corev1.Container{ctrWith("a", nil, rl("1", "1Gi"))},
		}, corev1.PodQOSBurstable},
		{"only other resources", corev1.PodSpec{Containers: []corev1.Container{ctrWith("a", corev1.ResourceList{"ephemeral-storage": resource.MustParse("1Gi")}, nil)}}, corev1.PodQOSBestEffort},
		{"pod-level resources decide", corev1.PodSpec{
			Resources:  &corev1.ResourceRequirements{Limits: rl("2", "2Gi")},
			Containers: []corev1.Container{ctrWith("a", rl("100m", ""), nil)},
		}, corev1.PodQOSGuaranteed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := podQOS(&corev1.Pod{Spec: tc.spec}); got != tc.want {
				t.Errorf("podQOS = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestOOMScoreAdj(t *testing.T) {
	const node = 10 << 30 // 10 GiB
	regular := []corev1.Container{ctrWith("big", rl("", "2Gi"), nil), ctrWith("small", rl("", "1Gi"), nil)}
	pod := &corev1.Pod{Spec: corev1.PodSpec{Containers: regular}}
	tests := []struct {
		name    string
		qos     corev1.PodQOSClass
		ctr     corev1.Container
		sidecar bool
		node    int64
		want    int
	}{
		{"guaranteed raised to the engine floor, still below burstable", corev1.PodQOSGuaranteed, ctrWith("g", nil, nil), false, node, 0},
		{"best effort", corev1.PodQOSBestEffort, ctrWith("b", nil, nil), false, node, 1000},
		{"burstable by share of node memory", corev1.PodQOSBurstable, regular[0], false, node, 1000 - 1000*2/10},
		{"burstable without request stays below best effort", corev1.PodQOSBurstable, ctrWith("n", nil, nil), false, node, 999},
		{"burstable floor above guaranteed", corev1.PodQOSBurstable, ctrWith("h", rl("", "10Gi"), nil), false, node, 3},
		{"burstable request over node memory", corev1.PodQOSBurstable, ctrWith("h", rl("", "20Gi"), nil), false, node, 3},
		{"sidecar capped by smallest regular request", corev1.PodQOSBurstable, ctrWith("s", rl("", "100Mi"), nil), true, node, 1000 - 1000*1/10},
		{"sidecar with a larger request keeps its own", corev1.PodQOSBurstable, ctrWith("s", rl("", "5Gi"), nil), true, node, 500},
		{"unknown node memory", corev1.PodQOSBurstable, regular[0], false, 0, 999},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := oomScoreAdj(tc.qos, pod, &tc.ctr, tc.sidecar, tc.node); got != tc.want {
				t.Errorf("oomScoreAdj = %d, want %d", got, tc.want)
			}
		})
	}
}
