package flyte

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// EncodeInputs types each value by the task interface and writes inputs.pb (a LiteralMap),
// as `--input name=value` asks. Every input the interface declares must be given: Flyte refuses
// an execution with a missing input. Values are read as a user types them:
//
//	integer   42, -7            float     2.5, 1e-3          string   anything
//	boolean   true/false, 1/0   datetime  RFC 3339 or 2006-01-02[T15:04:05] (UTC)
//	duration  90s, 1h30m, or a number of seconds
//	file/directory  a URI;  enum  one of its values;  list/map of those  a JSON array/object;
//	struct    a JSON object
func EncodeInputs(iface Interface, values map[string]string) ([]byte, error) {
	lm, err := TypeInputs(iface, values)
	if err != nil {
		return nil, err
	}
	return lm.Encode()
}

// TypeInputs is EncodeInputs without the encoding: the typed LiteralMap.
func TypeInputs(iface Interface, values map[string]string) (LiteralMap, error) {
	lm := LiteralMap{}
	var problems []string
	names := make([]string, 0, len(values))
	for k := range values {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		v, ok := iface.Input(name)
		if !ok {
			problems = append(problems, fmt.Sprintf("the task has no input %q (inputs: %s)", name, inputList(iface)))
			continue
		}
		lit, err := parseLiteral(values[name], v.Type)
		if err != nil {
			problems = append(problems, fmt.Sprintf("input %s (%s): %v", name, v.Type, err))
			continue
		}
		lm[name] = lit
	}
	for _, v := range iface.Inputs {
		if _, ok := values[v.Name]; !ok {
			problems = append(problems, fmt.Sprintf("missing input %s (%s): give --input %s=VALUE", v.Name, v.Type, v.Name))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return lm, nil
}

func inputList(iface Interface) string {
	if len(iface.Inputs) == 0 {
		return "none"
	}
	parts := make([]string, len(iface.Inputs))
	for i, v := range iface.Inputs {
		parts[i] = v.Name + " " + v.Type.String()
	}
	return strings.Join(parts, ", ")
}

func parseLiteral(s string, t LiteralType) (Literal, error) {
	switch {
	case t.Simple != "":
		return parseSimple(s, t.Simple)
	case t.Blob != nil:
		return Literal{Kind: KindBlob, URI: s, Format: t.Blob.Format, Multipart: t.Blob.Multipart}, nil
	case t.Enum != nil:
		for _, v := range t.Enum {
			if v == s {
				return Literal{Kind: KindString, String: s}, nil
			}
		}
		return Literal{}, fmt.Errorf("%q is not one of %s", s, strings.Join(t.Enum, ", "))
	case t.Collection != nil:
		var items []json.RawMessage
		if err := json.Unmarshal([]byte(s), &items); err != nil {
			return Literal{}, fmt.Errorf("want a JSON array: %v", err)
		}
		l := Literal{Kind: KindCollection, Items: []Literal{}}
		for i, raw := range items {
			item, err := parseLiteral(jsonText(raw), *t.Collection)
			if err != nil {
				return Literal{}, fmt.Errorf("[%d]: %v", i, err)
			}
			l.Items = append(l.Items, item)
		}
		return l, nil
	case t.MapValue != nil:
		var items map[string]json.RawMessage
		if err := json.Unmarshal([]byte(s), &items); err != nil {
			return Literal{}, fmt.Errorf("want a JSON object: %v", err)
		}
		l := Literal{Kind: KindMap, Fields: LiteralMap{}}
		for k, raw := range items {
			item, err := parseLiteral(jsonText(raw), *t.MapValue)
			if err != nil {
				return Literal{}, fmt.Errorf("[%s]: %v", k, err)
			}
			l.Fields[k] = item
		}
		return l, nil
	}
	return Literal{}, fmt.Errorf("podrun cannot type a %s value from the command line; give a LiteralMap with --inputs FILE", t)
}

// jsonText turns a JSON element back into what a user would type: strings unquoted.
func jsonText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func parseSimple(s, simple string) (Literal, error) {
	switch simple {
	case "INTEGER":
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return Literal{}, fmt.Errorf("%q is not an integer", s)
		}
		return Literal{Kind: KindInteger, Int: v}, nil
	case "FLOAT":
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return Literal{}, fmt.Errorf("%q is not a finite number", s)
		}
		return Literal{Kind: KindFloat, Float: v}, nil
	case "STRING":
		return Literal{Kind: KindString, String: s}, nil
	case "BOOLEAN":
		v, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return Literal{}, fmt.Errorf("%q is not a boolean (true or false)", s)
		}
		return Literal{Kind: KindBoolean, Bool: v}, nil
	case "DATETIME":
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if v, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
				return Literal{Kind: KindDatetime, Time: v.UTC()}, nil
			}
		}
		return Literal{}, fmt.Errorf("%q is not a datetime (RFC 3339, e.g. 2024-05-01T12:00:00Z)", s)
	case "DURATION":
		s = strings.TrimSpace(s)
		if secs, err := strconv.ParseFloat(s, 64); err == nil {
			return Literal{Kind: KindDuration, Duration: time.Duration(secs * float64(time.Second))}, nil
		}
		v, err := time.ParseDuration(s)
		if err != nil {
			return Literal{}, fmt.Errorf("%q is not a duration (e.g. 90s, 1h30m)", s)
		}
		return Literal{Kind: KindDuration, Duration: v}, nil
	case "STRUCT":
		var m map[string]any
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return Literal{}, fmt.Errorf("want a JSON object: %v", err)
		}
		return Literal{Kind: KindGeneric, Generic: m}, nil
	case "NONE":
		return Literal{Kind: KindNone}, nil
	}
	return Literal{}, fmt.Errorf("podrun cannot type a %s value from the command line; give a LiteralMap with --inputs FILE", strings.ToLower(simple))
}
