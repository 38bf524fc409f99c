package main

import (
	"strings"
	"testing"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/go-connections/nat"

	"github.com/podrun/podrun/plan"
)

func TestPublishedConflict(t *testing.T) {
	other := container.Summary{ID: "abc", Names: []string{"/web"}, Ports: []container.Port{{IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp"}}}
	local := container.Summary{ID: "def", Labels: map[string]string{plan.LabelPod: "api", plan.LabelRun: "r1"}, Ports: []container.Port{{IP: "127.0.0.1", PrivatePort: 80, PublicPort: 9090, Type: "tcp"}, {PrivatePort: 53, Type: "udp"}}}
	cases := []struct {
		name string
		want hostPort
		hit  bool
	}{
		{"same port on every address", hostPort{Port: 8080, Proto: "tcp"}, true},
		{"same port, specific address vs every address", hostPort{IP: "127.0.0.2", Port: 8080, Proto: "tcp"}, true},
		{"same port, other protocol", hostPort{Port: 8080, Proto: "udp"}, false},
		{"same port, same address", hostPort{IP: "127.0.0.1", Port: 9090, Proto: "tcp"}, true},
		{"same port, other address", hostPort{IP: "127.0.0.2", Port: 9090, Proto: "tcp"}, false},
		{"other port", hostPort{Port: 8081, Proto: "tcp"}, false},
		{"an unpublished port", hostPort{Port: 53, Proto: "udp"}, false},
	}
	for _, tc := range cases {
		_, _, hit := publishedConflict([]hostPort{tc.want}, []container.Summary{other, local})
		if hit != tc.hit {
			t.Errorf("%s: conflict = %v, want %v", tc.name, hit, tc.hit)
		}
	}
	if _, c, _ := publishedConflict([]hostPort{{Port: 9090, Proto: "tcp"}}, []container.Summary{local}); !strings.Contains(describeContainer(c), "podrun down api/r1") {
		t.Errorf("a podrun pod is not named with how to end it: %s", describeContainer(c))
	}
}

func TestHostPortsOfThePlan(t *testing.T) {
	p := &plan.Plan{Sandbox: plan.Container{Host: &container.HostConfig{PortBindings: nat.PortMap{
		"8080/tcp": {{HostPort: "18080"}},
		"53/udp":   {{HostIP: "127.0.0.1", HostPort: "5353"}},
		"9000/tcp": {{HostPort: ""}}, // no hostPort: nothing published
	}}}}
	got := hostPorts(p)
	if len(got) != 2 || got[0].String() != "127.0.0.1:5353/udp" || got[1].String() != "18080/tcp" {
		t.Errorf("hostPorts = %v", got)
	}
	if !portTaken(errString("driver failed programming external connectivity: Bind for 0.0.0.0:18080 failed: port is already allocated")) {
		t.Error("the engine's port error is not recognised")
	}
}

type errString string

func (e errString) Error() string { return string(e) }
