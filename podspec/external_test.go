package podspec

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseFileSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		source, key, path, err string
	}{
		{source: "conf/app.properties", key: "app.properties", path: "conf/app.properties"},
		{source: "settings=conf/app.properties", key: "settings", path: "conf/app.properties"},
		{source: "conf/", key: "conf", path: "conf/"},
		{source: "=conf/app", err: "key name for file path conf/app missing"},
		{source: "settings=", err: "file path for key name settings missing"},
		{source: "a=b=c", err: "key names or file paths cannot contain '='"},
	}
	for _, tc := range tests {
		key, path, err := ParseFileSource(tc.source)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("ParseFileSource(%q): err %v, want %q", tc.source, err, tc.err)
			}
			continue
		}
		if err != nil || key != tc.key || path != tc.path {
			t.Errorf("ParseFileSource(%q) = %q, %q, %v; want %q, %q", tc.source, key, path, err, tc.key, tc.path)
		}
	}
}

func TestParseLiteralSource(t *testing.T) {
	t.Parallel()
	if k, v, err := ParseLiteralSource("url=http://x/?a=b"); err != nil || k != "url" || v != "http://x/?a=b" {
		t.Errorf("got %q %q %v: the value keeps its '='", k, v, err)
	}
	if k, v, err := ParseLiteralSource("empty="); err != nil || k != "empty" || v != "" {
		t.Errorf("got %q %q %v: an empty value is allowed", k, v, err)
	}
	for _, bad := range []string{"novalue", "=v"} {
		if _, _, err := ParseLiteralSource(bad); err == nil || !strings.Contains(err.Error(), "expected key=value") {
			t.Errorf("ParseLiteralSource(%q): err %v, want kubectl's 'expected key=value'", bad, err)
		}
	}
}

func TestExternalFilesAndDirectories(t *testing.T) {
	t.Parallel()
	binary := []byte{0xff, 0xfe, 0x00}
	x := NewExternal()
	must(t, x.AddFile(KindConfigMap, "app", "app.conf", []byte("port=80\n"), "--configmap app=app.conf"))
	must(t, x.AddFile(KindConfigMap, "app", "logo.png", binary, "--configmap app=logo.png"))
	must(t, x.AddDir(KindConfigMap, "app", []DirEntry{
		{Name: "a.txt", Regular: true, Data: []byte("A")},
		{Name: "sub", Regular: false},      // a subdirectory: skipped
		{Name: "link.txt", Regular: false}, // a symlink: skipped, as kubectl's os.ReadDir Type() check does
		{Name: "b.bin", Regular: true, Data: binary},
	}, "--configmap app=conf/"))
	cm := x.ConfigMap("app")
	wantData := map[string]string{"app.conf": "port=80\n", "a.txt": "A"}
	if !reflect.DeepEqual(cm.Data, wantData) {
		t.Errorf("data = %v, want %v", cm.Data, wantData)
	}
	if len(cm.BinaryData) != 2 || string(cm.BinaryData["logo.png"]) != string(binary) || cm.BinaryData["b.bin"] == nil {
		t.Errorf("binaryData = %v: content that is not UTF-8 belongs there", cm.BinaryData)
	}
	if cm.Kind != "ConfigMap" || cm.APIVersion != "v1" || cm.Name != "app" {
		t.Errorf("object meta = %v %v", cm.TypeMeta, cm.ObjectMeta)
	}

	must(t, x.AddFile(KindSecret, "creds", "token", binary, "--secret creds=token"))
	must(t, x.AddLiteral(KindSecret, "creds", "user", "admin", "--secret-literal creds=user=admin"))
	s := x.Secret("creds")
	if s.Type != "Opaque" || string(s.Data["token"]) != string(binary) || string(s.Data["user"]) != "admin" {
		t.Errorf("secret = %+v: want type Opaque and the bytes as given", s)
	}
}

func TestExternalErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		add  func(x *External) error
		want string
	}{
		{"invalid key", func(x *External) error {
			return x.AddFile(KindConfigMap, "app", "my key", []byte("v"), "--configmap app=my key")
		}, `--configmap app=my key: "my key" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.'`},
		{"invalid file name in a directory is an error, not skipped", func(x *External) error {
			return x.AddDir(KindConfigMap, "app", []DirEntry{{Name: "ok", Regular: true}, {Name: "bad name", Regular: true}}, "--configmap app=d/")
		}, `--configmap app=d/: "bad name" is not a valid key name for a ConfigMap`},
		{"duplicate key in data", func(x *External) error {
			_ = x.AddLiteral(KindConfigMap, "app", "k", "1", "--configmap-literal app=k=1")
			return x.AddFile(KindConfigMap, "app", "k", []byte("2"), "--configmap app=k")
		}, `--configmap app=k: cannot add key "k", another key by that name already exists in Data for ConfigMap "app"`},
		{"duplicate key in binaryData", func(x *External) error {
			_ = x.AddFile(KindConfigMap, "app", "k", []byte{0xff}, "--configmap app=k")
			return x.AddLiteral(KindConfigMap, "app", "k", "1", "--configmap-literal app=k=1")
		}, `cannot add key "k", another key by that name already exists in BinaryData for ConfigMap "app"`},
		{"duplicate secret key", func(x *External) error {
			_ = x.AddLiteral(KindSecret, "s", "k", "1", "--secret-literal s=k=1")
			return x.AddLiteral(KindSecret, "s", "k", "2", "--secret-literal s=k=2")
		}, `--secret-literal s=k=2: cannot add key k, another key by that name already exists`},
		{"invalid secret key", func(x *External) error {
			return x.AddLiteral(KindSecret, "s", "a/b", "1", "--secret-literal s=a/b=1")
		}, `"a/b" is not valid key name for a Secret`},
		{"invalid name", func(x *External) error {
			return x.AddLiteral(KindConfigMap, "My_App", "k", "v", "--configmap-literal My_App=k=v")
		}, `--configmap-literal My_App=k=v: invalid ConfigMap name "My_App": a lowercase RFC 1123 subdomain`},
		{"missing name", func(x *External) error {
			return x.AddLiteral(KindSecret, "", "k", "v", "--secret-literal =k=v")
		}, `a Secret needs a name`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.add(NewExternal())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestExternalEnvFile(t *testing.T) {
	t.Parallel()
	env := map[string]string{"FROM_ENV": "from the environment"}
	getenv := func(k string) string { return env[k] }
	file := "\xEF\xBB\xBFFIRST=1\r\n" + // BOM dropped on the first line; CRLF's \r dropped
		"# a comment\n" +
		"\n" +
		"   INDENTED=kept  \n" + // leading blanks trimmed, trailing kept
		"QUOTED=\"as written\"\n" + // no quote removal
		"URL=http://x/?a=b\n" + // the value keeps every '=' after the first
		"EMPTY=\n" +
		"FROM_ENV\n" + // a key alone: from the environment
		"UNSET\n" // not in the environment: empty
	for _, kind := range []DataKind{KindConfigMap, KindSecret} {
		x := NewExternal()
		must(t, x.AddEnvFile(kind, "e", "app.env", []byte(file), getenv, "--"+strings.ToLower(string(kind))+"-env e=app.env"))
		got := map[string]string{}
		if kind == KindConfigMap {
			got = x.ConfigMap("e").Data
		} else {
			for k, v := range x.Secret("e").Data {
				got[k] = string(v)
			}
		}
		want := map[string]string{
			"FIRST": "1", "INDENTED": "kept  ", "QUOTED": `"as written"`, "URL": "http://x/?a=b",
			"EMPTY": "", "FROM_ENV": "from the environment", "UNSET": "",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q\nwant %q", kind, got, want)
		}
	}

	errs := []struct{ file, want string }{
		{"OK=1\nexport X=1\n", `--configmap-env e=f: env file f, line 2: "export X" is not a valid key name: a valid environment variable name must consist of`},
		{"1X=1\n", `env file f, line 1: "1X" is not a valid key name`},
		{"A=\xff\n", "env file f contains invalid utf8 bytes at line 1"},
		{"A=1\nA=2\n", `env file f, line 2: cannot add key "A", another key by that name already exists in Data for ConfigMap "e"`},
	}
	for _, tc := range errs {
		err := NewExternal().AddEnvFile(KindConfigMap, "e", "f", []byte(tc.file), nil, "--configmap-env e=f")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("env file %q: err = %v, want %q", tc.file, err, tc.want)
		}
	}
}

func TestExternalManifest(t *testing.T) {
	t.Parallel()
	const objects = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {mode: production}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {token: s3cret}
`
	x := NewExternal()
	must(t, x.AddManifest("objects.yaml", []byte(objects)))
	if x.ConfigMap("settings").Data["mode"] != "production" || string(x.Secret("creds").Data["token"]) != "s3cret" || x.Secret("creds").Type != "Opaque" {
		t.Errorf("objects not read as the manifest loader reads them: %v %v", x.ConfigMap("settings"), x.Secret("creds"))
	}
	// A source may not add to an object a manifest defines whole, nor a second file redefine it.
	err := x.AddLiteral(KindConfigMap, "settings", "k", "v", "--configmap-literal settings=k=v")
	if err == nil || err.Error() != `ConfigMap "settings" is defined twice, in objects.yaml:3 and by --configmap-literal settings=k=v: give each name once` {
		t.Errorf("adding to a manifest's object: err = %v", err)
	}
	err = x.AddManifest("again.yaml", []byte(objects))
	if err == nil || !strings.Contains(err.Error(), `ConfigMap "settings" is defined twice, in objects.yaml:3 and by again.yaml:3`) {
		t.Errorf("the same object from two files: err = %v", err)
	}
	y := NewExternal()
	must(t, y.AddLiteral(KindSecret, "creds", "k", "v", "--secret-literal creds=k=v"))
	if err := y.AddManifest("objects.yaml", []byte(objects)); err == nil || !strings.Contains(err.Error(), `Secret "creds" is defined twice, in --secret-literal creds=k=v and by objects.yaml:8`) {
		t.Errorf("a file's object defined by a flag first: err = %v", err)
	}

	bad := []struct{ data, want string }{
		{"apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n", "objects.yaml:1: Pod \"p\"" /* describeObject */},
		{"key: value\n", "document 1 has no kind"},
		{"# nothing\n", "no ConfigMap or Secret found"},
		{"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {\"bad key\": x}\n", `invalid key "bad key"`},
	}
	for _, tc := range bad {
		err := NewExternal().AddManifest("objects.yaml", []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("manifest %q: err = %v, want %q", tc.data, err, tc.want)
		}
	}
}

func TestJoin(t *testing.T) {
	t.Parallel()
	const manifest = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: busybox}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inline}
data: {a: "1"}
`
	in, err := Load("pod.yaml", []byte(manifest))
	must(t, err)
	x := NewExternal()
	must(t, x.AddLiteral(KindConfigMap, "extra", "k", "v", "--configmap-literal extra=k=v"))
	must(t, x.AddLiteral(KindSecret, "pw", "k", "v", "--secret-literal pw=k=v"))
	must(t, Join(in, x))
	if in.ConfigMaps["inline"] == nil || in.ConfigMaps["extra"].Data["k"] != "v" || string(in.Secrets["pw"].Data["k"]) != "v" {
		t.Errorf("joined objects: %v %v", in.ConfigMaps, in.Secrets)
	}

	in, _ = Load("pod.yaml", []byte(manifest))
	dup := NewExternal()
	must(t, dup.AddLiteral(KindConfigMap, "inline", "k", "v", "--configmap-literal inline=k=v"))
	err = Join(in, dup)
	if err == nil || err.Error() != `ConfigMap "inline" is defined twice, in pod.yaml:9 and by --configmap-literal inline=k=v: give each name once` {
		t.Errorf("a name in the manifest and in a flag: err = %v", err)
	}

	// An input built in memory (a Flyte task's) has no maps yet.
	bare := &Input{File: "task.json"}
	must(t, Join(bare, x))
	if bare.ConfigMaps["extra"] == nil || bare.Secrets["pw"] == nil {
		t.Errorf("join into an input without maps: %v %v", bare.ConfigMaps, bare.Secrets)
	}
	if err := Join(bare, NewExternal()); err != nil {
		t.Errorf("joining nothing: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
