package imagetar

import (
	"archive/tar"
	"bytes"
	"errors"
	"github.com/podrun/podrun/internal/goldenfile"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sampleEntries() []Entry {
	return []Entry{
		{Path: "/bin/busybox", Mode: 0o755, Data: []byte("#!fake busybox\n")},
		{Path: "/bin/sh", Link: "/bin/busybox"},
		{Path: "/tmp", Dir: true, Mode: 0o1777},
		{Path: "etc/passwd", Data: []byte("root:x:0:0:root:/root:/bin/sh\n")},
		{Path: "/empty", Data: nil},
	}
}

func sampleConfig() Config {
	return Config{
		Entrypoint: []string{"/bin/sh"},
		Cmd:        []string{"-c", "echo hi"},
		Env:        []string{"PATH=/bin"},
		Labels:     map[string]string{"b": "2", "a": "1"},
		WorkingDir: "/tmp",
		User:       "65534:65534",
	}
}

func mustBuild(t *testing.T, ref, arch string, entries []Entry, cfg Config) []byte {
	t.Helper()
	b, err := Build(ref, arch, entries, cfg)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return b
}

func TestBuildRoundTrip(t *testing.T) {
	t.Parallel()
	img, err := Read(mustBuild(t, "podrun/test:v1", "x86_64", sampleEntries(), sampleConfig()))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if img.Architecture != "amd64" || img.OS != "linux" {
		t.Errorf("platform = %s/%s, want linux/amd64", img.OS, img.Architecture)
	}
	if !reflect.DeepEqual(img.RepoTags, []string{"podrun/test:v1"}) {
		t.Errorf("RepoTags = %q", img.RepoTags)
	}
	if !reflect.DeepEqual(img.Config, sampleConfig()) {
		t.Errorf("Config = %+v, want %+v", img.Config, sampleConfig())
	}
	// Sorted, parents added with 0755, defaults applied, sticky bit kept, leading "/" dropped.
	want := []Entry{
		{Path: "bin", Mode: 0o755, Dir: true},
		{Path: "bin/busybox", Mode: 0o755, Data: []byte("#!fake busybox\n")},
		{Path: "bin/sh", Mode: 0o777, Link: "/bin/busybox"},
		{Path: "empty", Mode: 0o644},
		{Path: "etc", Mode: 0o755, Dir: true},
		{Path: "etc/passwd", Mode: 0o644, Data: []byte("root:x:0:0:root:/root:/bin/sh\n")},
		{Path: "tmp", Mode: 0o1777, Dir: true},
	}
	if !reflect.DeepEqual(img.Entries, want) {
		t.Errorf("Entries =\n%+v\nwant\n%+v", img.Entries, want)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	first := mustBuild(t, "podrun/test:v1", "amd64", sampleEntries(), sampleConfig())
	shuffled := sampleEntries()
	for i, j := 0, len(shuffled)-1; i < j; i, j = i+1, j-1 {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	second := mustBuild(t, "podrun/test:v1", "x86_64", shuffled, sampleConfig())
	if !bytes.Equal(first, second) {
		t.Fatal("same image built twice (entries in another order, arch alias) gave different bytes")
	}
}

func TestBuildIDFollowsContent(t *testing.T) {
	t.Parallel()
	base := imageID(t, sampleEntries(), sampleConfig())
	changed := map[string]func(e []Entry, c *Config){
		"file data":  func(e []Entry, _ *Config) { e[0].Data = []byte("other") },
		"file mode":  func(e []Entry, _ *Config) { e[0].Mode = 0o700 },
		"link":       func(e []Entry, _ *Config) { e[1].Link = "busybox" },
		"label":      func(_ []Entry, c *Config) { c.Labels = map[string]string{"a": "1"} },
		"env":        func(_ []Entry, c *Config) { c.Env = nil },
		"entrypoint": func(_ []Entry, c *Config) { c.Entrypoint = []string{"/bin/busybox"} },
	}
	for name, change := range changed {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, c := sampleEntries(), sampleConfig()
			change(e, &c)
			if imageID(t, e, c) == base {
				t.Errorf("changing the %s kept image ID %s", name, base)
			}
		})
	}
}

func imageID(t *testing.T, e []Entry, c Config) string {
	t.Helper()
	img, err := Read(mustBuild(t, "podrun/test:v1", "amd64", e, c))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return img.ID
}

// TestLayerMetadataIsFixed: nothing of the build machine (owner, clock) may reach the layer.
func TestLayerMetadataIsFixed(t *testing.T) {
	t.Parallel()
	archive := mustBuild(t, "podrun/test:v1", "arm64", sampleEntries(), sampleConfig())
	img, err := Read(archive)
	if err != nil {
		t.Fatal(err)
	}
	layer := tarFile(t, archive, strings.TrimPrefix(img.DiffIDs[0], "sha256:")+"/layer.tar")
	for _, h := range headers(t, layer) {
		if !h.ModTime.Equal(epoch) || h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: mtime %v uid %d gid %d uname %q gname %q", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname, h.Gname)
		}
	}
}

func TestBuildGolden(t *testing.T) {
	t.Parallel()
	archive := mustBuild(t, "podrun/test:v1", "arm64", sampleEntries(), sampleConfig())
	img, err := Read(archive)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range headers(t, archive) {
		names = append(names, h.Name)
	}
	got := "ID: " + img.ID + "\narchive: " + strings.Join(names, " ") + "\n" +
		manifestName + ": " + string(tarFile(t, archive, manifestName)) + "\n" +
		"config: " + string(tarFile(t, archive, strings.TrimPrefix(img.ID, "sha256:")+".json")) + "\n"
	golden := filepath.Join("testdata", "sample.golden")
	goldenfile.Check(t, golden, []byte(got))
}

func TestBuildRefuses(t *testing.T) {
	t.Parallel()
	file := func(p string) Entry { return Entry{Path: p, Data: []byte("x")} }
	cases := []struct {
		name    string
		ref     string
		arch    string
		entries []Entry
		wantErr string
	}{
		{"ref without tag", "podrun/test", "amd64", nil, "want name:tag"},
		{"ref with digest", "podrun/test@sha256:" + strings.Repeat("a", 64), "amd64", nil, "want name:tag"},
		{"ref upper case", "podrun/Test:v1", "amd64", nil, "want name:tag"},
		{"unknown arch", "podrun/test:v1", "mips", nil, `unknown architecture "mips"`},
		{"duplicate path", "podrun/test:v1", "amd64", []Entry{file("/a"), file("a")}, "listed twice"},
		{"dot dot", "podrun/test:v1", "amd64", []Entry{file("a/../b")}, `must not contain ".."`},
		{"root", "podrun/test:v1", "amd64", []Entry{{Path: "/", Dir: true}}, "not a path below the root"},
		{"dir with data", "podrun/test:v1", "amd64", []Entry{{Path: "d", Dir: true, Data: []byte("x")}}, "data on a directory"},
		{"dir and link", "podrun/test:v1", "amd64", []Entry{{Path: "d", Dir: true, Link: "x"}}, "both a directory and a symlink"},
		{"file type bits", "podrun/test:v1", "amd64", []Entry{{Path: "f", Mode: 0o100644}}, "bits beyond permissions"},
		{"parent is a file", "podrun/test:v1", "amd64", []Entry{file("a"), file("a/b")}, `parent "a" is not a directory`},
		{"parent is a link", "podrun/test:v1", "amd64", []Entry{{Path: "a", Link: "x"}, file("a/b")}, `parent "a" is not a directory`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Build(tc.ref, tc.arch, tc.entries, Config{})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Build error = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestBuildAcceptsRefs(t *testing.T) {
	t.Parallel()
	for _, ref := range []string{"busybox:local", "podrun/pause:0123abcd", "localhost:5000/a/b-c__d:v1.2_3"} {
		if _, err := Build(ref, "amd64", nil, Config{}); err != nil {
			t.Errorf("Build(%q): %v", ref, err)
		}
	}
}

func TestArch(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"} {
		if got, err := Arch(in); got != want || err != nil {
			t.Errorf("Arch(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func headers(t *testing.T, b []byte) []*tar.Header {
	t.Helper()
	var hs []*tar.Header
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return hs
		}
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
}

func tarFile(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	files, err := untar(b)
	if err != nil {
		t.Fatal(err)
	}
	data, ok := files[name]
	if !ok {
		t.Fatalf("%s not in archive", name)
	}
	return data
}
