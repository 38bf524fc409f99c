package runner

import (
	"context"
	"strings"
	"testing"

	"github.com/podrun/podrun/plan"
)

// With no registry, an Always pull of an image the engine has runs the local copy, with an
// event saying what a cluster would do; an image it lacks fails the run before anything exists.
func TestRunAlwaysPullFallsBackToTheLocalImage(t *testing.T) {
	for _, local := range []bool{true, false} {
		f := newFake()
		f.offline = true
		f.onStart = exitAllApps(0)
		p := testPlan(f, plan.RestartNever, nil, ctr("app", plan.RoleApp))
		p.Images = []plan.Image{{Ref: "mine:latest", Policy: plan.PullAlways}}
		f.images["mine:latest"] = local
		var rec recorder
		_, err := Run(context.Background(), f, p, rec.options())
		var fellBack bool
		for _, e := range rec.events {
			fellBack = fellBack || e.Kind == EventPullFailed && strings.Contains(e.Message, "ErrImagePull")
		}
		switch {
		case local && (err != nil || !fellBack):
			t.Errorf("local image: Run = %v, fallback event %v; want the run to go on, and say so", err, fellBack)
		case !local && (err == nil || !strings.Contains(err.Error(), `pull image "mine:latest"`)):
			t.Errorf("absent image: Run = %v, want the pull's failure", err)
		case !local && len(f.callsOf("ContainerCreate")) != 0:
			t.Errorf("absent image: containers were created: %v", f.callsOf("ContainerCreate"))
		}
	}
}
