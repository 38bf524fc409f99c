package podspec

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	sjson "sigs.k8s.io/json"
)

// decodeStrict decodes a JSON object into target (a pointer to a Kubernetes type) the way the
// API server's strict field validation does, and returns every problem with its path relative
// to the object: values of the wrong type, unknown fields (with a suggestion when the name is
// a near miss of a real one) and duplicate fields. Whatever could be decoded is in target.
func decodeStrict(value map[string]any, target any) []FieldError {
	root := reflect.TypeOf(target).Elem()
	errs := typeErrors(root, value, "")
	raw, err := json.Marshal(value)
	if err != nil {
		return append(errs, FieldError{Msg: fmt.Sprintf("re-encode document: %v", err)})
	}
	strict, err := sjson.UnmarshalStrict(raw, target)
	for _, e := range strict {
		errs = append(errs, strictError(root, e))
	}
	if err != nil && len(errs) == 0 {
		// The type walk should have caught it; keep the decoder's own words as a fallback.
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			errs = append(errs, FieldError{Path: typeErr.Field, Msg: fmt.Sprintf("must be a %s, got %s", typeErr.Type, typeErr.Value)})
		} else {
			errs = append(errs, FieldError{Msg: err.Error()})
		}
	}
	return errs
}

// strictError turns one of sigs.k8s.io/json's strict errors into a FieldError.
func strictError(root reflect.Type, err error) FieldError {
	var fe sjson.FieldError
	if !errors.As(err, &fe) {
		return FieldError{Msg: err.Error()}
	}
	path := fe.FieldPath()
	if strings.HasPrefix(err.Error(), "duplicate field") {
		return FieldError{Path: path, Msg: "duplicate field; keys must be unique"}
	}
	msg := "unknown field"
	if parent := typeAt(root, parentPath(path)); parent != nil && parent.Kind() == reflect.Struct {
		if guess := closestName(lastSegment(path), fieldNames(parent)); guess != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", guess)
		}
	}
	return FieldError{Path: path, Msg: msg}
}

// closestName returns the candidate a misspelt name most likely meant: the same word in another
// case, or one within a small edit distance; "" when nothing is close.
func closestName(name string, candidates []string) string {
	best, bestDist := "", len(name)/3+1
	if bestDist > 3 {
		bestDist = 3
	}
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c
		}
		if d := editDistance(name, c); d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
