package runner

import (
	"slices"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
)

var t0 = time.Unix(1_000_000, 0)

func view(name string, role plan.Role, policy plan.RestartPolicy, state ctrState, code int) ctrView {
	return ctrView{Name: name, Role: role, Policy: policy, State: state, ExitCode: code, FinishedAt: t0}
}

func acts(as ...action) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

func TestDecide(t *testing.T) {
	const (
		never     = plan.RestartNever
		onFailure = plan.RestartOnFailure
		always    = plan.RestartAlways
	)
	init := func(state ctrState, code int, pod plan.RestartPolicy) ctrView {
		return view("init", plan.RoleInit, effectivePolicy(plan.Container{Role: plan.RoleInit}, pod), state, code)
	}
	// side is a sidecar without a startup probe: started as soon as it runs.
	side := func(state ctrState, code int) ctrView {
		v := view("side", plan.RoleSidecar, always, state, code)
		v.Started = state == ctrRunning
		return v
	}
	unstarted := func(v ctrView) ctrView { v.Started = false; return v }
	withPostStart := func(v ctrView) ctrView { v.PostStart = true; return v }
	killed := func(v ctrView) ctrView { v.Killed = true; return v }
	app := func(name string, state ctrState, code int, pod plan.RestartPolicy) ctrView {
		return view(name, plan.RoleApp, pod, state, code)
	}
	backedOff := func(v ctrView, d time.Duration, last time.Time) ctrView {
		v.BackOff = backOff{Delay: d, LastUpdate: last}
		return v
	}
	tests := []struct {
		name string
		pod  podView
		now  time.Time
		want []string
	}{
		{"first init starts alone",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrNone, 0, never), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, []string{"start 0"}},
		{"second init waits for the first",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrRunning, 0, never), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, nil},
		{"second init after the first succeeded",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrExited, 0, never), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, []string{"start 1"}},
		{"init failure under Never kills the pod",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrExited, 1, never), app("a", ctrNone, 0, never)}},
			t0, []string{`kill pod: init container "init" failed with exit code 1`}},
		{"init failure under OnFailure restarts only that init",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrExited, 0, onFailure), init(ctrExited, 1, onFailure), app("a", ctrNone, 0, onFailure)}},
			t0, []string{"start 1"}},
		{"init failure under Always restarts it, held by back-off",
			podView{Primary: -1, Ctrs: []ctrView{backedOff(init(ctrExited, 1, always), 10*time.Second, t0.Add(-time.Second)), app("a", ctrNone, 0, always)}},
			t0.Add(4 * time.Second), []string{"back-off 0 6s"}},
		{"sidecar must run before the next init",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrStarting, 0), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, nil},
		{"running sidecar lets the next init start",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrRunning, 0), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, []string{"start 1"}},
		{"sidecar running but its startup probe not yet succeeded holds the next init (pitfall 2)",
			podView{Primary: -1, Ctrs: []ctrView{unstarted(side(ctrRunning, 0)), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, nil},
		{"sidecar whose postStart runs holds the next init (§1.3)",
			podView{Primary: -1, Ctrs: []ctrView{withPostStart(side(ctrStarting, 0)), init(ctrNone, 0, never)}},
			t0, nil},
		{"a postStart hook holds later app containers of the start loop (pitfall 1)",
			podView{Primary: -1, Ctrs: []ctrView{app("a", ctrRunning, 0, never), withPostStart(app("b", ctrStarting, 0, never)), app("c", ctrNone, 0, never)}},
			t0, nil},
		{"the start loop stops after a container with a postStart hook",
			podView{Primary: -1, Ctrs: []ctrView{app("a", ctrNone, 0, never), withPostStart(app("b", ctrNone, 0, never)), app("c", ctrNone, 0, never)}},
			t0, []string{"start 0", "start 1"}},
		{"a container killed by its liveness probe restarts under OnFailure even after exit 0 (§2.1)",
			podView{Primary: -1, Ctrs: []ctrView{killed(app("a", ctrExited, 0, onFailure))}},
			t0, []string{"start 0"}},
		{"a killed container that exited 0 while a back-off held it is not restarted under OnFailure (§2.1: the kill's sync could not restart it)",
			podView{Primary: -1, Ctrs: []ctrView{backedOff(killed(app("a", ctrExited, 0, onFailure)), 10*time.Second, t0.Add(-time.Second))}},
			t0, []string{"kill pod: all containers completed"}},
		{"a container killed by its liveness probe stays dead under Never",
			podView{Primary: -1, Ctrs: []ctrView{killed(app("a", ctrExited, 137, never))}},
			t0, []string{"kill pod: all containers completed"}},
		{"all app containers start together once initialized",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrRunning, 0), init(ctrExited, 0, never), app("a", ctrNone, 0, never), app("b", ctrNone, 0, never)}},
			t0, []string{"start 2", "start 3"}},
		{"successful init never re-runs under Always",
			podView{Primary: -1, Ctrs: []ctrView{init(ctrExited, 0, always), app("a", ctrRunning, 0, always)}},
			t0, nil},
		{"sidecar restarts under Never, whatever its exit",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrExited, 0), app("a", ctrRunning, 0, never)}},
			t0, []string{"start 0"}},
		{"sidecar restart during init does not hold the sequence",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrExited, 1), init(ctrExited, 0, never), init(ctrNone, 0, never), app("a", ctrNone, 0, never)}},
			t0, []string{"start 0", "start 2"}},
		{"Always restarts exit 0",
			podView{Primary: -1, Ctrs: []ctrView{app("a", ctrExited, 0, always)}},
			t0, []string{"start 0"}},
		{"OnFailure does not restart exit 0 and the pod completes",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrRunning, 0), app("a", ctrExited, 0, onFailure)}},
			t0, []string{"kill pod: all containers completed"}},
		{"OnFailure restarts a failure",
			podView{Primary: -1, Ctrs: []ctrView{app("a", ctrExited, 2, onFailure), app("b", ctrExited, 0, onFailure)}},
			t0, []string{"start 0"}},
		{"Never: pod completes when the last app exits; exited sidecar not restarted",
			podView{Primary: -1, Ctrs: []ctrView{side(ctrExited, 1), app("a", ctrExited, 0, never), app("b", ctrExited, 1, never)}},
			t0, []string{"kill pod: all containers completed"}},
		{"Never: one app still running keeps the pod",
			podView{Primary: -1, Ctrs: []ctrView{app("a", ctrExited, 0, never), app("b", ctrRunning, 0, never)}},
			t0, nil},
		{"primary exit ends the pod",
			podView{Primary: 1, Ctrs: []ctrView{app("a", ctrRunning, 0, never), {Name: "p", Role: plan.RolePrimary, Policy: never, State: ctrExited}}},
			t0, []string{`kill pod: primary container "p" exited with code 0`}},
		{"primary exit waits for starts in flight before ending the pod",
			podView{Primary: 1, Ctrs: []ctrView{app("a", ctrStarting, 0, never), {Name: "p", Role: plan.RolePrimary, Policy: never, State: ctrExited}}},
			t0, nil},
		{"termination stops regular containers first",
			podView{Primary: -1, Terminating: true, Ctrs: []ctrView{side(ctrRunning, 0), side(ctrRunning, 0), app("a", ctrRunning, 0, always), app("b", ctrRunning, 0, always)}},
			t0, []string{"stop 2", "stop 3"}},
		{"termination stops the last sidecar once regular containers exited",
			podView{Primary: -1, Terminating: true, Ctrs: []ctrView{side(ctrRunning, 0), side(ctrRunning, 0), app("a", ctrExited, 143, always)}},
			t0, []string{"stop 1"}},
		{"termination: earlier sidecar after the later one",
			podView{Primary: -1, Terminating: true, Ctrs: []ctrView{side(ctrRunning, 0), side(ctrExited, 143), app("a", ctrExited, 143, always)}},
			t0, []string{"stop 0"}},
		{"termination restarts nothing and ends when nothing runs",
			podView{Primary: -1, Terminating: true, Ctrs: []ctrView{side(ctrExited, 1), app("a", ctrExited, 1, always)}},
			t0, []string{"done"}},
		{"forced termination kills everything at once",
			podView{Primary: -1, Terminating: true, Forced: true, Ctrs: []ctrView{side(ctrRunning, 0), app("a", ctrRunning, 0, always)}},
			t0, []string{"kill 0", "kill 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := acts(decide(tc.pod, tc.now)...)
			if !slices.Equal(got, tc.want) {
				t.Errorf("decide = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDecideIsStableWhileStopping(t *testing.T) {
	v := view("a", plan.RoleApp, plan.RestartAlways, ctrRunning, 0)
	v.Stop = stopGraceful
	got := decide(podView{Primary: -1, Terminating: true, Ctrs: []ctrView{v}}, t0)
	if len(got) != 0 {
		t.Errorf("a stop already issued is issued again: %v", acts(got...))
	}
}

// TestBackOffSchedule replays a container that crashes as soon as it starts: the waits between
// restarts are 0, 10, 20, 40, 80, 160, 300, 300 s (§2.2).
func TestBackOffSchedule(t *testing.T) {
	c := view("a", plan.RoleApp, plan.RestartAlways, ctrExited, 1)
	now := t0
	var waits []time.Duration
	for range 8 {
		c.FinishedAt = now
		a := startOrBackOff([]ctrView{c}, 0, now)
		wait := time.Duration(0)
		if a.Kind == actBackOff {
			wait = a.Delay
			now = now.Add(a.Delay)
			a = startOrBackOff([]ctrView{c}, 0, now)
		}
		if a.Kind != actStart {
			t.Fatalf("not started after the back-off: %v", a)
		}
		c.BackOff = a.BackOff
		waits = append(waits, wait)
	}
	want := []time.Duration{0, 10, 20, 40, 80, 160, 300, 300}
	for i := range want {
		want[i] *= time.Second
	}
	if !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
}

func TestBackOffResetsAfterLongRun(t *testing.T) {
	b := backOff{Delay: 160 * time.Second, LastUpdate: t0}
	tests := []struct {
		name     string
		finished time.Duration // after the last restart; waits are measured from the finish
		wantWait time.Duration
		wantNext time.Duration
	}{
		{"short run keeps the back-off", 5 * time.Second, 160 * time.Second, 320 * time.Second},
		{"run of exactly 10 min keeps it", 600 * time.Second, 160 * time.Second, 300 * time.Second},
		{"run over 10 min starts over", 601 * time.Second, 0, 10 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			finished := t0.Add(tc.finished)
			if got := max(b.remaining(finished, finished), 0); got != tc.wantWait {
				t.Errorf("wait %s, want %s", got, tc.wantWait)
			}
			if got := b.next(finished, finished).Delay; got != min(tc.wantNext, backOffMax) {
				t.Errorf("next %s, want %s", got, min(tc.wantNext, backOffMax))
			}
		})
	}
}

func TestEffectivePolicy(t *testing.T) {
	tests := []struct {
		role plan.Role
		own  plan.RestartPolicy
		pod  plan.RestartPolicy
		want plan.RestartPolicy
	}{
		{plan.RoleSidecar, "", plan.RestartNever, plan.RestartAlways},
		{plan.RoleInit, plan.RestartAlways, plan.RestartAlways, plan.RestartOnFailure},
		{plan.RoleInit, "", plan.RestartNever, plan.RestartNever},
		{plan.RoleApp, "", plan.RestartOnFailure, plan.RestartOnFailure},
		{plan.RoleApp, plan.RestartNever, plan.RestartAlways, plan.RestartNever},
	}
	for _, tc := range tests {
		if got := effectivePolicy(plan.Container{Role: tc.role, RestartPolicy: tc.own}, tc.pod); got != tc.want {
			t.Errorf("%s own=%q pod=%s: %s, want %s", tc.role, tc.own, tc.pod, got, tc.want)
		}
	}
}
