//go:build integration

package integration

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The pod sandbox (issue point 3, kubelet-semantics §1.1, §9.5–9.7): the pause container owns
// the hostname, /etc/hosts, resolv.conf, published ports and, when asked, the PID namespace.

func TestIntegrationHostnameIsPodName(t *testing.T) {
	t.Parallel()
	// The pod name, cut to 63 characters with the trailing '-' the cut leaves trimmed (§9.5).
	// Both containers see it: they share the sandbox's UTS namespace.
	long := "it-hostname-" + strings.Repeat("x", 50) + "-tail-beyond-63" // 63rd character is '-'
	want := long[:62]
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: ` + long + `}
spec:
  restartPolicy: Never
  containers:
  - {name: a, image: podrun/busybox:local, command: [sh, -c, "echo hostname=$(hostname)"]}
  - {name: b, image: podrun/busybox:local, command: [sh, -c, "echo hostname=$(hostname); echo self=$(grep -c \"$(hostname)$\" /etc/hosts)"]}
`
	r := expectRun(t, long, manifest, 0)
	expectReported(t, r, "a", map[string]string{"hostname": want})
	expectReported(t, r, "b", map[string]string{"hostname": want, "self": "1"})
}

func TestIntegrationHostnameAliasesAndDNSConfig(t *testing.T) {
	t.Parallel()
	// spec.hostname wins over the pod name; hostAliases reach /etc/hosts; dnsPolicy None gives
	// a resolv.conf made of dnsConfig alone (§9.7). The sidecar sees the same files.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-dns}
spec:
  restartPolicy: Never
  hostname: custom-host
  hostAliases:
  - {ip: 10.1.2.3, hostnames: [foo.local, bar.local]}
  dnsPolicy: None
  dnsConfig:
    nameservers: [192.0.2.53]
    searches: [a.example, b.example]
    options: [{name: ndots, value: "2"}]
  containers:
  - name: app
    image: podrun/busybox:local
    command:
    - sh
    - -c
    - |
      echo hostname=$(hostname)
      echo foo=$(awk '$2 == "foo.local" || $3 == "foo.local" {print $1}' /etc/hosts)
      echo bar=$(awk '$2 == "bar.local" || $3 == "bar.local" {print $1}' /etc/hosts)
      echo self=$(awk '$NF == "custom-host" {print $1}' /etc/hosts)
      echo ip=$(ip -4 addr show eth0 | sed -n 's/.*inet \([0-9.]*\)\/.*/\1/p')
      echo nameservers=$(grep '^nameserver' /etc/resolv.conf | cut -d' ' -f2 | tr '\n' ,)
      echo search=$(grep '^search' /etc/resolv.conf | cut -d' ' -f2-)
      echo options=$(grep '^options' /etc/resolv.conf | cut -d' ' -f2-)
  - name: other
    image: podrun/busybox:local
    command: [sh, -c, "echo hostname=$(hostname); echo hostsum=$(grep -v '^#' /etc/hosts | md5sum | cut -c1-8); echo dns=$(grep -c 192.0.2.53 /etc/resolv.conf)"]
`
	r := expectRun(t, "it-dns", manifest, 0)
	expectReported(t, r, "app", map[string]string{
		"hostname": "custom-host", "foo": "10.1.2.3", "bar": "10.1.2.3",
		"nameservers": "192.0.2.53,", "search": "a.example b.example", "options": "ndots:2",
	})
	app := reported(r, "app")
	if app["self"] == "" || app["self"] != app["ip"] {
		t.Errorf("/etc/hosts maps custom-host to %q; the pod's address is %q", app["self"], app["ip"])
	}
	expectReported(t, r, "other", map[string]string{"hostname": "custom-host", "dns": "1"})
}

func TestIntegrationHostPortReachedFromHost(t *testing.T) {
	t.Parallel()
	// A detached pod publishes a container's hostPort on the sandbox; the test, on the host,
	// reaches the container through it, then `podrun down` removes everything.
	port := freePort(t)
	manifest := fmt.Sprintf(`
apiVersion: v1
kind: Pod
metadata: {name: it-hostport}
spec:
  terminationGracePeriodSeconds: 2
  containers:
  - name: web
    image: podrun/busybox:local
    command: [sh, -c, "mkdir -p /www && echo served-by-it-hostport > /www/index.html && exec httpd -f -p 8080 -h /www"]
    ports: [{containerPort: 8080, hostPort: %d}]
`, port)
	runDetached(t, "it-hostport", manifest)
	url := fmt.Sprintf("http://127.0.0.1:%d/", port)
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		// The server starts in a process the test does not own: retrying, bounded, is how it
		// waits for the listener.
		resp, err := client.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(body), "served-by-it-hostport") {
				t.Fatalf("GET %s: %s %q", url, resp.Status, body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s never answered: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestIntegrationShareProcessNamespace(t *testing.T) {
	t.Parallel()
	// With shareProcessNamespace the app sees the sidecar's processes, and PID 1 is the
	// sandbox's /pause; without it PID 1 would be the app's own shell.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-sharepid}
spec:
  restartPolicy: Never
  shareProcessNamespace: true
  initContainers:
  - {name: side, image: podrun/busybox:local, restartPolicy: Always, command: [sh, -c, "exec sleep 3601"]}
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo pid1=$(tr '\\0' ' ' < /proc/1/cmdline); echo sidecar=$(ps -o args | grep -c '^sleep 3601')"]
`
	r := expectRun(t, "it-sharepid", manifest, 0)
	expectReported(t, r, "app", map[string]string{"pid1": "/pause", "sidecar": "1"})
}
