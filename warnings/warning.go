// Package warnings says, before any engine is touched, where running a pod locally departs from
// what a cluster would do. Warnings are values: Analyze reads the pod as the user wrote it and
// returns a deduplicated, sorted list; the CLI prints it once, filters it (--allow) and, with
// --strict, refuses to go on. The package is pure: no context, client, clock, logger or I/O
// other than the writer a printer is given.
package warnings

// Code identifies a kind of departure: stable kebab-case with a family prefix
// ("scheduling.node-selector"). Every code is documented in codes.go.
type Code string

// Family is the part of the code before the first dot ("scheduling").
func (c Code) Family() string {
	for i := 0; i < len(c); i++ {
		if c[i] == '.' {
			return string(c[:i])
		}
	}
	return string(c)
}

// Severity says whether a departure changes behaviour.
type Severity string

const (
	// SeverityWarning: the pod behaves differently than on a cluster.
	SeverityWarning Severity = "warning"
	// SeverityInfo: the field has no local meaning and ignoring it is harmless.
	SeverityInfo Severity = "info"
)

// Warning is one departure, located by the field path the user wrote.
type Warning struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Path is the field in the manifest: spec.containers[2].resources.limits["nvidia.com/gpu"].
	Path string `json:"path"`
	// Container is the pod's name for the container concerned; "" for the pod as a whole.
	Container string `json:"container"`
	// Message says what a cluster would do and what podrun does instead.
	Message string `json:"message"`
	// Hint, when not empty, is a flag or a workaround.
	Hint string `json:"hint"`
	// Line is the field's line in the file, 0 when unknown.
	Line int `json:"line,omitempty"`
}
