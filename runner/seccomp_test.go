package runner

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podrun/podrun/plan"
)

const auditProfile = `{"defaultAction": "SCMP_ACT_LOG"}`

// seccompPlan has one container with a Localhost profile (as the plan writes it) and one with
// the kubelet's default, Unconfined.
func seccompPlan(f *fakeEngine, profile string) *plan.Plan {
	web := ctr("web", plan.RoleApp)
	web.Host.SecurityOpt = []string{"no-new-privileges", "seccomp=" + profile}
	other := ctr("other", plan.RoleApp)
	other.Host.SecurityOpt = []string{"seccomp=unconfined"}
	f.onStart = exitAllApps(0)
	return testPlan(f, plan.RestartNever, nil, web, other)
}

func TestRunInlinesLocalhostSeccompProfile(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "profiles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "profiles/audit.json"), []byte(auditProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFake()
	p := seccompPlan(f, "profiles/audit.json")
	if _, err := Run(context.Background(), f, p, Options{LocalEngine: true, SeccompProfileRoot: root}); err != nil {
		t.Fatal(err)
	}
	if got, want := f.createdHost("pod-r1-web").SecurityOpt, []string{"no-new-privileges", "seccomp=" + auditProfile}; !slices.Equal(got, want) {
		t.Errorf("web's security options %q, want %q", got, want)
	}
	if got := f.createdHost("pod-r1-other").SecurityOpt; !slices.Equal(got, []string{"seccomp=unconfined"}) {
		t.Errorf("other's security options %q", got)
	}
	if p.Containers[0].Host.SecurityOpt[1] != "seccomp=profiles/audit.json" {
		t.Error("the plan was modified")
	}
}

// A profile that cannot be used ends the run before any object exists on the engine.
func TestRunRefusesUnusableSeccompProfile(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "bad.json"), []byte("defaultAction: allow"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		profile string
		opts    Options
		is      error
		want    string
	}{
		{"remote engine", "bad.json", Options{SeccompProfileRoot: root}, ErrRemoteSeccompProfile, ""},
		{"missing file", "nope.json", Options{LocalEngine: true, SeccompProfileRoot: root}, fs.ErrNotExist, ""},
		{"not JSON", "bad.json", Options{LocalEngine: true, SeccompProfileRoot: root}, nil, "is not a JSON seccomp profile"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			_, err := Run(context.Background(), f, seccompPlan(f, tc.profile), tc.opts)
			switch {
			case err == nil:
				t.Fatal("the run started")
			case tc.is != nil && !errors.Is(err, tc.is):
				t.Errorf("err %v, want %v", err, tc.is)
			case !strings.HasPrefix(err.Error(), `read seccomp profile "`+tc.profile+`" of container "web": `):
				t.Errorf("err %q does not name the container and profile", err)
			case !strings.Contains(err.Error(), tc.want):
				t.Errorf("err %q, want %q", err, tc.want)
			}
			if n := len(f.callsOf("ContainerCreate")) + len(f.callsOf("VolumeCreate")) + len(f.callsOf("ImagePull")); n != 0 {
				t.Errorf("%d objects created or pulled", n)
			}
		})
	}
}
