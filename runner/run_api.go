package runner

import (
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// Options are how a caller observes and steers a run. Every callback may be nil; callbacks are
// called from the runner's goroutines, one at a time (the runner serializes them).
type Options struct {
	// Keep leaves the pod's containers and volumes on the engine after it ends (--keep).
	Keep bool
	// LocalEngine says the engine runs on this machine, so hostPath volumes name paths podrun
	// can check and create before the pod starts (the kubelet's hostPath type checks, §9.4).
	LocalEngine bool
	// SeccompProfileRoot is the directory relative Localhost seccomp profiles are read from:
	// the kubelet's <root-dir>/seccomp (§11). Empty: the working directory. Profiles are only
	// read when LocalEngine; a remote engine's node files are out of reach.
	SeccompProfileRoot string
	// Force is closed when the user asks to stop at once (a second Ctrl-C): grace periods end.
	Force <-chan struct{}
	// OnLog receives every line of container output.
	OnLog func(LogLine)
	// OnEvent receives progress: pulls, creates, starts, exits, restarts, back-offs, kills.
	OnEvent func(Event)
	// OnStatus receives the pod's status, as the kubelet would report it, after every change.
	OnStatus func(corev1.PodStatus)
	// Pod is the pod with the API server's defaults applied (podspec.Input.Pod), that the plan
	// was made from: the status is computed against its spec (names, roles, restart policies,
	// readiness gates, QoS class, volume mounts). When nil, a minimal pod is derived from the
	// plan, which gets phases, conditions and container states right but not the rest.
	Pod *corev1.Pod
	// ProbeHelper is the path of podrun's own executable. When it is a static Linux build for
	// the engine's architecture, it is copied into the pod's sandbox and network probes and
	// httpGet hooks run there (`podrun __probe`, package probe), from the pod's network
	// namespace; otherwise, or when empty, they are sent from this machine to the pod IP, and
	// an EventProbeFromHost says so.
	ProbeHelper string
	// Collect lists files to read from the pod's sandbox after the pod has ended and before
	// teardown (collect.go): paths under plan.SandboxVolumeDir/<volume>/, where the sandbox mounts
	// the pod's volumes. They come back in Result.Collected.
	Collect []string
}

// LogLine is one line a container wrote.
type LogLine struct {
	Container string
	Attempt   int
	Stderr    bool
	Text      string // without the trailing newline
}

// EventKind names a step of the pod's life.
type EventKind string

const (
	EventPulling EventKind = "Pulling"
	EventPulled  EventKind = "Pulled"
	// EventPullFailed: an Always pull failed and the engine's local copy runs instead.
	EventPullFailed EventKind = "PullFailed"
	EventCreated    EventKind = "Created"
	EventStarted    EventKind = "Started"
	EventExited     EventKind = "Exited"
	EventBackOff    EventKind = "BackOff"
	EventKilling    EventKind = "Killing"
	EventRemoved    EventKind = "Removed"
	EventPodPhase   EventKind = "PodPhase"
	EventTeardown   EventKind = "Teardown"
	EventFailedHook EventKind = "FailedHook"
	// EventSandboxChanged: the pause container exited while the pod ran; the pod is killed (§1.1).
	EventSandboxChanged EventKind = "SandboxChanged"
	// Hooks (§6): a postStart or preStop hook began or returned; failures are EventFailedHook.
	EventPostStart     EventKind = "PostStartHook"
	EventPostStartDone EventKind = "PostStartHookDone"
	EventPreStop       EventKind = "PreStopHook"
	EventPreStopDone   EventKind = "PreStopHookDone"
	// EventUnhealthy is one failed probe attempt (the kubelet's Unhealthy event, §5).
	EventUnhealthy EventKind = "Unhealthy"
	// EventProbe is a published probe result that changed the container: started, ready,
	// not ready, liveness or startup failure (ExitCode 1 for success, 0 for failure).
	EventProbe EventKind = "ProbeResult"
	// EventPodReady: the pod's Ready condition changed (ExitCode 1 when it became True).
	EventPodReady EventKind = "PodReady"
	// EventProbeFromHost: the pod has network probes or httpGet hooks, and podrun could not
	// install itself in the sandbox to run them there (Options.ProbeHelper): they are sent from
	// this machine, which may not reach the pod IP. Message says why.
	EventProbeFromHost EventKind = "ProbeFromHost"
)

// Event is one step of the pod's life, for progress output and the timeline.
type Event struct {
	Time      time.Time
	Kind      EventKind
	Container string // empty for pod-level events
	Role      plan.Role
	Attempt   int
	ExitCode  int
	Message   string
}

// Result is how the pod ended.
type Result struct {
	Phase corev1.PodPhase
	// ExitCode is the pod's result by DESIGN.md's contract: the primary's exit code when there
	// is a primary, else 0 when the pod succeeded, else the code of the container that failed it.
	ExitCode   int
	Status     corev1.PodStatus
	Containers []ContainerResult
	// Collected holds the content of each Options.Collect path that existed when the pod ended.
	Collected map[string][]byte
}

// ContainerResult summarises one container of the pod.
type ContainerResult struct {
	Name     string
	Role     plan.Role
	ExitCode int
	Restarts int
	Ran      bool // false when it was never started
	Started  time.Time
	Finished time.Time
	Reason   string
	// Message is the last instance's termination message (§3.4), with any runtime message.
	Message string
}
