package plan

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestContainersJoinTheSandbox checks, for every container of every golden case, what the
// engine demands of a container that joins another's network (§1.1, DESIGN.md): no hostname,
// domain, DNS, extra hosts, exposed or published ports; the sandbox's network and IPC
// namespaces; and neither the engine's restart policy nor an image HEALTHCHECK.
func TestContainersJoinTheSandbox(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, file := range files {
		p, err := Build(loadFixture(t, file), testOptions())
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		join := "container:" + p.Sandbox.DockerName
		for _, c := range append(append([]Container{}, p.Init...), p.Containers...) {
			where := caseName(file) + "/" + c.Name
			cfg, h := c.Config, c.Host
			if cfg.Hostname != "" || cfg.Domainname != "" || len(cfg.ExposedPorts) > 0 {
				t.Errorf("%s: hostname %q, domain %q, exposed %v: the engine refuses them in container network mode",
					where, cfg.Hostname, cfg.Domainname, cfg.ExposedPorts)
			}
			if len(h.DNS)+len(h.DNSSearch)+len(h.DNSOptions)+len(h.ExtraHosts)+len(h.PortBindings)+len(h.Links) > 0 || h.PublishAllPorts {
				t.Errorf("%s: DNS %v %v %v, extra hosts %v, ports %v: the engine refuses them in container network mode",
					where, h.DNS, h.DNSSearch, h.DNSOptions, h.ExtraHosts, h.PortBindings)
			}
			if string(h.NetworkMode) != join || string(h.IpcMode) != join {
				t.Errorf("%s: network %q, ipc %q; want %q", where, h.NetworkMode, h.IpcMode, join)
			}
			if h.UTSMode != "" {
				t.Errorf("%s: UTS mode %q: the hostname comes with the sandbox's network", where, h.UTSMode)
			}
			if h.RestartPolicy.Name != "no" || cfg.Healthcheck == nil || cfg.Healthcheck.Test[0] != "NONE" {
				t.Errorf("%s: restart %q, healthcheck %v: restarts and probes are podrun's", where, h.RestartPolicy.Name, cfg.Healthcheck)
			}
			if !strings.HasPrefix(c.DockerName, "podrun_"+c.Name+"_") || !strings.HasSuffix(c.DockerName, "_"+p.RunID) {
				t.Errorf("%s: engine name %q", where, c.DockerName)
			}
		}
		if p.Sandbox.Host.IpcMode != "shareable" && p.Sandbox.Host.IpcMode != "host" {
			t.Errorf("%s: sandbox IPC mode %q cannot be joined", file, p.Sandbox.Host.IpcMode)
		}
	}
}

// TestSandboxHoldsEveryVolume: every podrun volume stays mounted on the sandbox for the pod's
// life (tmpfs content survives container restarts; the runner copies files there).
func TestSandboxHoldsEveryVolume(t *testing.T) {
	p, err := Build(loadFixture(t, "testdata/volumes.yaml"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mounted := map[string]string{}
	for _, m := range p.Sandbox.Host.Mounts {
		if _, ok := mounted[m.Source]; !ok { // the first mount is the volume's own directory
			mounted[m.Source] = m.Target
		}
	}
	for _, v := range p.Volumes {
		if got, want := mounted[v.Create.Name], SandboxVolumeDir+"/"+v.Name; got != want {
			t.Errorf("volume %s mounted on the sandbox at %q, want %q", v.Name, got, want)
		}
	}
	if len(mounted) != len(p.Volumes) {
		t.Errorf("sandbox mounts %d, volumes %d: hostPath must not be among them", len(p.Sandbox.Host.Mounts), len(p.Volumes))
	}
}

// TestRenderingNeverShowsASecret: Secret values appear nowhere in a rendering — not in env, not
// where $(VAR) carried them into other variables or the command, not in volume files.
func TestRenderingNeverShowsASecret(t *testing.T) {
	for file, secrets := range map[string][]string{
		"testdata/env.yaml":     {"s3cr3t-token", "admin"},
		"testdata/volumes.yaml": {"hunter2"},
	} {
		p, err := Build(loadFixture(t, file), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		out := p.YAML()
		for _, s := range secrets {
			if bytes.Contains(out, []byte(s)) {
				t.Errorf("%s: rendering shows the secret %q", file, s)
			}
		}
		if !bytes.Contains(out, []byte(secretMask)) && file == "testdata/env.yaml" {
			t.Errorf("%s: no %s marker in the rendering", file, secretMask)
		}
	}
	// The plan itself keeps the values: the engine needs them.
	p, _ := Build(loadFixture(t, "testdata/env.yaml"), testOptions())
	if env := strings.Join(p.Containers[0].Config.Env, "\n"); !strings.Contains(env, "TOKEN=s3cr3t-token") ||
		!strings.Contains(env, "AUTH=Bearer s3cr3t-token") {
		t.Errorf("plan env lost the secret values:\n%s", env)
	}
}
