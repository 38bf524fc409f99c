package runner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/podrun/podrun/plan"
)

// checkHostPaths makes the kubelet's hostPath type checks (§9.4) before any container exists:
// create for DirectoryOrCreate (0755) and FileOrCreate (0644, parent must exist), otherwise
// require that the path exists with the named type. Only meaningful on a local engine.
func checkHostPaths(checks []plan.HostPathCheck) error {
	var errs []error
	for _, c := range checks {
		if err := checkHostPath(c); err != nil {
			errs = append(errs, fmt.Errorf("hostPath volume %q: path %q (type %s): %w", c.Volume, c.Path, c.Type, err))
		}
	}
	return errors.Join(errs...)
}

func checkHostPath(c plan.HostPathCheck) error {
	switch c.Type {
	case "":
		return nil
	case "DirectoryOrCreate":
		if err := os.MkdirAll(c.Path, 0o755); err != nil {
			return err
		}
		return wantType(c.Path, fs.ModeDir, "a directory")
	case "FileOrCreate":
		f, err := os.OpenFile(c.Path, os.O_RDONLY|os.O_CREATE, 0o644)
		if err != nil {
			if errors.Is(err, fs.ErrExist) || isDir(c.Path) {
				return errors.New("is not a file")
			}
			return err
		}
		f.Close()
		return wantType(c.Path, 0, "a file")
	case "Directory":
		return wantType(c.Path, fs.ModeDir, "a directory")
	case "File":
		return wantType(c.Path, 0, "a file")
	case "Socket":
		return wantType(c.Path, fs.ModeSocket, "a socket")
	case "CharDevice":
		return wantType(c.Path, fs.ModeDevice|fs.ModeCharDevice, "a character device")
	case "BlockDevice":
		return wantType(c.Path, fs.ModeDevice, "a block device")
	default:
		return fmt.Errorf("unknown hostPath type")
	}
}

// wantType checks that path exists and has exactly the file type bits want (0: regular file).
func wantType(path string, want fs.FileMode, what string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("does not exist")
	}
	if err != nil {
		return err
	}
	if fi.Mode().Type()&^fs.ModeSymlink != want {
		return fmt.Errorf("is not %s", what)
	}
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
