//go:build integration

package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Volumes (issue point 5, kubelet-semantics §9): observed from inside the containers.

func TestIntegrationEmptyDirSharedBetweenContainers(t *testing.T) {
	t.Parallel()
	// An init container and two app containers share one emptyDir: the init container's file is
	// read by both apps, and what one app writes the other reads. The root is 0777 (§9.2), so a
	// container running as another user can write into it.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-emptydir}
spec:
  restartPolicy: Never
  volumes: [{name: data, emptyDir: {}}]
  initContainers:
  - {name: prep, image: podrun/busybox:local, command: [sh, -c, "echo prepared > /data/init.txt"], volumeMounts: [{name: data, mountPath: /data}]}
  containers:
  - name: writer
    image: podrun/busybox:local
    securityContext: {runAsUser: 4321}
    command: [sh, -c, "echo init=$(cat /data/init.txt); echo mode=$(stat -c %a /data); echo from-writer > /data/w.txt && echo wrote=yes"]
    volumeMounts: [{name: data, mountPath: /data}]
  - name: reader
    image: podrun/busybox:local
    command: [sh, -c, "echo init=$(cat /data/init.txt); for i in $(seq 400); do [ -s /data/w.txt ] && break; sleep 0.05; done; echo peer=$(cat /data/w.txt)"]
    volumeMounts: [{name: data, mountPath: /data}]
`
	r := expectRun(t, "it-emptydir", manifest, 0)
	expectReported(t, r, "writer", map[string]string{"init": "prepared", "mode": "777", "wrote": "yes"})
	expectReported(t, r, "reader", map[string]string{"init": "prepared", "peer": "from-writer"})
}

func TestIntegrationMemoryEmptyDirIsOneTmpfs(t *testing.T) {
	t.Parallel()
	// medium: Memory is ONE tmpfs shared by the pod's containers (§9.2): a tmpfs per container
	// would lose the init container's file.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-memdir}
spec:
  restartPolicy: Never
  volumes: [{name: mem, emptyDir: {medium: Memory}}]
  initContainers:
  - name: prep
    image: podrun/busybox:local
    command: [sh, -c, "echo fs=$(stat -f -c %T /mem); echo in-memory > /mem/f"]
    volumeMounts: [{name: mem, mountPath: /mem}]
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo fs=$(stat -f -c %T /mem); echo read=$(cat /mem/f); echo mount=$(grep ' /mem ' /proc/mounts | cut -d' ' -f3)"]
    volumeMounts: [{name: mem, mountPath: /mem}]
`
	r := expectRun(t, "it-memdir", manifest, 0)
	expectReported(t, r, "prep", map[string]string{"fs": "tmpfs"})
	expectReported(t, r, "app", map[string]string{"fs": "tmpfs", "read": "in-memory", "mount": "tmpfs"})
}

func TestIntegrationHostPathTypes(t *testing.T) {
	t.Parallel()
	// hostPath is a bind mount on the engine's host (here the test's host). DirectoryOrCreate
	// creates the missing directory (§9.4) and the container's file lands in it; FileOrCreate
	// creates an empty file (mode 0644) the container appends to; File mounts an existing file.
	dir := t.TempDir()
	created := filepath.Join(dir, "made", "by-podrun")
	file := filepath.Join(dir, "settings.txt")
	logFile := filepath.Join(dir, "app.log")
	if err := os.WriteFile(file, []byte("from-the-host\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-hostpath}
spec:
  restartPolicy: Never
  volumes:
  - {name: out, hostPath: {path: ` + created + `, type: DirectoryOrCreate}}
  - {name: conf, hostPath: {path: ` + file + `, type: File}}
  - {name: log, hostPath: {path: ` + logFile + `, type: FileOrCreate}}
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo conf=$(cat /etc/app.conf); echo written-in-pod > /out/result.txt && echo wrote=yes; echo logtype=$(stat -c %F /var/app.log); echo appended >> /var/app.log"]
    volumeMounts: [{name: out, mountPath: /out}, {name: conf, mountPath: /etc/app.conf, readOnly: true}, {name: log, mountPath: /var/app.log}]
`
	r := expectRun(t, "it-hostpath", manifest, 0)
	expectReported(t, r, "app", map[string]string{"conf": "from-the-host", "wrote": "yes", "logtype": "regular empty file"})
	got, err := os.ReadFile(filepath.Join(created, "result.txt"))
	if err != nil || string(got) != "written-in-pod\n" {
		t.Errorf("the container's file on the host: %q, %v", got, err)
	}
	got, err = os.ReadFile(logFile)
	if err != nil || string(got) != "appended\n" {
		t.Errorf("the FileOrCreate file on the host: %q, %v", got, err)
	}
	if fi, err := os.Stat(logFile); err == nil && fi.Mode().Perm() != 0o644 {
		t.Errorf("FileOrCreate made %s with mode %o, want 644", logFile, fi.Mode().Perm())
	}
}

func TestIntegrationHostPathMissingFileFailsBeforeCreating(t *testing.T) {
	t.Parallel()
	// type File on a missing path: the kubelet refuses to mount it; podrun fails the run as its
	// own failure (125) with a message naming the volume and the path, before creating any
	// container or volume (the emptyDir included), and creates nothing at the path.
	missing := filepath.Join(t.TempDir(), "absent-dir", "config.txt")
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-hostpath-missing}
spec:
  restartPolicy: Never
  volumes:
  - {name: scratch, emptyDir: {}}
  - {name: conf, hostPath: {path: ` + missing + `, type: File}}
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo app ran"]
    volumeMounts: [{name: conf, mountPath: /etc/app.conf}, {name: scratch, mountPath: /scratch}]
`
	r := expectRun(t, "it-hostpath-missing", manifest, 125)
	if strings.Contains(r.stdout, "app ran") {
		t.Errorf("the app ran although its hostPath is missing:\n%s", r)
	}
	for _, want := range []string{`"conf"`, missing, "File", "does not exist"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("error lacks %q:\n%s", want, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("podrun created %s for a hostPath of type File (stat: %v)", filepath.Dir(missing), err)
	}
}

// projectedManifest has a ConfigMap and a Secret travelling with the pod, projected with items
// and modes, an optional ConfigMap that is absent, a key mounted alone by subPath, and readOnly.
const projectedManifest = `
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {color: blue, size: large, extra: unused}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {user: admin, password: s3cret}
---
apiVersion: v1
kind: Pod
metadata: {name: it-projected}
spec:
  restartPolicy: Never
  volumes:
  - {name: cfg, configMap: {name: settings, items: [{key: color, path: conf/colour.txt}], defaultMode: 0640}}
  - {name: all, configMap: {name: settings}}
  - {name: sec, secret: {secretName: creds, defaultMode: 0400, items: [{key: password, path: pw}]}}
  - {name: maybe, configMap: {name: not-in-input, optional: true}}
  - {name: scratch, emptyDir: {}}
  containers:
  - name: app
    image: podrun/busybox:local
    command:
    - sh
    - -c
    - |
      echo colour=$(cat /cfg/conf/colour.txt)
      echo listed=$(ls /cfg | tr '\n' ,)
      echo cfgmode=$(stat -c %a /cfg/..data/conf/colour.txt)
      echo datalink=$([ -L /cfg/..data ] && echo symlink)
      echo password=$(cat /sec/pw)
      echo secmode=$(stat -c %a /sec/..data/pw)
      echo secfs=$(stat -f -c %T /sec)
      echo user=$([ -e /sec/user ] && echo present || echo absent)
      echo optional=$(ls /maybe | wc -l)
      echo size=$(cat /opt/size.conf)
      echo sizetype=$(stat -c %F /opt/size.conf)
      echo x 2>/dev/null > /ro/f && echo rowrite=ok || echo rowrite=refused
      echo x 2>/dev/null > /cfg/new && echo cfgwrite=ok || echo cfgwrite=refused
      echo x > /scratch/f && echo rwwrite=ok || echo rwwrite=refused
    volumeMounts:
    - {name: cfg, mountPath: /cfg}
    - {name: sec, mountPath: /sec}
    - {name: maybe, mountPath: /maybe}
    - {name: all, mountPath: /opt/size.conf, subPath: size}
    - {name: scratch, mountPath: /ro, readOnly: true}
    - {name: scratch, mountPath: /scratch}
`

func TestIntegrationConfigMapSecretSubPathReadOnly(t *testing.T) {
	t.Parallel()
	r := expectRun(t, "it-projected", projectedManifest, 0)
	expectReported(t, r, "app", map[string]string{
		// items: only the listed key, at its path; defaultMode through the ..data symlink (§9.3)
		"colour": "blue", "listed": "conf,", "cfgmode": "640", "datalink": "symlink",
		// a secret is tmpfs-backed, its items and mode applied
		"password": "s3cret", "secmode": "400", "secfs": "tmpfs", "user": "absent",
		// optional and absent: an empty volume, the pod still runs
		"optional": "0",
		// subPath of a key: that one file, not the whole volume
		// readOnly mounts and configMap volumes refuse writes; the same emptyDir read-write accepts them
		"rowrite": "refused", "cfgwrite": "refused", "rwwrite": "ok",
	})
}
