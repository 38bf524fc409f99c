package flyte

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func codes(d []Departure) map[string]Departure {
	m := map[string]Departure{}
	for _, x := range d {
		m[x.Code] = x
	}
	return m
}

func TestDepartures(t *testing.T) {
	task := mustLoad(t, "t.json", []byte(`{"type": "python-task", "taskTypeVersion": 0,
	  "metadata": {"retries": {"retries": 3}, "timeout": "600s", "podTemplateName": "gpu", "interruptible": true},
	  "securityContext": {"secrets": [{"group": "g", "key": "k"}]},
	  "k8sPod": {"podSpec": {"restart_policy": "Never", "restartPolicy": "OnFailure",
	    "containers": [{"name": "primary", "image": "i", "args": ["pyflyte-fast-execute", "--additional-distribution", "s3://b/fast.tar.gz", "--dest-dir", "{{ .dest_dir }}"],
	                    "env": [{"name": "A", "value": "1"}, {"name": "A", "value": "2"}]},
	                   {"name": "side", "image_name": "x"}]}},
	  "config": {"primary_container_name": "primary"}}`), LoadOptions{})
	got := codes(Departures(task))
	want := map[string]string{
		CodeDroppedKey:         "k8sPod.podSpec.restart_policy",
		CodeSidecarsBlock:      "k8sPod.podSpec.containers",
		CodeSidecarNoImage:     "k8sPod.podSpec.containers[1].image",
		CodePodTemplate:        "metadata.podTemplateName",
		CodeRestartPolicy:      "k8sPod.podSpec.restartPolicy",
		CodeUnknownPlaceholder: "k8sPod.podSpec.containers[0]",
		CodeFastRegistration:   "k8sPod.podSpec.containers[0].args",
		CodeSecrets:            "securityContext.secrets",
		CodeDefaultResources:   "k8sPod.podSpec.containers[0].resources",
		CodeRetries:            "metadata.retries",
		CodeTimeout:            "metadata.timeout",
		CodeInterruptible:      "metadata.interruptible",
		CodeDuplicateEnv:       "k8sPod.podSpec.containers[0].env",
	}
	for code, path := range want {
		d, ok := got[code]
		if !ok {
			t.Errorf("no %s departure", code)
			continue
		}
		if d.Path != path {
			t.Errorf("%s at %q, want %q", code, d.Path, path)
		}
	}
	if _, ok := got[CodeSidecarsLeftRunning]; ok {
		t.Error("sidecars-left-running reported for an all-containers task")
	}
	if d := got[CodeDroppedKey]; d.Hint != `write the Kubernetes JSON name "restartPolicy"` {
		t.Errorf("dropped-key hint = %q", d.Hint)
	}
	// restart_policy is dropped too (§1.2): it is listed once per key.
	n := 0
	for _, d := range Departures(task) {
		if d.Code == CodeDroppedKey {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d dropped keys, want 2 (restart_policy, image_name)", n)
	}

	// A Pod task with a sidecar: left running on a cluster; overwritten primary fields (AsTask).
	pod := &corev1.Pod{Spec: corev1.PodSpec{Containers: []corev1.Container{
		{Name: "primary", Image: "old", Command: []string{"python"}, Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{"cpu": resource.MustParse("1")}}},
		{Name: "side", Image: "s"}}}}
	pt, err := AsTask("pod.yaml", pod, Override{Image: "new", Args: []string{"true"}, Limits: corev1.ResourceList{"cpu": resource.MustParse("2")}})
	if err != nil {
		t.Fatal(err)
	}
	d := Departures(pt)
	paths := map[string]bool{}
	for _, x := range d {
		if x.Code == CodePrimaryOverwritten {
			paths[x.Path] = true
		}
	}
	for _, p := range []string{"spec.containers[0].image", "spec.containers[0].command", "spec.containers[0].resources"} {
		if !paths[p] {
			t.Errorf("no primary-overwritten at %s (got %v)", p, paths)
		}
	}
	if _, ok := codes(d)[CodeSidecarsLeftRunning]; !ok {
		t.Error("no sidecars-left-running for a Pod task with a sidecar")
	}
	documented := map[string]bool{}
	for _, c := range DepartureCodes() {
		documented[c.Code] = true
	}
	for _, x := range append(Departures(task), d...) {
		if !documented[x.Code] {
			t.Errorf("%s is not in DepartureCodes", x.Code)
		}
	}
}
