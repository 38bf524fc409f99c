package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/jsonmessage"

	"github.com/podrun/podrun/internal/imagetar"
)

// ensure loads the archive unless ref already names an image with the same content, and says
// which it did. An older image that the load untagged is removed, unless a container uses it.
func ensure(ctx context.Context, cli *client.Client, ref string, archive []byte) (string, error) {
	want, err := imagetar.Read(archive)
	if err != nil {
		return "", fmt.Errorf("image %q: %w", ref, err)
	}
	old, err := cli.ImageInspect(ctx, ref)
	switch {
	case err == nil && sameImage(old, want):
		return fmt.Sprintf("%s is up to date (%s)", ref, shortID(old.ID)), nil
	case err != nil && !cerrdefs.IsNotFound(err):
		return "", fmt.Errorf("inspect image %q: %w", ref, err)
	}
	hadOld := err == nil

	if err := load(ctx, cli, archive); err != nil {
		return "", fmt.Errorf("load image %q: %w", ref, err)
	}
	loaded, err := cli.ImageInspect(ctx, ref)
	if err != nil {
		return "", fmt.Errorf("inspect image %q after loading it: %w", ref, err)
	}
	if !sameImage(loaded, want) {
		return "", fmt.Errorf("load image %q: the engine holds %s, not the image loaded", ref, shortID(loaded.ID))
	}
	line := fmt.Sprintf("%s loaded (%s)", ref, shortID(loaded.ID))
	if hadOld && old.ID != loaded.ID {
		// Best effort: a container still using the old image keeps it (a conflict).
		if _, err := cli.ImageRemove(ctx, old.ID, image.RemoveOptions{}); err == nil {
			line += fmt.Sprintf(", replacing %s", shortID(old.ID))
		}
	}
	return line, nil
}

func load(ctx context.Context, cli *client.Client, archive []byte) error {
	resp, err := cli.ImageLoad(ctx, bytes.NewReader(archive), client.ImageLoadWithQuiet(true))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if !resp.JSON {
		_, err := io.Copy(io.Discard, resp.Body)
		return err
	}
	// The engine reports a failed load inside the stream, with status 200.
	return jsonmessage.DisplayJSONMessagesStream(resp.Body, io.Discard, 0, false, nil)
}

// sameImage says whether the engine's image is the archive's. With the classic image store the
// image ID is the config digest; the containerd store reports the manifest digest instead, so
// there the layers and the config podrun sets are compared.
func sameImage(got image.InspectResponse, want imagetar.Image) bool {
	if got.ID == want.ID {
		return true
	}
	if got.Config == nil || got.Architecture != want.Architecture ||
		!reflect.DeepEqual(got.RootFS.Layers, want.DiffIDs) {
		return false
	}
	c := got.Config
	return equalStrings(c.Entrypoint, want.Config.Entrypoint) && equalStrings(c.Cmd, want.Config.Cmd) &&
		equalStrings(c.Env, want.Config.Env) && c.WorkingDir == want.Config.WorkingDir &&
		c.User == want.Config.User && equalLabels(c.Labels, want.Config.Labels)
}

// equalStrings treats nil and empty alike, as the engine's JSON does.
func equalStrings(a, b []string) bool { return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b) }

func equalLabels(a, b map[string]string) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func shortID(id string) string {
	const n = len("sha256:") + 12
	if len(id) > n {
		return id[:n]
	}
	return id
}
