package status

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/duration"
)

// Table prints pods as `kubectl get pods` does: NAME, READY, STATUS, RESTARTS, AGE, with
// STATUS and RESTARTS computed by kubectl's rules (printPod in pkg/printers/internalversion)
// and ages relative to now.
func Table(pods []*corev1.Pod, now time.Time) string {
	var b strings.Builder
	// kubectl's tab writer (printers.GetNewTabWriter): minimum width 6, tab width 4, padding 3.
	w := tabwriter.NewWriter(&b, 6, 4, 3, ' ', 0)
	fmt.Fprintln(w, "NAME\tREADY\tSTATUS\tRESTARTS\tAGE")
	for _, p := range pods {
		r := row(p, now)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", p.Name, r.ready, r.status, r.restarts, age(p.CreationTimestamp, now))
	}
	w.Flush()
	return b.String()
}

type tableRow struct{ ready, status, restarts string }

// podTally is what kubectl accumulates while it walks a pod's container statuses.
type podTally struct {
	reason             string
	ready, total       int
	restarts           int
	lastRestart        metav1.Time
	sidecarRestarts    int
	sidecarLastRestart metav1.Time
}

func row(p *corev1.Pod, now time.Time) tableRow {
	t := podTally{reason: string(p.Status.Phase), total: len(p.Spec.Containers)}
	if p.Status.Reason != "" {
		t.reason = p.Status.Reason
	}
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodScheduled && c.Reason == corev1.PodReasonSchedulingGated {
			t.reason = corev1.PodReasonSchedulingGated
		}
	}
	sidecars := map[string]bool{}
	for i := range p.Spec.InitContainers {
		if isSidecar(&p.Spec.InitContainers[i]) {
			sidecars[p.Spec.InitContainers[i].Name] = true
			t.total++
		}
	}
	initializing := t.initContainers(p, sidecars)
	if !initializing || conditionTrue(p.Status.Conditions, corev1.PodInitialized) {
		t.restarts, t.lastRestart = t.sidecarRestarts, t.sidecarLastRestart
		t.containers(p)
	}
	if p.DeletionTimestamp != nil && p.Status.Reason == "NodeLost" {
		t.reason = "Unknown"
	} else if p.DeletionTimestamp != nil && !isTerminal(p.Status.Phase) {
		t.reason = "Terminating"
	}
	restarts := fmt.Sprint(t.restarts)
	if t.restarts != 0 && !t.lastRestart.IsZero() {
		restarts = fmt.Sprintf("%d (%s ago)", t.restarts, duration.HumanDuration(now.Sub(t.lastRestart.Time)))
	}
	return tableRow{ready: fmt.Sprintf("%d/%d", t.ready, t.total), status: t.reason, restarts: restarts}
}

// initContainers walks the init statuses up to the first one still initializing; it says
// whether initialization is still going on (Init:1/3, Init:CrashLoopBackOff, Init:Error…).
func (t *podTally) initContainers(p *corev1.Pod, sidecars map[string]bool) bool {
	for i, c := range p.Status.InitContainerStatuses {
		t.restarts += int(c.RestartCount)
		latest(&t.lastRestart, c)
		if sidecars[c.Name] {
			t.sidecarRestarts += int(c.RestartCount)
			latest(&t.sidecarLastRestart, c)
		}
		switch {
		case c.State.Terminated != nil && c.State.Terminated.ExitCode == 0:
			continue
		case sidecars[c.Name] && c.Started != nil && *c.Started:
			if c.Ready {
				t.ready++
			}
			continue
		case c.State.Terminated != nil:
			t.reason = "Init:" + terminatedReason(c.State.Terminated)
		case c.State.Waiting != nil && c.State.Waiting.Reason != "" && c.State.Waiting.Reason != ReasonPodInitializing:
			t.reason = "Init:" + c.State.Waiting.Reason
		default:
			t.reason = fmt.Sprintf("Init:%d/%d", i, len(p.Spec.InitContainers))
		}
		return true
	}
	return false
}

// containers walks the regular statuses from the last, so the first container's reason wins.
func (t *podTally) containers(p *corev1.Pod) {
	running := false
	for i := len(p.Status.ContainerStatuses) - 1; i >= 0; i-- {
		c := p.Status.ContainerStatuses[i]
		t.restarts += int(c.RestartCount)
		latest(&t.lastRestart, c)
		switch {
		case c.State.Waiting != nil && c.State.Waiting.Reason != "":
			t.reason = c.State.Waiting.Reason
		case c.State.Terminated != nil:
			t.reason = terminatedReason(c.State.Terminated)
		case c.Ready && c.State.Running != nil:
			running = true
			t.ready++
		}
	}
	// A pod whose finished containers say Completed but that still runs one is Running.
	if t.reason == ReasonCompleted && running {
		t.reason = "NotReady"
		if conditionTrue(p.Status.Conditions, corev1.PodReady) {
			t.reason = "Running"
		}
	}
}

func terminatedReason(s *corev1.ContainerStateTerminated) string {
	switch {
	case s.Reason != "":
		return s.Reason
	case s.Signal != 0:
		return fmt.Sprintf("Signal:%d", s.Signal)
	}
	return fmt.Sprintf("ExitCode:%d", s.ExitCode)
}

func latest(last *metav1.Time, c corev1.ContainerStatus) {
	if t := c.LastTerminationState.Terminated; t != nil && last.Before(&t.FinishedAt) {
		*last = t.FinishedAt
	}
}

func conditionTrue(conds []corev1.PodCondition, typ corev1.PodConditionType) bool {
	for _, c := range conds {
		if c.Type == typ {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func age(created metav1.Time, now time.Time) string {
	if created.IsZero() {
		return "<unknown>"
	}
	return duration.HumanDuration(now.Sub(created.Time))
}
