package plan

import (
	"testing"
)

// TestProjectedContent checks what the golden files show only as sizes: the content and modes
// of configMap, secret, downwardAPI and projected files, and the AtomicWriter links (§9.3).
func TestProjectedContent(t *testing.T) {
	p, err := Build(loadFixture(t, "testdata/volumes.yaml"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]File{}
	for _, v := range p.Volumes {
		for _, f := range v.Files {
			files[v.Name+":"+f.Path] = f
		}
	}
	tests := []struct {
		path string
		data string
		mode int64
		link string
	}{
		{"config:..podrun_data/app.conf", "listen 8080\n", 0o640, ""},             // defaultMode, |0440 for fsGroup
		{"config:..podrun_data/conf.d/logging.conf", "level=info\n", 0o640, ""},   // item mode 0600 |0440
		{"config:..data", "", 0, "..podrun_data"},                                 //
		{"config:conf.d", "", 0, "..data/conf.d"},                                 // one link per top-level entry
		{"creds:..podrun_data/password", "hunter2", 0o440, ""},                    // stringData merged; 0400 |0440
		{"podinfo:..podrun_data/labels", "app=\"vols\"\nzone=\"b\"", 0o644, ""},   // sorted, quoted, no final newline
		{"podinfo:..podrun_data/name", "vols", 0o644, ""},                         //
		{"podinfo:..podrun_data/mem_limit", "256", 0o644, ""},                     // 256Mi / 1Mi
		{"bundle:..podrun_data/namespace", "default", 0o644, ""},                  //
		{"bundle:..podrun_data/secret/password", "hunter2", 0o440, ""},            //
		{"bundle:secret", "", 0, "..data/secret"},                                 //
		{"bundle:..podrun_data/token", ServiceAccountTokenPlaceholder, 0o644, ""}, // no API server: a placeholder
	}
	for _, tc := range tests {
		f, ok := files[tc.path]
		if !ok {
			t.Errorf("%s: missing", tc.path)
			continue
		}
		if string(f.Data) != tc.data || f.Mode != tc.mode || f.Link != tc.link {
			t.Errorf("%s = %q mode %#o link %q; want %q mode %#o link %q", tc.path, f.Data, f.Mode, f.Link, tc.data, tc.mode, tc.link)
		}
	}
	for _, skipped := range []string{"config:..podrun_data/unused", "bundle:..podrun_data/ca.crt"} {
		if _, ok := files[skipped]; ok {
			t.Errorf("%s: present, want it left out", skipped)
		}
	}
}

func TestAtomicLayoutWithoutFSGroup(t *testing.T) {
	got := atomicLayout(map[string]projectedFile{"b": {data: []byte("2"), mode: 0o600}, "a/x": {data: []byte("1"), mode: 0o644}}, nil)
	want := []File{
		{Path: "..podrun_data", Dir: true, Mode: 0o755},
		{Path: "..podrun_data/a", Dir: true, Mode: 0o755},
		{Path: "..podrun_data/a/x", Mode: 0o644, Data: []byte("1")},
		{Path: "..podrun_data/b", Mode: 0o600, Data: []byte("2")},
		{Path: "..data", Link: "..podrun_data"},
		{Path: "a", Link: "..data/a"},
		{Path: "b", Link: "..data/b"},
	}
	if len(got) != len(want) {
		t.Fatalf("layout = %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Path != w.Path || g.Dir != w.Dir || g.Mode != w.Mode || string(g.Data) != string(w.Data) || g.Link != w.Link || g.GID != 0 {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
}
