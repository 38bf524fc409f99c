package main

import (
	"fmt"
	"io"
	"os"

	"github.com/podrun/podrun/podspec"
)

// loadInput reads a manifest from a file, or from stdin when name is "-", and loads it.
func loadInput(name string, stdin io.Reader) (*podspec.Input, error) {
	in, _, err := loadInputBytes(name, stdin)
	return in, err
}

// loadInputBytes is loadInput that also returns the bytes read (a detached run hands them to
// its owner process, since stdin cannot be read twice).
// A Flyte task (flyte_input.go) loads here too, with the defaults of its options.
func loadInputBytes(name string, stdin io.Reader) (*podspec.Input, []byte, error) {
	src, err := loadSource(name, stdin, flyteFlags{}, forRender)
	if err != nil {
		return nil, nil, err
	}
	return src.in, src.data, nil
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	return data, nil
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}
