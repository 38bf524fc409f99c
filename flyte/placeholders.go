package flyte

import (
	"fmt"
	"regexp"
	"strings"
)

// Propeller's template regexes (template.go, §3.3): case-insensitive, "." or "$" before the
// name, optional whitespace inside the braces.
var (
	inputFileRE        = regexp.MustCompile(`(?i){{\s*[\.$]Input\s*}}`)
	inputPrefixRE      = regexp.MustCompile(`(?i){{\s*[\.$]InputPrefix\s*}}`)
	outputPrefixRE     = regexp.MustCompile(`(?i){{\s*[\.$]OutputPrefix\s*}}`)
	inputVarRE         = regexp.MustCompile(`(?i){{\s*[\.$]Inputs\.(?P<input_name>[^}\s]+)\s*}}`)
	rawOutputPrefixRE  = regexp.MustCompile(`(?i){{\s*[\.$]RawOutputDataPrefix\s*}}`)
	perRetryUniqueKeRE = regexp.MustCompile(`(?i){{\s*[\.$]PerRetryUniqueKey\s*}}`)
	taskTemplatePathRE = regexp.MustCompile(`(?i){{\s*[\.$]TaskTemplatePath\s*}}`)
	prevCheckpointRE   = regexp.MustCompile(`(?i){{\s*[\.$]PrevCheckpointPrefix\s*}}`)
	checkpointRE       = regexp.MustCompile(`(?i){{\s*[\.$]CheckpointOutputPrefix\s*}}`)
	namespaceRE        = regexp.MustCompile(`(?i){{\s*[\.$]Namespace\s*}}`)

	// anyPlaceholderRE finds what is left for Departures: {{ .remote_package_path }} and such.
	anyPlaceholderRE = regexp.MustCompile(`{{[^}]*}}`)

	alphaNumericOnlyRE = regexp.MustCompile(`[^a-zA-Z0-9_]+`)
	startsWithAlphaRE  = regexp.MustCompile(`^[^a-zA-Z_]+`)
)

// renderValues are the values propeller substitutes (§3.3 table).
type renderValues struct {
	Input, InputPrefix, OutputPrefix, RawOutputDataPrefix string
	CheckpointOutputPrefix, PrevCheckpointPrefix          string
	PerRetryUniqueKey, TaskTemplatePath, Namespace        string
	Inputs                                                LiteralMap
}

// perRetryKey turns the pod's generated name into an identifier (transformVarNameToStringVal).
func perRetryKey(generatedName string) string {
	s := alphaNumericOnlyRE.ReplaceAllString(generatedName, "_")
	return startsWithAlphaRE.ReplaceAllString(s, "a")
}

// renderAll renders every string of list (a command or args); nil stays nil, so "command
// absent" and "command: []" keep their different meanings.
func renderAll(list []string, v renderValues) ([]string, error) {
	if list == nil {
		return nil, nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		r, err := render(s, v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// render substitutes in propeller's order: Input, OutputPrefix, InputPrefix,
// RawOutputDataPrefix, PrevCheckpointPrefix, CheckpointOutputPrefix, PerRetryUniqueKey,
// TaskTemplatePath (only when known), Namespace, then {{.Inputs.<name>}} (§3.3).
func render(s string, v renderValues) (string, error) {
	s = inputFileRE.ReplaceAllLiteralString(s, v.Input)
	s = outputPrefixRE.ReplaceAllLiteralString(s, v.OutputPrefix)
	s = inputPrefixRE.ReplaceAllLiteralString(s, v.InputPrefix)
	s = rawOutputPrefixRE.ReplaceAllLiteralString(s, v.RawOutputDataPrefix)
	prev := v.PrevCheckpointPrefix
	if prev == "" {
		prev = `""` // an empty previous checkpoint is written as two double quotes (§3.3)
	}
	s = prevCheckpointRE.ReplaceAllLiteralString(s, prev)
	s = checkpointRE.ReplaceAllLiteralString(s, v.CheckpointOutputPrefix)
	s = perRetryUniqueKeRE.ReplaceAllLiteralString(s, v.PerRetryUniqueKey)
	if v.TaskTemplatePath != "" {
		s = taskTemplatePathRE.ReplaceAllLiteralString(s, v.TaskTemplatePath)
	}
	s = namespaceRE.ReplaceAllLiteralString(s, v.Namespace)
	if !inputVarRE.MatchString(s) {
		return s, nil
	}
	var firstErr error
	s = inputVarRE.ReplaceAllStringFunc(s, func(m string) string {
		name := inputVarRE.FindStringSubmatch(m)[1]
		lit, ok := v.Inputs[name]
		if !ok {
			if firstErr == nil {
				firstErr = fmt.Errorf("requested input is not found [%s]: give its value (--input %s=VALUE)", name, name)
			}
			return m
		}
		text, err := lit.templateString()
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("failed to bind a value to inputName [%s]: %w", name, err)
		}
		return text
	})
	return s, firstErr
}

// leftoverPlaceholders returns the {{…}} left in s after rendering.
func leftoverPlaceholders(s string) []string {
	return anyPlaceholderRE.FindAllString(strings.TrimSpace(s), -1)
}
