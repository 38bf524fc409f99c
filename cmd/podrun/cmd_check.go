package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/podspec"
	"github.com/podrun/podrun/warnings"
)

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "load, validate and analyze manifests without any engine; print warnings",
		ArgsUsage: "FILE...",
		Description: `Reports, for each FILE, input errors and every place where running the pod locally departs
from a cluster (a stable code, the field's path, what the cluster would do and what podrun does).
Exit 0 when clean, 1 when there are warnings and --strict is set, 2 when a file is invalid.

Example:
   podrun check examples/*.yaml
   podrun check --output json --allow scheduling pod.yaml`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "text", Usage: "text or json (one object per file, see docs/check-json.md)"},
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 when any warning remains"},
			&cli.StringSliceFlag{Name: "allow", Usage: "silence warnings with this code or family; repeatable"},
		}, slices.Concat(configFlagDefs(), flyteTaskFlags())...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return inputError{errors.New("check: expected at least one FILE (or - for stdin)")}
			}
			out := c.String("output")
			if out != "text" && out != "json" {
				return inputError{fmt.Errorf("--output %q: expected text or json", out)}
			}
			return check(e, c.Args().Slice(), out, c.Bool("strict"), c.StringSlice("allow"), readFlyteFlags(c), readConfigFlags(c))
		},
	}
}

// checkReport is one file's result in --output json (schema: docs/check-json.md).
type checkReport struct {
	File     string             `json:"file"`
	Errors   []checkError       `json:"errors"`
	Warnings []warnings.Warning `json:"warnings"`
}

type checkError struct {
	Line    int    `json:"line,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

func check(e *env, files []string, output string, strict bool, allow []string, ff flyteFlags, cf configFlags) error {
	var invalid, warned int
	reports := make([]checkReport, 0, len(files))
	for _, f := range files {
		r := checkReport{File: displayName(f), Errors: []checkError{}, Warnings: []warnings.Warning{}}
		src, err := loadWithConfig(f, e.stdin, ff, cf, forCheck)
		if err != nil {
			invalid++
			r.Errors = toCheckErrors(err)
		} else {
			r.Warnings = append(r.Warnings, filterAllowed(analyzeSource(src), allow)...)
			warned += departures(r.Warnings)
		}
		reports = append(reports, r)
		if output == "text" {
			printReport(e, r)
		}
	}
	if output == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			return err
		}
	}
	switch {
	case invalid > 0:
		return podResult{code: exitInput}
	case strict && warned > 0:
		return podResult{code: exitWarnings}
	}
	return nil
}

func printReport(e *env, r checkReport) {
	for _, ce := range r.Errors {
		loc := r.File
		if ce.Line > 0 {
			loc = fmt.Sprintf("%s:%d", loc, ce.Line)
		}
		if ce.Path != "" {
			loc += ": " + ce.Path
		}
		fmt.Fprintf(e.stdout, "%s: error: %s\n", loc, ce.Message)
	}
	if len(r.Errors) == 0 && len(r.Warnings) == 0 {
		fmt.Fprintf(e.stdout, "%s: ok\n", r.File)
		return
	}
	if len(r.Warnings) > 0 {
		warnings.Text(e.stdout, r.File, r.Warnings, e.color)
	}
}

func toCheckErrors(err error) []checkError {
	var list podspec.ErrorList
	if errors.As(err, &list) {
		out := make([]checkError, len(list))
		for i, fe := range list {
			out[i] = checkError{Line: fe.Line, Path: fe.Path, Message: fe.Msg}
		}
		return out
	}
	return []checkError{{Message: err.Error()}}
}

// departures counts the warnings that change behaviour: --strict refuses those, not the
// informational ones (a field that has no meaning locally and changes nothing).
func departures(ws []warnings.Warning) int {
	n := 0
	for _, w := range ws {
		if w.Severity == warnings.SeverityWarning {
			n++
		}
	}
	return n
}

// filterAllowed drops warnings whose code, or code family (the part before the first dot),
// the user allowed with --allow.
func filterAllowed(ws []warnings.Warning, allow []string) []warnings.Warning {
	if len(allow) == 0 {
		return ws
	}
	out := ws[:0:0]
	for _, w := range ws {
		if !allowed(string(w.Code), allow) {
			out = append(out, w)
		}
	}
	return out
}

func allowed(code string, allow []string) bool {
	for _, a := range allow {
		a = strings.TrimSuffix(strings.TrimSpace(a), ".*")
		if code == a || strings.HasPrefix(code, a+".") {
			return true
		}
	}
	return false
}

func printWarnings(e *env, file string, ws []warnings.Warning) {
	warnings.Text(e.stderr, file, ws, isTerminal(e.stderr) && e.color)
}
