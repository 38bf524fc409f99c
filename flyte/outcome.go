package flyte

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// Phase is the task phase propeller's pod plugin reports.
type Phase string

const (
	PhaseQueued           Phase = "Queued"
	PhaseInitializing     Phase = "Initializing"
	PhaseRunning          Phase = "Running"
	PhaseSuccess          Phase = "Success"
	PhaseRetryableFailure Phase = "RetryableFailure"
	PhasePermanentFailure Phase = "PermanentFailure"
)

// ErrorKind says whose fault a failure is: USER failures consume the task's retries, SYSTEM
// failures the platform's (§3.9).
type ErrorKind string

const (
	KindUser   ErrorKind = "USER"
	KindSystem ErrorKind = "SYSTEM"
)

// Result is the task's phase with Flyte's code and message for a failure.
type Result struct {
	Phase   Phase
	Code    string
	Message string
	Kind    ErrorKind
}

// Terminal says the task has finished, one way or the other.
func (r Result) Terminal() bool {
	return r.Phase == PhaseSuccess || r.Failed()
}

// Failed says the task failed.
func (r Result) Failed() bool {
	return r.Phase == PhaseRetryableFailure || r.Phase == PhasePermanentFailure
}

const oomKilled = "OOMKilled"

// Outcome decides the task phase from the pod and its status as propeller's
// DemystifyPodStatus does (§3.8): the pod phase first; then, while the pod runs, the primary's
// state alone when the pod carries the primary_container_name annotation, else every container
// must have exited 0.
func Outcome(pod *corev1.Pod) Result {
	st := pod.Status
	primary, hasPrimary := pod.Annotations[PrimaryContainerKey]
	switch st.Phase {
	case corev1.PodSucceeded:
		return demystifySuccess(st)
	case corev1.PodFailed:
		return demystifyFailure(st, primary)
	case corev1.PodPending:
		return demystifyPending(st)
	}
	if hasPrimary {
		r := primaryPhase(primary, st.ContainerStatuses)
		if r.Code == "PrimaryContainerNotFound" && hasContainer(pod.Spec.Containers, primary) {
			return Result{Phase: PhaseRunning} // status not reported yet (flyte#4332)
		}
		return r
	}
	// No annotation (python-task with several containers, §3.11): every init and regular
	// container must have terminated with exit code 0 (flyte#6523).
	all := append(append([]corev1.ContainerStatus{}, st.InitContainerStatuses...), st.ContainerStatuses...)
	if len(st.ContainerStatuses) == 0 {
		return Result{Phase: PhaseRunning}
	}
	for _, c := range all {
		if c.State.Terminated == nil || c.State.Terminated.ExitCode != 0 {
			return Result{Phase: PhaseRunning}
		}
	}
	return Result{Phase: PhaseSuccess}
}

// primaryPhase is DeterminePrimaryContainerPhase: sidecar and init container states are ignored.
func primaryPhase(name string, statuses []corev1.ContainerStatus) Result {
	for _, c := range statuses {
		if c.Name != name {
			continue
		}
		t := c.State.Terminated
		if t == nil {
			return Result{Phase: PhaseRunning}
		}
		msg := terminatedMessage(name, t)
		switch {
		case strings.Contains(t.Reason, oomKilled):
			return Result{Phase: PhaseRetryableFailure, Code: t.Reason, Message: msg, Kind: KindUser}
		case isSigKill(t.ExitCode):
			// A SIGKILL is most often the node's doing: it does not consume user retries.
			return Result{Phase: PhaseRetryableFailure, Code: t.Reason, Message: msg, Kind: KindSystem}
		case t.ExitCode != 0:
			return Result{Phase: PhaseRetryableFailure, Code: t.Reason, Message: msg, Kind: KindUser}
		}
		return Result{Phase: PhaseSuccess}
	}
	return Result{Phase: PhasePermanentFailure, Code: "PrimaryContainerNotFound", Kind: KindUser,
		Message: fmt.Sprintf("Primary container [%s] not found in pod's container statuses", name)}
}

// terminatedMessage is propeller's message for a terminated container (§3.8).
func terminatedMessage(name string, t *corev1.ContainerStateTerminated) string {
	return fmt.Sprintf("\r\n[%v] terminated with exit code (%v). Reason [%v]. Message: \n%v.", name, t.ExitCode, t.Reason, t.Message)
}

func isSigKill(code int32) bool { return code == 137 || code == 247 }

// demystifySuccess: a pod that succeeded despite an OOM kill is a retryable USER failure.
func demystifySuccess(st corev1.PodStatus) Result {
	for _, c := range allStatuses(st) {
		if t := c.State.Terminated; t != nil && strings.Contains(t.Reason, oomKilled) {
			return Result{Phase: PhaseRetryableFailure, Code: oomKilled, Message: "Pod reported success despite being OOMKilled", Kind: KindUser}
		}
	}
	return Result{Phase: PhaseSuccess}
}

// demystifyFailure: the pod failed (every container ended, one failed). Since flyte#6259
// (v1.15.1) a failure without a pod reason is SYSTEM, and SYSTEM failures read "Interrupted".
func demystifyFailure(st corev1.PodStatus, primary string) Result {
	code := firstNonEmpty(st.Reason, "UnknownError")
	msg := firstNonEmpty(st.Message, "Pod failed. No message received from kubernetes.")
	system := false
	for _, c := range allStatuses(st) {
		t := c.LastTerminationState.Terminated
		if t == nil {
			t = c.State.Terminated
		}
		if t == nil {
			continue
		}
		if strings.Contains(t.Reason, oomKilled) {
			code = oomKilled
		} else if isSigKill(t.ExitCode) {
			code = "Interrupted"
			system = system || c.Name == primary
		}
		if t.ExitCode == 0 {
			msg += fmt.Sprintf("\r\n[%v] terminated with ExitCode 0.", c.Name)
		} else {
			msg += terminatedMessage(c.Name, t)
		}
	}
	switch st.Reason {
	case "Shutdown", "Terminated", "NodeShutdown", "NodeAffinity":
		system = true
	}
	if code == "UnknownError" {
		system = true
	}
	if system {
		return Result{Phase: PhaseRetryableFailure, Code: "Interrupted", Message: msg, Kind: KindSystem}
	}
	return Result{Phase: PhaseRetryableFailure, Code: code, Message: msg, Kind: KindUser}
}

// demystifyPending: the waiting reasons of the containers (§3.8). The time-based grace
// periods (image pull back-off, CreateContainerError: 3 minutes) are the caller's to count.
func demystifyPending(st corev1.PodStatus) Result {
	for _, cond := range st.Conditions {
		if cond.Type == corev1.PodScheduled && cond.Status == corev1.ConditionFalse {
			return Result{Phase: PhaseQueued, Message: cond.Reason + ":" + cond.Message}
		}
	}
	for _, c := range st.ContainerStatuses {
		w := c.State.Waiting
		if w == nil {
			continue
		}
		switch w.Reason {
		case "", "ContainerCreating", "PodInitializing", "ErrImagePull", "ImagePullBackOff", "CreateContainerError":
		case "CreateContainerConfigError", "InvalidImageName":
			return Result{Phase: PhasePermanentFailure, Code: w.Reason, Message: w.Message, Kind: KindUser}
		default:
			return Result{Phase: PhaseRetryableFailure, Code: w.Reason, Message: w.Message, Kind: KindSystem}
		}
	}
	return Result{Phase: PhaseInitializing}
}

func allStatuses(st corev1.PodStatus) []corev1.ContainerStatus {
	out := append([]corev1.ContainerStatus{}, st.InitContainerStatuses...)
	out = append(out, st.ContainerStatuses...)
	return append(out, st.EphemeralContainerStatuses...)
}

func hasContainer(list []corev1.Container, name string) bool {
	for _, c := range list {
		if c.Name == name {
			return true
		}
	}
	return false
}

// OutputFiles is what the attempt's output directory holds once the primary has finished.
type OutputFiles struct {
	// Error is error.pb's content; nil when there is none.
	Error []byte
	// HasOutputs says outputs.pb exists; HasFutures says futures.pb does (a dynamic task).
	HasOutputs, HasFutures bool
}

// CheckOutputs is propeller's Handler.ValidateOutput, run when the plugin reports success
// (§3.9): error.pb fails the task with the document's code, message and kind; else declared
// outputs must exist. A failing r is returned as it is.
func CheckOutputs(r Result, iface Interface, f OutputFiles) (Result, error) {
	if r.Phase != PhaseSuccess {
		return r, nil
	}
	if f.Error != nil {
		doc, err := DecodeError(f.Error)
		if err != nil {
			return r, err
		}
		out := Result{Phase: PhasePermanentFailure, Code: doc.Code, Message: doc.Message, Kind: KindUser}
		if doc.Recoverable() {
			out.Phase = PhaseRetryableFailure
		}
		if doc.Origin == "SYSTEM" {
			out.Kind = KindSystem
		}
		return out, nil
	}
	if !f.HasFutures && len(iface.Outputs) > 0 && !f.HasOutputs {
		return Result{Phase: PhaseRetryableFailure, Code: "OutputsNotFound", Message: "Outputs not generated by task execution", Kind: KindUser}, nil
	}
	return r, nil
}
