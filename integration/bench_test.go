//go:build integration

package integration

import (
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/docker/api/types/volume"
	"golang.org/x/sync/errgroup"

	"github.com/podrun/podrun/internal/pause"
)

// BenchmarkPodLifecycle measures one pod — an init container, an HTTP sidecar on localhost and an
// app container (examples/sidecar-http.yaml) — end to end: start → app exits → everything
// removed, three ways, interleaved so that each sees the same machine:
//   - podrun: the binary, `podrun run -q`;
//   - script: a plain docker CLI script doing the same work;
//   - floor: only the Docker API calls the pod needs, with every overlap the kubelet's semantics
//     allow: volume and sandbox together, every container created as soon as the sandbox exists
//     (while it starts), parallel removals. What the semantics require stays: the init container
//     exits before the sidecar starts, the native sidecar has started before the app starts
//     (§1.3), and the sidecar is stopped with SIGTERM once the app has exited (§4.4).
//
// It reports the median of each and the ratios podrun/floor and podrun/script.
func BenchmarkPodLifecycle(b *testing.B) {
	ctx := context.Background()
	var tPodrun, tScript, tFloor []time.Duration
	for i := 0; b.Loop(); i++ {
		tPodrun = append(tPodrun, timed(b, func() error {
			out, err := exec.Command(podrunBin, "run", "-q", repoRoot+"/examples/sidecar-http.yaml").CombinedOutput()
			if err != nil {
				return fmt.Errorf("podrun: %v\n%s", err, out)
			}
			return nil
		}))
		tScript = append(tScript, timed(b, func() error { return dockerScript(fmt.Sprintf("bench%d", i)) }))
		tFloor = append(tFloor, timed(b, func() error { return floor(ctx, fmt.Sprintf("floor%d", i)) }))
	}
	p, s, f := median(tPodrun), median(tScript), median(tFloor)
	b.ReportMetric(ms(p), "podrun-ms")
	b.ReportMetric(ms(s), "script-ms")
	b.ReportMetric(ms(f), "floor-ms")
	b.ReportMetric(float64(p)/float64(f), "podrun/floor")
	b.ReportMetric(float64(p)/float64(s), "podrun/script")
	b.ReportMetric(float64(f)/float64(s), "floor/script")
	b.ReportMetric(0, "ns/op") // the per-way medians above are the figures that matter
}

func timed(b *testing.B, f func() error) time.Duration {
	start := time.Now()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

const appScript = `for i in $(seq 1 50); do if page=$(wget -q -O - http://localhost:8080/index.html); then echo "app got: $page"; exit 0; fi; sleep 0.1; done; exit 1`

// webScript is the example's sidecar: httpd, stopped at once by SIGTERM.
const webScript = `trap 'exit 0' TERM; httpd -f -v -p 8080 -h /www & wait`

// dockerScript is what a user would write with the docker CLI for the same pod.
func dockerScript(id string) error {
	script := strings.NewReplacer("$ID", id, "$PAUSE", pause.Ref, "$APP", appScript, "$WEB", webScript).Replace(`
set -e
L="--label dev.podrun.run=$ID"
J="--network container:pause-$ID --ipc container:pause-$ID"
docker volume create $L www-$ID >/dev/null
docker run -d $L --name pause-$ID --ipc shareable $PAUSE >/dev/null
docker run $L --name init-$ID $J -v www-$ID:/www podrun/busybox:local sh -c 'echo hello from the sidecar > /www/index.html'
docker run -d $L --name web-$ID $J -v www-$ID:/www:ro podrun/busybox:local sh -c "$WEB" >/dev/null
docker run $L --name app-$ID $J podrun/busybox:local sh -c '$APP' >/dev/null
docker stop web-$ID >/dev/null
docker rm -f app-$ID web-$ID init-$ID pause-$ID >/dev/null
docker volume rm www-$ID >/dev/null
`)
	out, err := exec.Command("bash", "-c", script).CombinedOutput()
	if err != nil {
		return fmt.Errorf("docker script: %v\n%s", err, out)
	}
	return nil
}

// floor makes only the API calls the pod needs, overlapping all that the semantics allow.
func floor(ctx context.Context, id string) error {
	labels := map[string]string{"dev.podrun.run": id}
	join := func(name, vol string, ro bool, cmd ...string) (*container.Config, *container.HostConfig) {
		h := &container.HostConfig{NetworkMode: container.NetworkMode("container:pause-" + id), IpcMode: container.IpcMode("container:pause-" + id)}
		if vol != "" {
			h.Mounts = []mount.Mount{{Type: mount.TypeVolume, Source: vol, Target: "/www", ReadOnly: ro}}
		}
		return &container.Config{Image: testImage, Cmd: cmd, Labels: labels}, h
	}
	vol := "www-" + id
	var g errgroup.Group
	g.Go(func() error {
		_, err := engine.VolumeCreate(ctx, volume.CreateOptions{Name: vol, Labels: labels})
		return err
	})
	if _, err := engine.ContainerCreate(ctx, &container.Config{Image: pause.Ref, Labels: labels},
		&container.HostConfig{IpcMode: "shareable"}, nil, nil, "pause-"+id); err != nil {
		return err
	}
	if err := g.Wait(); err != nil { // the volume exists: containers may mount it
		return err
	}
	g.Go(func() error { return engine.ContainerStart(ctx, "pause-"+id, container.StartOptions{}) })
	specs := []struct {
		name string
		ro   bool
		vol  string
		cmd  []string
	}{
		{"init", false, vol, []string{"sh", "-c", "echo hello from the sidecar > /www/index.html"}},
		{"web", true, vol, []string{"sh", "-c", webScript}},
		{"app", false, "", []string{"sh", "-c", appScript}},
	}
	ids := make([]string, len(specs))
	for i, s := range specs {
		g.Go(func() error {
			c, h := join(s.name, s.vol, s.ro, s.cmd...)
			r, err := engine.ContainerCreate(ctx, c, h, nil, nil, s.name+"-"+id)
			ids[i] = r.ID
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := startAndWait(ctx, ids[0]); err != nil {
		return err
	}
	if err := engine.ContainerStart(ctx, ids[1], container.StartOptions{}); err != nil {
		return err
	}
	if err := startAndWait(ctx, ids[2]); err != nil {
		return err
	}
	if err := engine.ContainerStop(ctx, ids[1], container.StopOptions{}); err != nil {
		return err
	}
	for _, name := range []string{"app", "web", "init", "pause"} {
		g.Go(func() error {
			return engine.ContainerRemove(ctx, name+"-"+id, container.RemoveOptions{Force: true})
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return engine.VolumeRemove(ctx, vol, false)
}

func startAndWait(ctx context.Context, id string) error {
	waitC, errC := engine.ContainerWait(ctx, id, container.WaitConditionNextExit)
	if err := engine.ContainerStart(ctx, id, container.StartOptions{}); err != nil {
		return err
	}
	select {
	case r := <-waitC:
		if r.StatusCode != 0 {
			return fmt.Errorf("container %s exited %d", id, r.StatusCode)
		}
		return nil
	case err := <-errC:
		return err
	}
}
