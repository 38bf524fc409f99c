package podspec

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// typeErrors walks a decoded JSON value against the Go type it will be decoded into and reports
// every value of the wrong type, with its exact path. encoding/json stops at the first such
// error and names it by a path without list indices; the user deserves all of them, precisely.
// Offending values are removed from v, so that the strict decode that follows succeeds and can
// report the unknown fields too.
func typeErrors(t reflect.Type, v any, path string) []FieldError {
	var c typeChecker
	c.check(t, v, path)
	sort.SliceStable(c.errs, func(i, j int) bool { return c.errs[i].Path < c.errs[j].Path })
	return c.errs
}

type typeChecker struct{ errs []FieldError }

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	quantityType    = reflect.TypeFor[resource.Quantity]()
	intOrStringType = reflect.TypeFor[intstr.IntOrString]()
	timeType        = reflect.TypeFor[metav1.Time]()
)

// check reports whether v may be decoded into t; false tells the caller to drop v.
func (c *typeChecker) check(t reflect.Type, v any, path string) bool {
	if v == nil {
		return true // null decodes into anything as its zero value
	}
	t = indirectType(t)
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return c.checkUnmarshaler(t, v, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return c.fail(path, "an object", v)
		}
		fields := structFields(t)
		for key, value := range m {
			if ft, known := fields[key]; known && !c.check(ft, value, joinField(path, key)) {
				delete(m, key)
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return c.fail(path, "an object", v)
		}
		for key, value := range m {
			if !c.check(t.Elem(), value, joinKey(path, key)) {
				delete(m, key)
			}
		}
	case reflect.Slice:
		return c.checkSlice(t, v, path)
	case reflect.String:
		if _, ok := v.(string); !ok {
			return c.fail(path, "a string", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return c.fail(path, "true or false", v)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(int64)
		if !ok {
			return c.fail(path, "an integer", v)
		}
		if reflect.New(t).Elem().OverflowInt(n) {
			c.add(path, fmt.Sprintf("%d is out of range for a %d-bit integer", n, t.Bits()))
			return false
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(int64)
		if !ok || n < 0 {
			return c.fail(path, "a non-negative integer", v)
		}
	case reflect.Float32, reflect.Float64:
		switch v.(type) {
		case int64, float64:
		default:
			return c.fail(path, "a number", v)
		}
	}
	return true
}

func (c *typeChecker) checkSlice(t reflect.Type, v any, path string) bool {
	if t.Elem().Kind() == reflect.Uint8 { // []byte is base64 in JSON (Secret.data)
		s, ok := v.(string)
		if !ok {
			return c.fail(path, "a base64-encoded string", v)
		}
		if _, err := base64.StdEncoding.DecodeString(s); err != nil {
			c.add(path, "must be base64-encoded (use stringData for plain text): "+err.Error())
			return false
		}
		return true
	}
	items, ok := v.([]any)
	if !ok {
		return c.fail(path, "a list", v)
	}
	for i, item := range items {
		if !c.check(t.Elem(), item, joinIndex(path, i)) {
			items[i] = nil
		}
	}
	return true
}

// checkUnmarshaler runs the type's own decoder (quantities, int-or-string, times) on v.
func (c *typeChecker) checkUnmarshaler(t reflect.Type, v any, path string) bool {
	raw, err := json.Marshal(v)
	if err != nil {
		c.add(path, err.Error())
		return false
	}
	err = reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	if err == nil {
		return true
	}
	switch t {
	case quantityType:
		c.add(path, fmt.Sprintf("must be a quantity such as 250m, 2, 128Mi or 1Gi, got %s", describe(v)))
	case intOrStringType:
		c.add(path, fmt.Sprintf("must be an integer or a string, got %s", describe(v)))
	case timeType:
		c.add(path, fmt.Sprintf("must be an RFC 3339 time such as 2024-01-02T15:04:05Z, got %s", describe(v)))
	default:
		c.add(path, fmt.Sprintf("invalid value %s: %v", describe(v), err))
	}
	return false
}

func (c *typeChecker) fail(path, want string, got any) bool {
	msg := fmt.Sprintf("must be %s, got %s", want, describe(got))
	if want == "a string" {
		switch got.(type) {
		case int64, float64, bool:
			// `value: 8080` or `value: yes` in YAML is not a string: the API server refuses it too.
			msg += fmt.Sprintf(" (quote it: %q)", fmt.Sprint(got))
		}
	}
	c.add(path, msg)
	return false
}

func (c *typeChecker) add(path, msg string) {
	c.errs = append(c.errs, FieldError{Path: path, Msg: msg})
}

// describe names a JSON value's type for a message: `string "80"`, `number 1.5`, `an object`.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("string %q", x)
	case int64, float64:
		return fmt.Sprintf("number %v", x)
	case bool:
		return fmt.Sprintf("boolean %v", x)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%v", v)
}
