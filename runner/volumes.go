package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"maps"
	"path"
	"strings"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
)

// VolumeStagingDir is where the sandbox mounts each podrun volume, so that the runner can write
// the volume's files through the engine API (CopyToContainer), which works with remote engines
// too. The plan mounts volume v at VolumeStagingDir + v.Name.
const VolumeStagingDir = "/.podrun/volumes/"

// createVolumes creates the pod's engine-side volumes concurrently and returns each one's
// mount point by engine name (the source of subPath binds).
func createVolumes(ctx context.Context, eng Engine, p *plan.Plan) (map[string]string, error) {
	mountpoints := make([]string, len(p.Volumes))
	g, gctx := errgroup.WithContext(ctx)
	for i, v := range p.Volumes {
		g.Go(func() error {
			opts := v.Create
			opts.Labels = withRunLabels(p, opts.Labels)
			if _, ok := opts.Labels[plan.LabelVolume]; !ok {
				opts.Labels[plan.LabelVolume] = v.Name
			}
			vol, err := eng.VolumeCreate(gctx, opts)
			if err != nil {
				return fmt.Errorf("create volume %q: %w", v.Name, err)
			}
			mountpoints[i] = vol.Mountpoint
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	byName := make(map[string]string, len(p.Volumes))
	for i, v := range p.Volumes {
		byName[v.Create.Name] = mountpoints[i]
	}
	return byName, nil
}

// withRunLabels returns a copy of labels with the run's own labels added where missing:
// teardown finds objects by label only, so no object may lack them.
func withRunLabels(p *plan.Plan, labels map[string]string) map[string]string {
	out := maps.Clone(labels)
	if out == nil {
		out = map[string]string{}
	}
	for k, v := range p.Labels {
		if _, ok := out[k]; !ok {
			out[k] = v
		}
	}
	if p.RunID != "" {
		out[plan.LabelRun] = p.RunID
	}
	return out
}

// copyVolumeFiles writes every volume's Files into it through the running sandbox, one tar per
// volume, concurrently. It runs after the sandbox started: tmpfs-backed volumes exist only
// while mounted.
func copyVolumeFiles(ctx context.Context, eng Engine, sandboxID string, vols []plan.Volume, modTime time.Time) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, v := range vols {
		if len(v.Files) == 0 {
			continue
		}
		g.Go(func() error {
			archive, err := volumeTar(v.Name, v.Files, modTime)
			if err != nil {
				return fmt.Errorf("write volume %q: %w", v.Name, err)
			}
			// Into the staging directory, not the volume's own mount point: the engine skips a
			// tar's root entry ("./"), so the volume root's mode and group travel as "<name>/".
			// CopyUIDGID stays off: the entries keep the owners the tar gives them.
			err = eng.CopyToContainer(gctx, sandboxID, VolumeStagingDir, bytes.NewReader(archive), container.CopyToContainerOptions{})
			if err != nil {
				return fmt.Errorf("write volume %q: %w", v.Name, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// volumeTar builds the archive of a volume's files, in the plan's order, rooted at the volume's
// directory name (dir/...). Path "." is the volume root itself: an emptyDir's 0777, setgid and
// fsGroup (§9.2, §11). Entries are owned by root and by the plan's group (fsGroup, §9.3), so a
// container running as another user reads and writes them as in a cluster.
func volumeTar(dir string, files []plan.File, modTime time.Time) ([]byte, error) {
	if dir == "" || strings.ContainsAny(dir, "/\\") || dir == "." || dir == ".." {
		return nil, fmt.Errorf("volume directory %q: not a single path element", dir)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		name := path.Clean(f.Path)
		if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return nil, fmt.Errorf("file %q: path leaves the volume", f.Path)
		}
		h := &tar.Header{Name: path.Join(dir, name), Mode: f.Mode, Gid: int(f.GID), ModTime: modTime, Format: tar.FormatPAX}
		switch {
		case f.Link != "":
			h.Typeflag, h.Linkname = tar.TypeSymlink, f.Link
			if h.Mode == 0 {
				h.Mode = 0o777
			}
		case f.Dir || name == ".":
			h.Typeflag, h.Name = tar.TypeDir, h.Name+"/"
			if h.Mode == 0 {
				h.Mode = 0o755
			}
		default:
			h.Typeflag, h.Size = tar.TypeReg, int64(len(f.Data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, fmt.Errorf("file %q: %w", f.Path, err)
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write(f.Data); err != nil {
				return nil, fmt.Errorf("file %q: %w", f.Path, err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// subPathBinds turns a container's subPath mounts into bind mounts of a directory inside the
// volume's engine-side mount point; the engine creates the directory when missing, as the
// kubelet does (§9.1). Mount points not created by this run are looked up.
func subPathBinds(ctx context.Context, eng Engine, c plan.Container, mountpoints map[string]string) ([]string, error) {
	var binds []string
	for _, m := range c.SubPathMounts {
		mp, ok := mountpoints[m.Volume]
		if !ok || mp == "" {
			vol, err := eng.VolumeInspect(ctx, m.Volume)
			if err != nil {
				return nil, fmt.Errorf("subPath %q of volume %q: %w", m.SubPath, m.Volume, err)
			}
			mp = vol.Mountpoint
		}
		b := path.Join(mp, m.SubPath) + ":" + m.Target
		if m.ReadOnly {
			b += ":ro"
		}
		binds = append(binds, b)
	}
	return binds, nil
}
