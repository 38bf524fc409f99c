package plan

import (
	"path"
	"testing"

	"github.com/podrun/podrun/internal/pause"
)

// TestEmptyDirRootFromThePauseImage: a disk emptyDir with the kubelet's plain 0777 root (§9.2)
// is also mounted by the sandbox at one of the pause image's 0777 directories, with the engine's
// copy of the mount point's mode on, and needs no root File; a memory-backed one, or one with an
// fsGroup (group and setgid), keeps its root File for the runner to copy.
func TestEmptyDirRootFromThePauseImage(t *testing.T) {
	cases := []struct {
		name      string
		podSC     string
		medium    string
		wantMount bool
	}{
		{name: "disk", wantMount: true},
		{name: "memory", medium: "medium: Memory", wantMount: false},
		{name: "fsGroup", podSC: "securityContext: {fsGroup: 2000}", wantMount: false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := parseInput(t, `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  `+tc.podSC+`
  volumes: [{name: scratch, emptyDir: {`+tc.medium+`}}]
  containers:
  - {name: c, image: busybox:1.36, volumeMounts: [{name: scratch, mountPath: /scratch}]}
`)
			p, err := Build(in, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			root := path.Join(pause.EmptyDirRoots, "0")
			var mounted bool
			for _, m := range p.Sandbox.Host.Mounts {
				if m.Target == root {
					mounted = true
					if m.Source != p.Volumes[0].Create.Name || (m.VolumeOptions != nil && m.VolumeOptions.NoCopy) {
						t.Errorf("root mount %+v: want the volume, with the engine's copy of the mount point on", m)
					}
				}
			}
			hasRootFile := len(p.Volumes[0].Files) > 0 && p.Volumes[0].Files[0].Path == "."
			if mounted != tc.wantMount || hasRootFile == tc.wantMount {
				t.Errorf("mounted at %s: %v, root File planned: %v; want the mount %v and the File %v",
					root, mounted, hasRootFile, tc.wantMount, !tc.wantMount)
			}
		})
	}
}
