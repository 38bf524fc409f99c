package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/docker/docker/api/types/container"
	corev1 "k8s.io/api/core/v1"
)

// A kept pod (--keep) outlives the podrun that ran it, but `podrun get` should still show the
// kubelet's view of it — termination messages, probe results, back-offs — which the engine's
// inspect data cannot rebuild. The final status is stored with the pod, on the engine (labels
// and the pod's own objects are podrun's only state): a file in the termination-message volume,
// which the sandbox mounts and which is removed with the pod.
const keptStatusFile = "status.json"

// storeKeptStatus writes the pod's final status into the sandbox's termination volume.
func storeKeptStatus(ctx context.Context, eng Engine, sandboxID string, st corev1.PodStatus) error {
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("store the final status: %w", err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	hdr := &tar.Header{Name: keptStatusFile, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg, ModTime: time.Unix(0, 0)}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("store the final status: %w", err)
	}
	if _, err := tw.Write(data); err != nil {
		return fmt.Errorf("store the final status: %w", err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("store the final status: %w", err)
	}
	if err := eng.CopyToContainer(ctx, sandboxID, terminationDir, &buf, container.CopyToContainerOptions{}); err != nil {
		return fmt.Errorf("store the final status: %w", err)
	}
	return nil
}

// KeptStatus reads the final status a run stored with a kept pod; ok is false when there is
// none (a pod still run by its podrun, or kept by an older podrun).
func KeptStatus(ctx context.Context, eng Engine, sandboxID string) (st corev1.PodStatus, ok bool) {
	rc, _, err := eng.CopyFromContainer(ctx, sandboxID, terminationDir+"/"+keptStatusFile)
	if err != nil {
		return st, false
	}
	defer rc.Close()
	tr := tar.NewReader(rc)
	if _, err := tr.Next(); err != nil {
		return st, false
	}
	data, err := io.ReadAll(tr)
	if err != nil || json.Unmarshal(data, &st) != nil {
		return corev1.PodStatus{}, false
	}
	return st, true
}
