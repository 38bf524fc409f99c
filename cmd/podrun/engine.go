package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/docker/docker/client"
	"github.com/docker/go-connections/tlsconfig"
)

// pingTimeout bounds the first contact with the engine, so a host that does not answer is a
// clear error within seconds rather than a hang.
const pingTimeout = 10 * time.Second

// connect opens the engine the way the docker CLI does (--host, --context, DOCKER_HOST,
// DOCKER_CONTEXT, the current context, the default socket; TLS from the environment or the
// context's store; ssh:// through `docker system dial-stdio`) and negotiates the API version,
// so engines from 20.10 (API 1.41) to today's work. It pings once so a missing engine is a
// clear error up front that names what was tried and why.
func connect(ctx context.Context, e *env) (*client.Client, error) {
	ep, err := resolveEndpoint(e.engine, osDockerEnv())
	if err != nil {
		return nil, err
	}
	e.log.Debug("engine", "host", ep.Host, "from", ep.Source)
	cli, err := newClient(ep)
	if err != nil {
		return nil, fmt.Errorf("docker client for %s (from %s): %w", ep.Host, ep.Source, err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if _, err := cli.Ping(pingCtx); err != nil {
		_ = cli.Close()
		return nil, fmt.Errorf("cannot reach the Docker engine at %s (from %s; choose another with --host, --context or DOCKER_HOST): %w", ep.Host, ep.Source, err)
	}
	cli.NegotiateAPIVersion(ctx)
	return cli, nil
}

// newClient builds a client for an endpoint without contacting it.
func newClient(ep endpoint) (*client.Client, error) {
	opts := []client.Opt{client.WithAPIVersionNegotiation()}
	if ep.FromEnv {
		// DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and DOCKER_API_VERSION, as the default context.
		opts = append(opts, client.FromEnv)
	} else if ep.TLS != nil {
		cfg, err := tlsconfig.Client(tlsconfig.Options{
			CAFile: ep.TLS.CAFile, CertFile: ep.TLS.CertFile, KeyFile: ep.TLS.KeyFile,
			InsecureSkipVerify: ep.TLS.SkipVerify, ExclusiveRootPools: true,
		})
		if err != nil {
			return nil, fmt.Errorf("tls: %w", err)
		}
		opts = append(opts, client.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}))
	}
	if strings.HasPrefix(ep.Host, "ssh://") {
		dial, err := sshDialer(ep.Host)
		if err != nil {
			return nil, err
		}
		// The HTTP host is a placeholder: every connection goes through ssh (as the CLI's
		// connhelper does).
		opts = append(opts, client.WithHost("http://docker.example.com"), client.WithDialContext(dial))
	} else {
		opts = append(opts, client.WithHost(ep.Host))
	}
	return client.NewClientWithOpts(opts...)
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
