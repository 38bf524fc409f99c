package pause

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/podrun/podrun/internal/imagetar"
)

// TestRefMatchesBinaries: Ref's tag is the content hash of both programs and of the image's
// layout, so that editing the machine code or what the image holds cannot leave engines running
// an older pause under the same tag.
func TestRefMatchesBinaries(t *testing.T) {
	t.Parallel()
	h := sha256.New()
	h.Write(mustBinary(t, "amd64"))
	h.Write(mustBinary(t, "arm64"))
	h.Write([]byte(layout))
	want := "podrun/pause:" + hex.EncodeToString(h.Sum(nil))[:12]
	if Ref != want {
		t.Errorf("the pause programs changed: set Ref in ref.go to %q (was %q)", want, Ref)
	}
}

func TestBinaryArchNames(t *testing.T) {
	t.Parallel()
	cases := []struct{ alias, goarch string }{{"x86_64", "amd64"}, {"aarch64", "arm64"}}
	for _, c := range cases {
		if !bytes.Equal(mustBinary(t, c.alias), mustBinary(t, c.goarch)) {
			t.Errorf("Binary(%q) differs from Binary(%q)", c.alias, c.goarch)
		}
	}
	if bytes.Equal(mustBinary(t, "amd64"), mustBinary(t, "arm64")) {
		t.Error("amd64 and arm64 programs are the same bytes")
	}
	for _, arch := range []string{"s390x", "armv7l", "mips", ""} {
		if _, err := Binary(arch); !errors.Is(err, ErrUnsupportedArch) {
			t.Errorf("Binary(%q) error = %v, want ErrUnsupportedArch", arch, err)
		}
		if _, err := Tar(arch); !errors.Is(err, ErrUnsupportedArch) {
			t.Errorf("Tar(%q) error = %v, want ErrUnsupportedArch", arch, err)
		}
	}
}

func TestTar(t *testing.T) {
	t.Parallel()
	for _, arch := range []string{"x86_64", "aarch64"} {
		t.Run(arch, func(t *testing.T) {
			t.Parallel()
			archive, err := Tar(arch)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Tar(arch)
			if !bytes.Equal(archive, again) {
				t.Error("Tar is not deterministic")
			}
			img, err := imagetar.Read(archive)
			if err != nil {
				t.Fatalf("read archive: %v", err)
			}
			goarch, _ := imagetar.Arch(arch)
			if img.Architecture != goarch || !reflect.DeepEqual(img.RepoTags, []string{Ref}) {
				t.Errorf("image %s tagged %q, want %s tagged %q", img.Architecture, img.RepoTags, goarch, Ref)
			}
			if !reflect.DeepEqual(img.Config.Entrypoint, []string{"/pause"}) || img.Config.Labels[LabelImage] != "pause" {
				t.Errorf("config = %+v", img.Config)
			}
			// The program, 0777 emptyDir roots, and an empty 0666 message file per container index
			// (sorted by name).
			want := []imagetar.Entry{{Path: ".podrun", Mode: 0o755, Dir: true}, {Path: ".podrun/empty-dir-roots", Mode: 0o755, Dir: true}}
			var roots []string
			for i := range EmptyDirRootCount {
				roots = append(roots, fmt.Sprintf(".podrun/empty-dir-roots/%d", i))
			}
			slices.Sort(roots)
			for _, r := range roots {
				want = append(want, imagetar.Entry{Path: r, Mode: 0o777, Dir: true})
			}
			want = append(want, imagetar.Entry{Path: ".podrun/termination", Mode: 0o755, Dir: true})
			var files []string
			for i := range MessageFiles {
				files = append(files, fmt.Sprintf(".podrun/termination/%d-0", i))
			}
			slices.Sort(files)
			for _, f := range files {
				want = append(want, imagetar.Entry{Path: f, Mode: 0o666})
			}
			want = append(want, imagetar.Entry{Path: "pause", Mode: 0o755, Data: mustBinary(t, arch)})
			if !reflect.DeepEqual(img.Entries, want) {
				t.Errorf("layer holds %+v,\nwant %+v", img.Entries, want)
			}
		})
	}
}
