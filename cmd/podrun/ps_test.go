package main

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podrun/podrun/status"
)

func TestPsTableHasKubectlColumnsAndTheRun(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web", CreationTimestamp: metav1.NewTime(now.Add(-90 * time.Second))},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "app"}, {Name: "log"}}},
		Status: corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{
			{Name: "app", Ready: true, RestartCount: 2, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}},
			{Name: "log", Ready: true, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}},
		}},
	}
	got := withColumn(status.Table([]*corev1.Pod{pod, pod}, now), "RUN", []string{"0a1b2c3d", "ffff0000"})
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and two rows:\n%s", got)
	}
	if f := strings.Fields(lines[0]); strings.Join(f, " ") != "NAME READY STATUS RESTARTS AGE RUN" {
		t.Errorf("header %q", lines[0])
	}
	if f := strings.Fields(lines[1]); strings.Join(f, " ") != "web 2/2 Running 2 90s 0a1b2c3d" {
		t.Errorf("row %q", lines[1])
	}
	if strings.Index(lines[0], "RUN") != strings.Index(lines[2], "ffff0000") {
		t.Errorf("the RUN column is not aligned:\n%s", got)
	}
}
