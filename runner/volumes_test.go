package runner

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
)

func TestVolumeTar(t *testing.T) {
	files := []plan.File{
		{Path: "..2026_01_01", Dir: true, Mode: 0o755},
		{Path: "..2026_01_01/key", Mode: 0o600, Data: []byte("secret")},
		{Path: "..data", Link: "..2026_01_01"},
		{Path: "key", Link: "..data/key"},
	}
	b, err := volumeTar(files, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(bytes.NewReader(b))
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		got = append(got, h.Name+" "+string(rune(h.Typeflag))+" "+h.Linkname+" "+string(data))
		if h.Name == "..2026_01_01/key" && h.Mode != 0o600 {
			t.Errorf("mode %o", h.Mode)
		}
	}
	want := []string{"..2026_01_01/ 5  ", "..2026_01_01/key 0  secret", "..data 2 ..2026_01_01 ", "key 2 ..data/key "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries\n%q\nwant\n%q", got, want)
	}
}

func TestVolumeTarRejectsEscapes(t *testing.T) {
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x"} {
		if _, err := volumeTar([]plan.File{{Path: p}}, time.Time{}); err == nil {
			t.Errorf("%q accepted", p)
		}
	}
}

func TestCheckHostPaths(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		check   plan.HostPathCheck
		wantErr string
		created string
	}{
		{"untyped path is not checked", plan.HostPathCheck{Path: filepath.Join(dir, "nope")}, "", ""},
		{"DirectoryOrCreate creates", plan.HostPathCheck{Path: filepath.Join(dir, "new/sub"), Type: "DirectoryOrCreate"}, "", "new/sub"},
		{"FileOrCreate creates", plan.HostPathCheck{Path: filepath.Join(dir, "newfile"), Type: "FileOrCreate"}, "", "newfile"},
		{"FileOrCreate needs the parent", plan.HostPathCheck{Path: filepath.Join(dir, "no/file"), Type: "FileOrCreate"}, "no such file", ""},
		{"Directory must exist", plan.HostPathCheck{Path: filepath.Join(dir, "nope"), Type: "Directory"}, "does not exist", ""},
		{"Directory is not a file", plan.HostPathCheck{Path: file, Type: "Directory"}, "is not a directory", ""},
		{"File exists", plan.HostPathCheck{Path: file, Type: "File"}, "", ""},
		{"Socket is not a file", plan.HostPathCheck{Path: file, Type: "Socket"}, "is not a socket", ""},
		{"FileOrCreate on a directory", plan.HostPathCheck{Path: dir, Type: "FileOrCreate"}, "is not a file", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.check.Volume = "v"
			err := checkHostPaths([]plan.HostPathCheck{tc.check})
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), `hostPath volume "v": path "`+tc.check.Path):
				t.Errorf("error %q does not name the volume and path", err)
			}
			if tc.created != "" {
				if _, err := os.Stat(filepath.Join(dir, tc.created)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
