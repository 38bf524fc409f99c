package flyte

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"
)

// LiteralKind says which value a Literal holds.
type LiteralKind string

const (
	KindInteger    LiteralKind = "integer"
	KindFloat      LiteralKind = "float"
	KindString     LiteralKind = "string"
	KindBoolean    LiteralKind = "boolean"
	KindDatetime   LiteralKind = "datetime"
	KindDuration   LiteralKind = "duration"
	KindNone       LiteralKind = "none"
	KindBlob       LiteralKind = "blob"       // URI, Format, Multipart
	KindSchema     LiteralKind = "schema"     // URI
	KindDataset    LiteralKind = "dataset"    // structured dataset: URI, Format
	KindBinary     LiteralKind = "binary"     // Bytes, Format (the tag: msgpack…)
	KindJSON       LiteralKind = "json"       // Bytes
	KindGeneric    LiteralKind = "generic"    // Generic (a Struct)
	KindError      LiteralKind = "error"      // String (message), URI (failed node id)
	KindUnion      LiteralKind = "union"      // Items[0]
	KindCollection LiteralKind = "collection" // Items
	KindMap        LiteralKind = "map"        // Fields
)

// Literal is one core.Literal value.
type Literal struct {
	Kind      LiteralKind
	Int       int64
	Float     float64
	String    string
	Bool      bool
	Time      time.Time
	Duration  time.Duration
	URI       string
	Format    string
	Multipart bool
	Bytes     []byte
	Generic   map[string]any
	Items     []Literal
	Fields    LiteralMap
}

// LiteralMap is a core.LiteralMap: inputs.pb and outputs.pb.
type LiteralMap map[string]Literal

// Field numbers (core/literals.proto): Literal scalar = 1, collection = 2, map = 3. Scalar
// primitive = 1, blob = 2, binary = 3, schema = 4, none_type = 5, error = 6, generic = 7,
// structured_dataset = 8, union = 9, json = 10. Primitive integer = 1, float_value = 2,
// string_value = 3, boolean = 4, datetime = 5, duration = 6. LiteralMap literals = 1 (map
// entries key = 1, value = 2); LiteralCollection literals = 1.

// DecodeLiteralMap reads a binary core.LiteralMap (inputs.pb, outputs.pb).
func DecodeLiteralMap(b []byte) (LiteralMap, error) {
	m, err := parseMessage(b)
	if err != nil {
		return nil, fmt.Errorf("decode LiteralMap: %w", err)
	}
	return literalMapFromPB(m)
}

func literalMapFromPB(m message) (LiteralMap, error) {
	entries, err := m.all(1)
	if err != nil {
		return nil, err
	}
	out := LiteralMap{}
	for _, e := range entries {
		em, err := parseMessage(e)
		if err != nil {
			return nil, err
		}
		k, err := em.str(1)
		if err != nil {
			return nil, err
		}
		vm, _, err := em.sub(2)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		lit, err := literalFromPB(vm)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out[k] = lit
	}
	return out, nil
}

func literalFromPB(m message) (Literal, error) {
	if c, ok, err := m.sub(2); err != nil {
		return Literal{}, err
	} else if ok {
		raw, err := c.all(1)
		if err != nil {
			return Literal{}, err
		}
		l := Literal{Kind: KindCollection, Items: []Literal{}}
		for i, r := range raw {
			im, err := parseMessage(r)
			if err != nil {
				return l, fmt.Errorf("[%d]: %w", i, err)
			}
			item, err := literalFromPB(im)
			if err != nil {
				return l, fmt.Errorf("[%d]: %w", i, err)
			}
			l.Items = append(l.Items, item)
		}
		return l, nil
	}
	if mm, ok, err := m.sub(3); err != nil {
		return Literal{}, err
	} else if ok {
		fields, err := literalMapFromPB(mm)
		return Literal{Kind: KindMap, Fields: fields}, err
	}
	s, ok, err := m.sub(1)
	if err != nil {
		return Literal{}, err
	}
	if !ok {
		return Literal{Kind: KindNone}, nil
	}
	return scalarFromPB(s)
}

func scalarFromPB(s message) (Literal, error) {
	for _, f := range s {
		if f.typ != 2 {
			continue
		}
		m, err := parseMessage(f.b)
		if err != nil {
			return Literal{}, err
		}
		switch f.num {
		case 1:
			return primitiveFromPB(m)
		case 2:
			l := Literal{Kind: KindBlob}
			if l.URI, err = m.str(3); err != nil {
				return l, err
			}
			if md, ok, _ := m.sub(1); ok {
				if bt, ok, _ := md.sub(1); ok {
					l.Format, _ = bt.str(1)
					dim, _, _ := bt.varint(2)
					l.Multipart = dim == 1
				}
			}
			return l, nil
		case 3:
			l := Literal{Kind: KindBinary}
			if v, ok, _ := m.last(1, 2); ok {
				l.Bytes = v.b
			}
			l.Format, err = m.str(2)
			return l, err
		case 4:
			l := Literal{Kind: KindSchema}
			l.URI, err = m.str(1)
			return l, err
		case 5:
			return Literal{Kind: KindNone}, nil
		case 6:
			l := Literal{Kind: KindError}
			if l.URI, err = m.str(1); err == nil {
				l.String, err = m.str(2)
			}
			return l, err
		case 7:
			g, err := structFromPB(f.b)
			return Literal{Kind: KindGeneric, Generic: g}, err
		case 8:
			l := Literal{Kind: KindDataset}
			if l.URI, err = m.str(1); err == nil {
				if md, ok, _ := m.sub(2); ok {
					if sd, ok, _ := md.sub(1); ok {
						l.Format, _ = sd.str(2)
					}
				}
			}
			return l, err
		case 9:
			v, _, err := m.sub(1)
			if err != nil {
				return Literal{}, err
			}
			inner, err := literalFromPB(v)
			return Literal{Kind: KindUnion, Items: []Literal{inner}}, err
		case 10:
			l := Literal{Kind: KindJSON}
			if v, ok, _ := m.last(1, 2); ok {
				l.Bytes = v.b
			}
			return l, nil
		}
	}
	return Literal{Kind: KindNone}, nil
}

func primitiveFromPB(m message) (Literal, error) {
	for _, f := range m {
		switch f.num {
		case 1:
			return Literal{Kind: KindInteger, Int: int64(f.v)}, nil
		case 2:
			v, _, err := m.double(2)
			return Literal{Kind: KindFloat, Float: v}, err
		case 3:
			s, err := m.str(3)
			return Literal{Kind: KindString, String: s}, err
		case 4:
			return Literal{Kind: KindBoolean, Bool: f.v != 0}, nil
		case 5, 6:
			sm, err := parseMessage(f.b)
			if err != nil {
				return Literal{}, err
			}
			secs, _, err1 := sm.varint(1)
			nanos, _, err2 := sm.varint(2)
			if err1 != nil || err2 != nil {
				return Literal{}, fmt.Errorf("malformed timestamp or duration")
			}
			if f.num == 5 {
				return Literal{Kind: KindDatetime, Time: time.Unix(int64(secs), int64(int32(nanos))).UTC()}, nil
			}
			return Literal{Kind: KindDuration, Duration: time.Duration(int64(secs))*time.Second + time.Duration(int32(nanos))}, nil
		}
	}
	return Literal{Kind: KindNone}, nil
}

// Encode writes the map as a binary core.LiteralMap, keys sorted, as deterministic protobuf
// marshalling writes it.
func (lm LiteralMap) Encode() ([]byte, error) {
	keys := make([]string, 0, len(lm))
	for k := range lm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []byte
	for _, k := range keys {
		v, err := lm[k].encode()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		var entry []byte
		entry = appendString(entry, 1, k)
		entry = appendBytes(entry, 2, v)
		out = appendBytes(out, 1, entry)
	}
	return out, nil
}

func (l Literal) encode() ([]byte, error) {
	switch l.Kind {
	case KindCollection:
		var coll []byte
		for _, item := range l.Items {
			b, err := item.encode()
			if err != nil {
				return nil, err
			}
			coll = appendBytes(coll, 1, b)
		}
		return appendBytes(nil, 2, coll), nil
	case KindMap:
		b, err := l.Fields.Encode()
		if err != nil {
			return nil, err
		}
		return appendBytes(nil, 3, b), nil
	}
	var scalar []byte
	switch l.Kind {
	case KindInteger, KindFloat, KindString, KindBoolean, KindDatetime, KindDuration:
		scalar = appendBytes(nil, 1, l.encodePrimitive())
	case KindNone:
		scalar = appendBytes(nil, 5, nil)
	case KindBlob:
		var bt []byte
		bt = appendString(bt, 1, l.Format)
		if l.Multipart {
			bt = appendVarint(bt, 2, 1)
		}
		blob := appendBytes(nil, 1, appendBytes(nil, 1, bt))
		blob = appendString(blob, 3, l.URI)
		scalar = appendBytes(nil, 2, blob)
	case KindGeneric:
		s, err := structpb.NewStruct(l.Generic)
		if err != nil {
			return nil, err
		}
		b, err := proto.MarshalOptions{Deterministic: true}.Marshal(s)
		if err != nil {
			return nil, err
		}
		scalar = appendBytes(nil, 7, b)
	default:
		return nil, fmt.Errorf("cannot encode a %s literal", l.Kind)
	}
	return appendBytes(nil, 1, scalar), nil
}

func (l Literal) encodePrimitive() []byte {
	switch l.Kind {
	case KindInteger:
		if l.Int == 0 { // a oneof member is written even when zero
			return []byte{0x08, 0x00}
		}
		return appendVarint(nil, 1, uint64(l.Int))
	case KindFloat:
		b := appendDouble(nil, 2, l.Float)
		if b == nil {
			return []byte{0x11, 0, 0, 0, 0, 0, 0, 0, 0}
		}
		return b
	case KindString:
		return appendBytes(nil, 3, []byte(l.String))
	case KindBoolean:
		if l.Bool {
			return []byte{0x20, 0x01}
		}
		return []byte{0x20, 0x00}
	case KindDatetime:
		var ts []byte
		ts = appendVarint(ts, 1, uint64(l.Time.Unix()))
		ts = appendVarint(ts, 2, uint64(l.Time.Nanosecond()))
		return appendBytes(nil, 5, ts)
	default: // KindDuration
		var d []byte
		d = appendVarint(d, 1, uint64(int64(l.Duration/time.Second)))
		d = appendVarint(d, 2, uint64(int64(int32(l.Duration%time.Second))))
		return appendBytes(nil, 6, d)
	}
}

// templateString is the value {{.Inputs.x}} renders to (serializeLiteral, §3.3): primitives
// with %v, datetimes in RFC 3339, blobs and schemas as their URI, collections as [a,b].
func (l Literal) templateString() (string, error) {
	switch l.Kind {
	case KindInteger:
		return fmt.Sprintf("%v", l.Int), nil
	case KindFloat:
		return fmt.Sprintf("%v", l.Float), nil
	case KindString:
		return l.String, nil
	case KindBoolean:
		return fmt.Sprintf("%v", l.Bool), nil
	case KindDatetime:
		return l.Time.UTC().Format(time.RFC3339Nano), nil
	case KindDuration:
		return durationText(l.Duration), nil
	case KindBlob, KindSchema, KindDataset:
		return l.URI, nil
	case KindBinary:
		return fmt.Sprintf("%v", l.Bytes), nil
	case KindCollection:
		parts := make([]string, len(l.Items))
		for i, item := range l.Items {
			s, err := item.templateString()
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ",") + "]", nil
	}
	return "", fmt.Errorf("received an unexpected literal type [%s]", l.Kind)
}

// durationText is a google.protobuf.Duration in protobuf text form ("seconds:90 nanos:5"),
// which is what propeller's %v of the message prints.
func durationText(d time.Duration) string {
	var parts []string
	if s := int64(d / time.Second); s != 0 {
		parts = append(parts, fmt.Sprintf("seconds:%d", s))
	}
	if n := int64(d % time.Second); n != 0 {
		parts = append(parts, fmt.Sprintf("nanos:%d", n))
	}
	return strings.Join(parts, " ")
}

// JSONValue is the literal as plain JSON: numbers, strings, booleans; datetimes in RFC 3339,
// durations as Go durations ("1m30s"); blobs, schemas and datasets as their URI; binary as
// base64; collections as arrays and maps as objects.
func (l Literal) JSONValue() any {
	switch l.Kind {
	case KindInteger:
		return l.Int
	case KindFloat:
		return l.Float
	case KindString:
		return l.String
	case KindBoolean:
		return l.Bool
	case KindDatetime:
		return l.Time.UTC().Format(time.RFC3339Nano)
	case KindDuration:
		return l.Duration.String()
	case KindBlob, KindSchema, KindDataset:
		return l.URI
	case KindBinary:
		return base64.StdEncoding.EncodeToString(l.Bytes)
	case KindJSON:
		if json.Valid(l.Bytes) {
			return json.RawMessage(l.Bytes)
		}
		return base64.StdEncoding.EncodeToString(l.Bytes)
	case KindGeneric:
		return l.Generic
	case KindError:
		return map[string]any{"error": l.String, "failedNodeId": l.URI}
	case KindUnion:
		if len(l.Items) == 1 {
			return l.Items[0].JSONValue()
		}
	case KindCollection:
		out := make([]any, len(l.Items))
		for i, item := range l.Items {
			out[i] = item.JSONValue()
		}
		return out
	case KindMap:
		return l.Fields.JSONValue()
	}
	return nil
}

// JSONValue is the map as a JSON object (see Literal.JSONValue).
func (lm LiteralMap) JSONValue() map[string]any {
	out := make(map[string]any, len(lm))
	for k, v := range lm {
		out[k] = v.JSONValue()
	}
	return out
}

// DecodeOutputs reads outputs.pb (a LiteralMap) and returns it as indented JSON, keys sorted.
func DecodeOutputs(pb []byte) ([]byte, error) {
	lm, err := DecodeLiteralMap(pb)
	if err != nil {
		return nil, fmt.Errorf("outputs.pb: %w", err)
	}
	out, err := json.MarshalIndent(lm.JSONValue(), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("outputs.pb: %w", err)
	}
	return append(out, '\n'), nil
}
