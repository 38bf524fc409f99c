package flyte

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func running(name string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}}
}

func exited(name string, code int32, reason, msg string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: code, Reason: reason, Message: msg}}}
}

// §3.8 DemystifyPodStatus, row by row.
func TestOutcome(t *testing.T) {
	primaryAnn := map[string]string{PrimaryContainerKey: "primary"}
	spec := corev1.PodSpec{Containers: []corev1.Container{{Name: "primary"}, {Name: "side"}}}
	cases := []struct {
		name   string
		ann    map[string]string
		status corev1.PodStatus
		want   Result
	}{
		{"primary exits 0, sidecar still running: success", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 0, "Completed", ""), running("side")}},
			Result{Phase: PhaseSuccess}},
		{"primary exits 3: retryable USER with Flyte's message", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 3, "Error", "bad input"), running("side")}},
			Result{Phase: PhaseRetryableFailure, Code: "Error", Kind: KindUser, Message: "\r\n[primary] terminated with exit code (3). Reason [Error]. Message: \nbad input."}},
		{"primary OOMKilled: USER", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 137, "OOMKilled", ""), running("side")}},
			Result{Phase: PhaseRetryableFailure, Code: "OOMKilled", Kind: KindUser, Message: "\r\n[primary] terminated with exit code (137). Reason [OOMKilled]. Message: \n."}},
		{"primary exit 137 without OOM: SYSTEM", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 137, "Error", ""), running("side")}},
			Result{Phase: PhaseRetryableFailure, Code: "Error", Kind: KindSystem, Message: "\r\n[primary] terminated with exit code (137). Reason [Error]. Message: \n."}},
		{"primary still running, sidecar failed: running", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{running("primary"), exited("side", 1, "Error", "")}},
			Result{Phase: PhaseRunning}},
		{"primary status not reported yet: running (flyte#4332)", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{running("side")}},
			Result{Phase: PhaseRunning}},
		{"sidecar failed first, then primary 0: pod Failed wins (race)", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodFailed, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 0, "Completed", ""), exited("side", 2, "Error", "")}},
			Result{Phase: PhaseRetryableFailure, Code: "Interrupted", Kind: KindSystem,
				Message: "Pod failed. No message received from kubernetes.\r\n[primary] terminated with ExitCode 0.\r\n[side] terminated with exit code (2). Reason [Error]. Message: \n."}},
		{"pod failed with OOM: OOMKilled USER", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodFailed, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 137, "OOMKilled", ""), exited("side", 0, "Completed", "")}},
			Result{Phase: PhaseRetryableFailure, Code: "OOMKilled", Kind: KindUser,
				Message: "Pod failed. No message received from kubernetes.\r\n[primary] terminated with exit code (137). Reason [OOMKilled]. Message: \n.\r\n[side] terminated with ExitCode 0."}},
		{"pod succeeded despite an OOM kill", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodSucceeded, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 0, "Completed", ""), exited("side", 0, "OOMKilled", "")}},
			Result{Phase: PhaseRetryableFailure, Code: "OOMKilled", Kind: KindUser, Message: "Pod reported success despite being OOMKilled"}},
		{"no annotation: a running sidecar keeps the task running (§3.11)", nil,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 0, "Completed", ""), running("side")}},
			Result{Phase: PhaseRunning}},
		{"no annotation: all exited 0", nil,
			corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{exited("primary", 0, "Completed", ""), exited("side", 0, "Completed", "")}},
			Result{Phase: PhaseSuccess}},
		{"pending: invalid image name is permanent", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodPending, ContainerStatuses: []corev1.ContainerStatus{{Name: "side", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "InvalidImageName", Message: "bad ref"}}}}},
			Result{Phase: PhasePermanentFailure, Code: "InvalidImageName", Kind: KindUser, Message: "bad ref"}},
		{"pending: pulling", primaryAnn,
			corev1.PodStatus{Phase: corev1.PodPending, ContainerStatuses: []corev1.ContainerStatus{{Name: "side", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}}},
			Result{Phase: PhaseInitializing}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Annotations: c.ann}, Spec: spec, Status: c.status}
			if got := Outcome(pod); got != c.want {
				t.Errorf("Outcome =\n%#v\nwant\n%#v", got, c.want)
			}
		})
	}
}

// §3.9: error.pb first, then declared outputs.
func TestCheckOutputs(t *testing.T) {
	iface := Interface{Outputs: []Variable{{Name: "o0", Type: LiteralType{Simple: "STRING"}}}}
	ok := Result{Phase: PhaseSuccess}
	doc := ErrorDocument{Code: "USER:ValueError", Message: "boom", Kind: "NON_RECOVERABLE", Origin: "USER"}.Encode()
	cases := []struct {
		name string
		in   Result
		f    OutputFiles
		want Result
	}{
		{"outputs present", ok, OutputFiles{HasOutputs: true}, ok},
		{"error.pb wins over outputs", ok, OutputFiles{Error: doc, HasOutputs: true}, Result{Phase: PhasePermanentFailure, Code: "USER:ValueError", Message: "boom", Kind: KindUser}},
		{"outputs missing", ok, OutputFiles{}, Result{Phase: PhaseRetryableFailure, Code: "OutputsNotFound", Message: "Outputs not generated by task execution", Kind: KindUser}},
		{"a dynamic task's futures", ok, OutputFiles{HasFutures: true}, ok},
		{"a failure stays", Result{Phase: PhaseRetryableFailure, Code: "Error"}, OutputFiles{Error: doc}, Result{Phase: PhaseRetryableFailure, Code: "Error"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckOutputs(c.in, iface, c.f)
			if err != nil || got != c.want {
				t.Errorf("CheckOutputs = %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
}
