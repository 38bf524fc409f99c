package flyte

import (
	"fmt"
	"math"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
)

// field is one decoded protobuf field; message is a message's fields in wire order. Decoders
// read the fields they know by number and ignore the rest, as protobuf does.
type field struct {
	num protowire.Number
	typ protowire.Type
	v   uint64 // varint, fixed32, fixed64
	b   []byte // bytes
}

type message []field

// parseMessage splits b into fields; it fails on anything that is not well-formed protobuf.
func parseMessage(b []byte) (message, error) {
	var m message
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
		f := field{num: num, typ: typ}
		switch typ {
		case protowire.VarintType:
			f.v, n = protowire.ConsumeVarint(b)
		case protowire.Fixed32Type:
			var v uint32
			v, n = protowire.ConsumeFixed32(b)
			f.v = uint64(v)
		case protowire.Fixed64Type:
			f.v, n = protowire.ConsumeFixed64(b)
		case protowire.BytesType:
			f.b, n = protowire.ConsumeBytes(b)
		case protowire.StartGroupType:
			_, n = protowire.ConsumeGroup(num, b)
		default:
			return nil, fmt.Errorf("field %d: unknown wire type %d", num, typ)
		}
		if n < 0 {
			return nil, fmt.Errorf("field %d: %w", num, protowire.ParseError(n))
		}
		b = b[n:]
		m = append(m, f)
	}
	return m, nil
}

// last returns the last occurrence of field num with wire type typ (proto3: last one wins).
func (m message) last(num protowire.Number, typ protowire.Type) (field, bool, error) {
	var out field
	found := false
	for _, f := range m {
		if f.num != num {
			continue
		}
		if f.typ != typ {
			return field{}, false, fmt.Errorf("field %d: wire type %d, want %d", num, f.typ, typ)
		}
		out, found = f, true
	}
	return out, found, nil
}

func (m message) str(num protowire.Number) (string, error) {
	f, ok, err := m.last(num, protowire.BytesType)
	if err != nil || !ok {
		return "", err
	}
	if !utf8.Valid(f.b) {
		return "", fmt.Errorf("field %d: invalid UTF-8", num)
	}
	return string(f.b), nil
}

func (m message) varint(num protowire.Number) (uint64, bool, error) {
	f, ok, err := m.last(num, protowire.VarintType)
	return f.v, ok, err
}

func (m message) double(num protowire.Number) (float64, bool, error) {
	f, ok, err := m.last(num, protowire.Fixed64Type)
	return math.Float64frombits(f.v), ok, err
}

// sub returns the embedded message num (nil, false when absent). Repeated occurrences of a
// singular message merge, as protobuf merges them.
func (m message) sub(num protowire.Number) (message, bool, error) {
	var out message
	found := false
	for _, f := range m {
		if f.num != num {
			continue
		}
		if f.typ != protowire.BytesType {
			return nil, false, fmt.Errorf("field %d: wire type %d, want a message", num, f.typ)
		}
		sm, err := parseMessage(f.b)
		if err != nil {
			return nil, false, fmt.Errorf("field %d: %w", num, err)
		}
		out, found = append(out, sm...), true
	}
	return out, found, nil
}

// all returns every occurrence of the repeated message or string field num.
func (m message) all(num protowire.Number) ([][]byte, error) {
	var out [][]byte
	for _, f := range m {
		if f.num != num {
			continue
		}
		if f.typ != protowire.BytesType {
			return nil, fmt.Errorf("field %d: wire type %d, want length-delimited", num, f.typ)
		}
		out = append(out, f.b)
	}
	return out, nil
}

func (m message) strings(num protowire.Number) ([]string, error) {
	raw, err := m.all(num)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(raw))
	for _, b := range raw {
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("field %d: invalid UTF-8", num)
		}
		out = append(out, string(b))
	}
	return out, nil
}

// stringMap decodes a map<string,string> field (entries: key = 1, value = 2).
func (m message) stringMap(num protowire.Number) (map[string]string, error) {
	raw, err := m.all(num)
	if err != nil || len(raw) == 0 {
		return nil, err
	}
	out := make(map[string]string, len(raw))
	for _, b := range raw {
		e, err := parseMessage(b)
		if err != nil {
			return nil, fmt.Errorf("field %d: %w", num, err)
		}
		k, err := e.str(1)
		if err != nil {
			return nil, fmt.Errorf("field %d: %w", num, err)
		}
		v, err := e.str(2)
		if err != nil {
			return nil, fmt.Errorf("field %d[%s]: %w", num, k, err)
		}
		out[k] = v
	}
	return out, nil
}

// Encoding helpers: fields are appended in field-number order and zero values are omitted, as
// protobuf's deterministic marshalling does, so fixtures compare byte for byte.

func appendString(b []byte, num protowire.Number, s string) []byte {
	if s == "" {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendString(b, s)
}

func appendBytes(b []byte, num protowire.Number, v []byte) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, v)
}

func appendVarint(b []byte, num protowire.Number, v uint64) []byte {
	if v == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.VarintType)
	return protowire.AppendVarint(b, v)
}

func appendDouble(b []byte, num protowire.Number, v float64) []byte {
	if v == 0 && !math.Signbit(v) {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.Fixed64Type)
	return protowire.AppendFixed64(b, math.Float64bits(v))
}
