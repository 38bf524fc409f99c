package main

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const configPod = `apiVersion: v1
kind: Pod
metadata: {name: cfg}
spec:
  containers:
  - name: c
    image: busybox
    env:
    - {name: PW, valueFrom: {secretKeyRef: {name: creds, key: password}}}
    - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: MODE}}}
    volumeMounts: [{name: cfg, mountPath: /cfg}]
  volumes: [{name: cfg, configMap: {name: app}}]
`

// configFixture writes a pod and the files the flags read: a directory with a file, a
// subdirectory and a symlink (both skipped, as kubectl skips them), an env file.
func configFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "conf", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("pod.yaml", configPod)
	write("conf/app.conf", "port=80\n")
	write("conf/sub/nested.conf", "skipped\n")
	if err := os.Symlink("app.conf", filepath.Join(dir, "conf", "link.conf")); err != nil {
		t.Fatal(err)
	}
	write("settings.env", "# settings\nMODE=production\nFROM_ENV\n")
	return dir
}

func TestConfigFlagsJoinTheInput(t *testing.T) {
	dir := configFixture(t)
	t.Setenv("FROM_ENV", "from podrun's environment")
	cf := configFlags{
		configMaps:     []string{"app=" + filepath.Join(dir, "conf"), "app=extra.conf=" + filepath.Join(dir, "settings.env")},
		configMapEnvs:  []string{"settings=" + filepath.Join(dir, "settings.env")},
		secretLiterals: []string{"creds=password=a,b=c"},
	}
	src, err := loadWithConfig(filepath.Join(dir, "pod.yaml"), nil, flyteFlags{}, cf, forCheck)
	if err != nil {
		t.Fatal(err)
	}
	app := src.in.ConfigMaps["app"]
	if app == nil || !reflect.DeepEqual(keys(app.Data), []string{"app.conf", "extra.conf"}) {
		t.Errorf("app: %v; want app.conf (the directory's one regular file) and extra.conf", app)
	}
	want := map[string]string{"MODE": "production", "FROM_ENV": "from podrun's environment"}
	if s := src.in.ConfigMaps["settings"]; s == nil || !reflect.DeepEqual(s.Data, want) {
		t.Errorf("settings: %v, want %v", s, want)
	}
	if s := src.in.Secrets["creds"]; s == nil || string(s.Data["password"]) != "a,b=c" {
		t.Errorf("creds: %v; want the literal whole, commas and '=' included", s)
	}
}

func TestConfigFlagsThroughTheCLI(t *testing.T) {
	dir := configFixture(t)
	pod := filepath.Join(dir, "pod.yaml")
	objects := filepath.Join(dir, "objects.yaml")
	if err := os.WriteFile(objects, []byte("apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: pw}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "run", "--dry-run", "--configmap", "app="+filepath.Join(dir, "conf"),
		"--configmap-literal", "settings=MODE=dev", "--secret", objects, pod)
	if code != 0 {
		t.Fatalf("run --dry-run: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"Link: ..data/app.conf", "MODE=dev", "PW=<secret>"} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan lacks %q: the flags' objects did not reach it\n%s", want, out)
		}
	}

	refused := []struct {
		args []string
		want string
	}{
		{[]string{"--configmap", "app=" + filepath.Join(dir, "missing")}, "error reading " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{[]string{"--configmap", "app=key=" + filepath.Join(dir, "conf")}, "cannot give a key name for a directory path"},
		{[]string{"--configmap", filepath.Join(dir, "conf")}, "a directory needs the ConfigMap's name"},
		{[]string{"--configmap", pod}, "a file of ConfigMaps and Secrets holds no pod"},
		{[]string{"--configmap-literal", "app=novalue"}, "invalid literal source novalue, expected key=value"},
		{[]string{"--secret-env", "creds"}, "--secret-env creds: expected NAME=FILE"},
		{[]string{"--secret", objects, "--secret-literal", "creds=k=v"}, `Secret "creds" is defined twice, in ` + objects + `:3 and by --secret-literal creds=k=v`},
	}
	for _, tc := range refused {
		code, out, _ := run(t, "", append(append([]string{"check"}, tc.args...), pod)...)
		if code != exitInput || !strings.Contains(out, tc.want) {
			t.Errorf("check %v: exit %d, want 2 and %q in\n%s", tc.args, code, tc.want, out)
		}
	}
}

func TestConfigFlagsDefinedInTheManifestToo(t *testing.T) {
	dir := t.TempDir()
	pod := filepath.Join(dir, "pod.yaml")
	manifest := configPod + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {a: b}\n"
	if err := os.WriteFile(pod, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "", "check", "--configmap-literal", "app=k=v", pod)
	want := `ConfigMap "app" is defined twice, in ` + pod + `:16 and by --configmap-literal app=k=v`
	if code != exitInput || !strings.Contains(out, want) {
		t.Errorf("exit %d, want 2 and %q in\n%s", code, want, out)
	}
}

func TestConfigFlagsReachTheOwnerAsObjects(t *testing.T) {
	dir := configFixture(t)
	cf := configFlags{
		configMaps:     []string{"app=" + filepath.Join(dir, "conf")},
		configMapEnvs:  []string{"settings=" + filepath.Join(dir, "settings.env")},
		secretLiterals: []string{"creds=password=s3cret"},
	}
	state := t.TempDir()
	args, err := cf.ownerArgs(state, "run1")
	if err != nil {
		t.Fatal(err)
	}
	if len(args) != 2 || args[0] != "--configmap" || strings.Contains(strings.Join(args, " "), "s3cret") {
		t.Fatalf("owner args %q: want one --configmap FILE, and no secret value in argv", args)
	}
	if info, err := os.Stat(args[1]); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("objects file: %v %v; want mode 0600", info, err)
	}
	orig, err := cf.external()
	if err != nil {
		t.Fatal(err)
	}
	back, err := configFlags{configMaps: args[1:]}.external()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range orig.ConfigMapNames() {
		if !reflect.DeepEqual(orig.ConfigMap(n).Data, back.ConfigMap(n).Data) {
			t.Errorf("ConfigMap %s: owner reads %v, parent checked %v", n, back.ConfigMap(n).Data, orig.ConfigMap(n).Data)
		}
	}
	if s := back.Secret("creds"); s == nil || string(s.Data["password"]) != "s3cret" {
		t.Errorf("Secret creds: owner reads %v", s)
	}
	if none, err := (configFlags{}).ownerArgs(state, "run2"); err != nil || none != nil {
		t.Errorf("no flags: args %q, err %v; want nothing written", none, err)
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
