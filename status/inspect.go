package status

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// FromInspect turns the engine's view of a pod's containers into what the kubelet observes.
// instances holds every instance of every container (labelled dev.podrun.container and
// dev.podrun.attempt); the pause container and unlabelled ones are skipped. Per container the
// newest attempt gives State, RestartCount, ContainerID and ImageID, and the one before gives
// Last. repoDigests maps an image id (sha256:…) to its RepoDigests, for the imageID field; it may
// be nil. The result is sorted by container name.
func FromInspect(instances []container.InspectResponse, repoDigests map[string][]string) []Observed {
	groups := map[string][]container.InspectResponse{}
	for _, in := range instances {
		name, role := labels(in)
		if name == "" || role == plan.RolePause {
			continue
		}
		groups[name] = append(groups[name], in)
	}
	out := make([]Observed, 0, len(groups))
	for name, group := range groups {
		slices.SortFunc(group, newestFirst)
		newest := group[0]
		_, role := labels(newest)
		o := Observed{
			Name:         name,
			Role:         role,
			ImageID:      ImageID(newest.Image, repoDigests[newest.Image]),
			ContainerID:  ContainerID(newest.ID),
			State:        stateOf(newest),
			RestartCount: attempt(newest),
		}
		if newest.Config != nil {
			o.Image = newest.Config.Image
		}
		if len(group) > 1 {
			o.Last = stateOf(group[1]).Terminated
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b Observed) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// stateOf reads an instance's state the way cri-dockerd and containerd report it (§3.3, §3.5).
func stateOf(in container.InspectResponse) corev1.ContainerState {
	if in.ContainerJSONBase == nil || in.State == nil {
		return corev1.ContainerState{}
	}
	s := in.State
	started, finished := parseTime(s.StartedAt), parseTime(s.FinishedAt)
	switch {
	case s.Running || s.Paused || s.Restarting:
		return corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(started)}}
	case started.IsZero() && (s.ExitCode != 0 || s.Error != ""):
		// The process never started (exec format error, missing binary): containerd reports exit
		// 128 and reason StartError, with a start time of the epoch.
		if finished.IsZero() {
			finished = parseTime(in.Created)
		}
		return terminated(in, exitStartError, ReasonStartError, s.Error, time.Unix(0, 0), finished)
	case started.IsZero():
		// Created, not started yet: Compute shows the kubelet's default waiting reason.
		return corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{}}
	case finished.IsZero():
		return corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(started)}}
	}
	reason := ReasonError
	switch {
	case s.OOMKilled:
		reason = ReasonOOMKilled
	case s.ExitCode == 0:
		reason = ReasonCompleted
	}
	return terminated(in, s.ExitCode, reason, s.Error, started, finished)
}

func terminated(in container.InspectResponse, code int, reason, msg string, started, finished time.Time) corev1.ContainerState {
	return corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
		ExitCode:    int32(code),
		Reason:      reason,
		Message:     msg,
		StartedAt:   metav1.NewTime(started),
		FinishedAt:  metav1.NewTime(finished),
		ContainerID: ContainerID(in.ID),
	}}
}

// newestFirst orders instances by attempt, then creation time, newest first.
func newestFirst(a, b container.InspectResponse) int {
	if c := cmp.Compare(attempt(b), attempt(a)); c != 0 {
		return c
	}
	return parseTime(b.Created).Compare(parseTime(a.Created))
}

func labels(in container.InspectResponse) (string, plan.Role) {
	if in.Config == nil {
		return "", ""
	}
	return in.Config.Labels[plan.LabelContainer], plan.Role(in.Config.Labels[plan.LabelRole])
}

func attempt(in container.InspectResponse) int {
	if in.Config == nil {
		return 0
	}
	n, err := strconv.Atoi(in.Config.Labels[plan.LabelAttempt])
	if err != nil {
		return 0
	}
	return n
}

// parseTime reads the engine's RFC 3339 times; its "never" (0001-01-01T00:00:00Z) and anything
// unreadable are the zero time.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.IsZero() {
		return time.Time{}
	}
	return t
}
