// Command testimage loads into the Docker engine the images podrun's examples and tests use,
// built here with no registry (run by `make images`):
//
//   - podrun/busybox:local, FROM scratch, from the static busybox at $BUSYBOX (/bin/busybox);
//   - the pause image (pause.Ref) for the engine's architecture.
//
// It is idempotent: an image already present with the same content is left alone. It prints
// one line per image saying what it did.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/docker/docker/client"

	"github.com/podrun/podrun/internal/pause"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Getenv("BUSYBOX"), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "testimage:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, busyboxPath string, out io.Writer) error {
	if busyboxPath == "" {
		busyboxPath = "/bin/busybox"
	}
	cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return fmt.Errorf("connect to the engine: %w", err)
	}
	defer cli.Close()
	info, err := cli.Info(ctx)
	if err != nil {
		return fmt.Errorf("connect to the engine: %w", err)
	}

	busybox, err := busyboxImage(busyboxPath, info.Architecture)
	if err != nil {
		return err
	}
	pauseImage, err := pause.Tar(info.Architecture)
	if err != nil {
		return err
	}
	for _, img := range []namedArchive{{BusyboxRef, busybox}, {pause.Ref, pauseImage}} {
		line, err := ensure(ctx, cli, img.ref, img.archive)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, line)
	}
	return nil
}

type namedArchive struct {
	ref     string
	archive []byte
}
