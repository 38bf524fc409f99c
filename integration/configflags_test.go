//go:build integration

package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// ConfigMaps and Secrets given outside the manifest (issue 5 point 6): --configmap NAME=DIR
// becomes a configMap volume (one key per regular file, as kubectl create configmap
// --from-file=DIR), --configmap-env an envFrom source, --secret NAME=FILE a secretKeyRef, as if
// the manifest held them. Observed from inside the container.

const configFlagsPod = `
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  restartPolicy: Never
  volumes: [{name: cfg, configMap: {name: app-files}}]
  containers:
  - name: show
    image: podrun/busybox:local
    envFrom: [{prefix: ENV_, configMapRef: {name: app-env}}]
    env:
    - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
    - {name: USER_NAME, valueFrom: {secretKeyRef: {name: creds, key: user}}}
    command: [sh, -c]
    args:
    - |
      echo settings=$(cat /cfg/settings.conf)
      echo keys=$(ls /cfg | tr '\n' ' ')
      echo mode=$ENV_MODE
      echo from-env=$ENV_FROM_ENV
      echo token=$TOKEN
      echo user=$USER_NAME
      %s
    volumeMounts: [{name: cfg, mountPath: /cfg}]
`

func configFlagsFixture(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("conf/settings.conf", "currency=EUR")
	write("conf/limits.conf", "max=3")
	write("conf/nested/skipped.conf", "a subdirectory is not a key")
	write("app.env", "# app settings\nMODE=production\nFROM_ENV\n")
	write("token", "s3cr3t")
	return dir
}

func configFlagsArgs(dir string) []string {
	return []string{
		"--configmap", "app-files=" + filepath.Join(dir, "conf"),
		"--configmap-env", "app-env=" + filepath.Join(dir, "app.env"),
		"--secret", "creds=" + filepath.Join(dir, "token"),
		"--secret-literal", "creds=user=admin",
	}
}

func TestIntegrationConfigMapAndSecretFromFlags(t *testing.T) {
	t.Parallel()
	dir := configFlagsFixture(t)
	path := writeManifest(t, "pod.yaml", fmt.Sprintf(configFlagsPod, "it-cmflags", ""))
	r := podrunWithEnv(t, []string{"FROM_ENV=from podrun's environment"}, "",
		append(append([]string{"run"}, configFlagsArgs(dir)...), path)...)
	if r.code != 0 {
		t.Fatalf("podrun run: want exit 0, got %s", r)
	}
	expectReported(t, r, "show", map[string]string{
		"settings": "currency=EUR",
		"keys":     "limits.conf settings.conf",
		"mode":     "production",
		"from-env": "from podrun's environment",
		"token":    "s3cr3t",
		"user":     "admin",
	})
	if n := podObjects(t, "it-cmflags"); n != 0 {
		t.Errorf("the run left %d objects:\n%s", n, leftovers(""))
	}
}

// A detached run's owner sees the same objects, even once the files are gone: the parent hands
// them over, checked, and no secret value appears in the owner's command line.
func TestIntegrationConfigMapAndSecretFromFlagsDetached(t *testing.T) {
	t.Parallel()
	dir := configFlagsFixture(t)
	const pod = "it-cmflags-detached"
	path := writeManifest(t, "pod.yaml", fmt.Sprintf(configFlagsPod, pod, "trap 'exit 0' TERM; sleep 3600 & wait"))
	r := podrun(t, "", append(append([]string{"run", "-d"}, configFlagsArgs(dir)...), path)...)
	if r.code != 0 || strings.TrimSpace(r.stdout) != pod {
		t.Fatalf("run -d: want exit 0 and the pod's name, got %s", r)
	}
	t.Cleanup(func() {
		if d := podrun(t, "", "down", pod); d.code != 0 {
			t.Errorf("down %s: %s", pod, d)
		}
	})
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	logs := waitForLogs(t, pod, "show", "user=")
	for _, want := range []string{"settings=currency=EUR", "mode=production", "token=s3cr3t", "user=admin"} {
		if !strings.Contains(logs, want) {
			t.Errorf("detached pod's output lacks %q:\n%s", want, logs)
		}
	}
}

// waitForLogs polls `podrun logs POD CTR` until the output holds marker (a minute at most).
func waitForLogs(t *testing.T, pod, ctr, marker string) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		r := podrun(t, "", "logs", pod, ctr)
		if strings.Contains(r.stdout, marker) {
			return r.stdout
		}
		if time.Now().After(deadline) {
			t.Fatalf("podrun logs %s %s: no %q within a minute: %s", pod, ctr, marker, r)
		}
		time.Sleep(100 * time.Millisecond) // polling another process's output, not synchronising
	}
}
