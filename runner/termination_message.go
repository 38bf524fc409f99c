package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/pkg/stdcopy"
	"github.com/podrun/podrun/internal/pause"
	"github.com/podrun/podrun/plan"
)

// Termination messages (§3.4). The kubelet bind-mounts a fresh, empty, world-writable file per
// container instance at terminationMessagePath and reads its tail after the exit. podrun does
// the same with files in one engine volume per pod, created through the sandbox (which mounts
// the volume at terminationDir) and read back with CopyFromContainer: that works on a remote
// engine too, and after the instance is gone. (A file the container writes in its own /dev
// would be lost: /dev is a tmpfs of the container.)

const (
	terminationDir = pause.MessageDir
	// maxMessageBytes is the tail of the file the kubelet reads.
	maxMessageBytes = 4096
	// FallbackToLogsOnError: the last 80 lines of the log, at most 2048 bytes (tail kept).
	fallbackLines = 80
	fallbackBytes = 2048
)

// terminationVolume is the per-pod volume of message files; ok is false when no container has
// a terminationMessagePath.
func terminationVolume(p *plan.Plan) (volume.CreateOptions, bool) {
	for _, c := range append(append([]plan.Container{}, p.Init...), p.Containers...) {
		if c.TerminationMessagePath != "" {
			labels := withRunLabels(p, map[string]string{plan.LabelVolume: "termination-messages"})
			return volume.CreateOptions{Name: p.Sandbox.DockerName + "-termination", Driver: "local", Labels: labels}, true
		}
	}
	return volume.CreateOptions{}, false
}

// terminationMount is the sandbox's mount of the volume. The engine fills the fresh volume with
// the pause image's content at that path: the empty first-instance message files (pause.MessageDir).
func terminationMount(name string) mount.Mount {
	return mount.Mount{Type: mount.TypeVolume, Source: name, Target: terminationDir}
}

// messageFile names an instance's message file: the container's index in the pod (init
// containers, then regular ones) and the attempt, as the pause image names its files.
func messageFile(index, attempt int) string { return fmt.Sprintf("%d-%d", index, attempt) }

// indexOf is c's position among the pod's containers (init containers, then regular ones), read
// from the plan, which no goroutine changes.
func (w *worker) indexOf(c plan.Container) int {
	for i, name := range containerNames(w.p) {
		if name == c.Name {
			return i
		}
	}
	return -1
}

func containerNames(p *plan.Plan) []string {
	names := make([]string, 0, len(p.Init)+len(p.Containers))
	for _, c := range p.Init {
		names = append(names, c.Name)
	}
	for _, c := range p.Containers {
		names = append(names, c.Name)
	}
	return names
}

// premakeMessageFiles creates, in one copy into the running sandbox before any container starts,
// the first instance's message file of every container beyond the pause image's MessageFiles
// (the image provides the others; a copy into a container that is not running would mount its
// volumes for the copy and hold the engine's lock on it meanwhile).
func (w *worker) premakeMessageFiles(specs []plan.Container) error {
	if w.termMountpoint == "" {
		return nil
	}
	var names []string
	for i, c := range specs {
		if c.TerminationMessagePath != "" && i >= pause.MessageFiles { // the image holds the others
			names = append(names, messageFile(i, 0))
		}
	}
	return w.copyMessageFiles(names...)
}

// copyMessageFiles writes empty message files (mode 0666, as the kubelet's) into the volume.
func (w *worker) copyMessageFiles(names ...string) error {
	if len(names) == 0 {
		return nil
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, name := range names {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o666, Typeflag: tar.TypeReg, ModTime: time.Unix(0, 0)}); err != nil {
			return fmt.Errorf("termination message file: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("termination message file: %w", err)
	}
	if err := w.eng.CopyToContainer(w.ctx, w.sandboxID, terminationDir, &buf, container.CopyToContainerOptions{}); err != nil {
		return fmt.Errorf("termination message file: %w", err)
	}
	return nil
}

// messageBind returns the bind that mounts the instance's message file at the container's
// terminationMessagePath ("" when there is none). A first instance's file is made by
// premakeMessageFiles before any container starts (a bind's source must exist at start, not at
// create); a restart's is made here.
func (w *worker) messageBind(c plan.Container, attempt int) (string, error) {
	if c.TerminationMessagePath == "" || w.termMountpoint == "" {
		return "", nil
	}
	name := messageFile(w.indexOf(c), attempt)
	if attempt > 0 {
		if err := w.copyMessageFiles(name); err != nil {
			return "", err
		}
	}
	return w.termMountpoint + "/" + name + ":" + c.TerminationMessagePath, nil
}

// terminationMessage is an ended instance's message: the file's last 4096 bytes; with
// FallbackToLogsOnError, when the file is empty and the exit code is not 0, the log's last 80
// lines within 2048 bytes (§3.4, pitfall 14). Unreadable files give no message.
func (w *worker) terminationMessage(c plan.Container, attempt int, id string, code int) string {
	if c.TerminationMessagePath == "" || w.termMountpoint == "" {
		return ""
	}
	msg := w.readMessageFile(messageFile(w.indexOf(c), attempt))
	if msg == "" && code != 0 && c.TerminationMessagePolicy == "FallbackToLogsOnError" {
		msg = w.logTail(id, c.Config.Tty)
	}
	return msg
}

func (w *worker) readMessageFile(name string) string {
	path := terminationDir + "/" + name
	// Most containers write no message: a stat answers that for less than a read costs.
	if st, err := w.eng.ContainerStatPath(w.ctx, w.sandboxID, path); err != nil || st.Size == 0 {
		return ""
	}
	rc, _, err := w.eng.CopyFromContainer(w.ctx, w.sandboxID, path)
	if err != nil {
		return ""
	}
	defer rc.Close()
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err != nil {
			return ""
		}
		if h.Typeflag == tar.TypeReg {
			return string(tail(tr, maxMessageBytes))
		}
	}
}

func (w *worker) logTail(id string, tty bool) string {
	ctx, cancel := context.WithTimeout(w.ctx, logDrainTimeout)
	defer cancel()
	rc, err := w.eng.ContainerLogs(ctx, id, container.LogsOptions{ShowStdout: true, ShowStderr: true, Tail: fmt.Sprint(fallbackLines)})
	if err != nil {
		return ""
	}
	defer rc.Close()
	var out bytes.Buffer
	if tty {
		_, _ = io.Copy(&out, rc)
	} else {
		_, _ = stdcopy.StdCopy(&out, &out, rc)
	}
	lines := strings.SplitAfter(out.String(), "\n")
	if len(lines) > fallbackLines+1 {
		lines = lines[len(lines)-fallbackLines-1:]
	}
	s := strings.Join(lines, "")
	if len(s) > fallbackBytes {
		s = s[len(s)-fallbackBytes:]
	}
	return s
}

// tail reads r to the end and keeps its last n bytes.
func tail(r io.Reader, n int) []byte {
	data, _ := io.ReadAll(r)
	if len(data) > n {
		data = data[len(data)-n:]
	}
	return data
}
