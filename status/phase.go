package status

import corev1 "k8s.io/api/core/v1"

// phaseCounts are the tallies the kubelet's getPhase makes over the container statuses (§3.1).
type phaseCounts struct {
	pendingInit, pendingSidecars   int
	failedInitNotRestartable       int
	running, waiting, unknown      int
	stopped, stoppedNotRestartable int
	succeeded                      int
}

// podPhase is the kubelet's getPhase (§3.1), with ContainerRestartRules on as in 1.35:
//   - terminal says the pod is being deleted and nothing runs any more;
//   - initialized says a regular container of the current sandbox exists.
func podPhase(spec *corev1.PodSpec, init, app []corev1.ContainerStatus, terminal, initialized bool) corev1.PodPhase {
	n := countInit(spec, init)
	n.countApp(spec, app)

	// 1. A regular init container failed and will not be retried: the pod has failed.
	if n.failedInitNotRestartable > 0 {
		return corev1.PodFailed
	}
	switch {
	// 2. Initialization is not over, or a container has not started yet.
	case n.pendingInit > 0 || (n.pendingSidecars > 0 && !initialized) || n.waiting > 0:
		return corev1.PodPending
	// 3. Everything started and something runs.
	case n.running > 0 && n.unknown == 0:
		return corev1.PodRunning
	// 4. Everything stopped.
	case n.running == 0 && n.stopped > 0 && n.unknown == 0:
		if terminal || n.stopped == n.stoppedNotRestartable {
			if n.stopped == n.succeeded {
				return corev1.PodSucceeded
			}
			return corev1.PodFailed
		}
		return corev1.PodRunning // restarting
	}
	// 5. Otherwise the pod waits for containers the kubelet has not created yet.
	return corev1.PodPending
}

func countInit(spec *corev1.PodSpec, statuses []corev1.ContainerStatus) phaseCounts {
	var n phaseCounts
	for i := range spec.InitContainers {
		c := &spec.InitContainers[i]
		st, ok := find(statuses, c.Name)
		if isSidecar(c) {
			// Terminated sidecars never count (pitfall 15); a running one is pending until
			// started, and counts as running.
			switch {
			case !ok:
				n.pendingSidecars++
				n.unknown++
			case st.State.Running != nil:
				if st.Started == nil || !*st.Started {
					n.pendingSidecars++
				}
				n.running++
			case st.State.Waiting != nil && st.LastTerminationState.Terminated == nil:
				n.pendingSidecars++
				n.waiting++
			}
			continue
		}
		var failed *corev1.ContainerStateTerminated
		switch {
		case !ok || st.State.Running != nil:
			n.pendingInit++
		case st.State.Terminated != nil:
			failed = st.State.Terminated
		case st.State.Waiting != nil && st.LastTerminationState.Terminated != nil:
			failed = st.LastTerminationState.Terminated
		default:
			n.pendingInit++
		}
		if failed != nil && failed.ExitCode != 0 && !shouldRestart(c, spec.RestartPolicy, failed.ExitCode) {
			n.failedInitNotRestartable++
		}
	}
	return n
}

func (n *phaseCounts) countApp(spec *corev1.PodSpec, statuses []corev1.ContainerStatus) {
	for i := range spec.Containers {
		c := &spec.Containers[i]
		st, ok := find(statuses, c.Name)
		var stopped *corev1.ContainerStateTerminated
		switch {
		case !ok:
			n.unknown++
		case st.State.Running != nil:
			n.running++
		case st.State.Terminated != nil:
			stopped = st.State.Terminated
			if stopped.ExitCode == 0 {
				n.succeeded++
			}
		case st.State.Waiting != nil && st.LastTerminationState.Terminated != nil:
			stopped = st.LastTerminationState.Terminated
		case st.State.Waiting != nil:
			n.waiting++
		default:
			n.unknown++
		}
		if stopped != nil {
			n.stopped++
			if !shouldRestart(c, spec.RestartPolicy, stopped.ExitCode) {
				n.stoppedNotRestartable++
			}
		}
	}
}

func find(statuses []corev1.ContainerStatus, name string) (*corev1.ContainerStatus, bool) {
	for i := range statuses {
		if statuses[i].Name == name {
			return &statuses[i], true
		}
	}
	return nil, false
}
