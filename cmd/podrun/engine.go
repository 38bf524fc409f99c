package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/docker/docker/client"
)

// connect opens the engine the way the docker CLI does from the environment (DOCKER_HOST,
// DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) and negotiates the API version, so engines from 20.10
// (API 1.41) to today's work. It pings once so a missing engine is a clear error up front.
func connect(ctx context.Context) (*client.Client, error) {
	cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return nil, fmt.Errorf("docker client: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := cli.Ping(pingCtx); err != nil {
		_ = cli.Close()
		return nil, fmt.Errorf("cannot reach the Docker engine at %s (set DOCKER_HOST to choose another): %w", cli.DaemonHost(), err)
	}
	cli.NegotiateAPIVersion(ctx)
	return cli, nil
}

// isLocalEngine reports whether the engine shares this machine's filesystem, so hostPath checks
// can be made here (a unix socket or a Windows named pipe; tcp and ssh may be remote).
func isLocalEngine(cli *client.Client) bool {
	h := cli.DaemonHost()
	return strings.HasPrefix(h, "unix://") || strings.HasPrefix(h, "npipe://")
}

// newRunID is a short random id, unique per run: it goes into every name and label.
func newRunID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
