package runner

import (
	"archive/tar"
	"context"
	"io"
	"testing"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// A kept pod carries its final status, as the runner computed it, for `podrun get` after the
// podrun that ran it has exited.
func TestRunKeepStoresTheFinalStatusWithThePod(t *testing.T) {
	f := newFake()
	f.files = map[string]string{}
	f.onStart = exitAllApps(0)
	f.copyTo = func(_, _ string, content io.Reader) error { // files written into the sandbox
		tr := tar.NewReader(content)
		for {
			h, err := tr.Next()
			if err != nil {
				return nil
			}
			data, _ := io.ReadAll(tr)
			f.mu.Lock()
			f.files[h.Name] = string(data)
			f.mu.Unlock()
		}
	}
	web := ctr("web", plan.RoleApp)
	web.TerminationMessagePath, web.TerminationMessagePolicy = "/dev/termination-log", "File"
	p := testPlan(f, plan.RestartNever, nil, web)
	res, err := Run(context.Background(), f, p, Options{Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	var sandboxID string
	for id, c := range f.containers {
		if c.Docker == "pod-r1-pause" {
			sandboxID = id
		}
	}
	st, ok := KeptStatus(context.Background(), f, sandboxID)
	if !ok {
		t.Fatal("no status stored with the kept pod")
	}
	if st.Phase != corev1.PodSucceeded || st.Phase != res.Status.Phase || len(st.ContainerStatuses) != 1 {
		t.Errorf("stored status phase %q with %d containers, want the run's %q", st.Phase, len(st.ContainerStatuses), res.Status.Phase)
	}
}
