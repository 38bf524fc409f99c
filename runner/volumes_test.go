package runner

import (
	"archive/tar"
	"bytes"
	"fmt"
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
	got := readTar(t, "cfg", files)
	want := []string{
		"cfg/..2026_01_01/ 5 755 0  ",
		"cfg/..2026_01_01/key 0 600 0  secret",
		"cfg/..data 2 777 0 ..2026_01_01 ",
		"cfg/key 2 777 0 ..data/key ",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries\n%q\nwant\n%q", got, want)
	}
}

// An emptyDir under fsGroup: the root entry carries 0777, setgid and the group, so a
// container running as another user can write into the volume (§9.2, §11).
func TestVolumeTarRootAndGroup(t *testing.T) {
	files := []plan.File{
		{Path: ".", Dir: true, Mode: 0o2777, GID: 2000},
		{Path: "conf", Mode: 0o640, GID: 2000, Data: []byte("x")},
	}
	got := readTar(t, "data", files)
	want := []string{"data/ 5 2777 2000  ", "data/conf 0 640 2000  x"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries\n%q\nwant\n%q", got, want)
	}
}

// readTar builds a volume's tar and lists its entries as "name type mode gid link data".
func readTar(t *testing.T, dir string, files []plan.File) []string {
	t.Helper()
	b, err := volumeTar(dir, files, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(bytes.NewReader(b))
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		got = append(got, fmt.Sprintf("%s %c %o %d %s %s", h.Name, h.Typeflag, h.Mode, h.Gid, h.Linkname, data))
		if h.Uid != 0 {
			t.Errorf("%s: uid %d, want root", h.Name, h.Uid)
		}
	}
}

func TestVolumeTarRejectsEscapes(t *testing.T) {
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x"} {
		if _, err := volumeTar("v", []plan.File{{Path: p}}, time.Time{}); err == nil {
			t.Errorf("%q accepted", p)
		}
	}
	for _, dir := range []string{"", ".", "..", "a/b"} {
		if _, err := volumeTar(dir, []plan.File{{Path: "f"}}, time.Time{}); err == nil {
			t.Errorf("volume directory %q accepted", dir)
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
