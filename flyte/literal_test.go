package flyte

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

// Byte-exact fixtures written by hand from the field table of core/literals.proto: a wrong
// field number or wire type changes the bytes.
func TestEncodeInputsByteExact(t *testing.T) {
	iface := Interface{Inputs: []Variable{
		{Name: "b", Type: LiteralType{Simple: "BOOLEAN"}},
		{Name: "d", Type: LiteralType{Simple: "DURATION"}},
		{Name: "f", Type: LiteralType{Simple: "FLOAT"}},
		{Name: "n", Type: LiteralType{Simple: "INTEGER"}},
		{Name: "s", Type: LiteralType{Simple: "STRING"}},
		{Name: "t", Type: LiteralType{Simple: "DATETIME"}},
	}}
	cases := []struct {
		name, value, want string
	}{
		// LiteralMap{1: entry{1: "n", 2: Literal{1: Scalar{1: Primitive{1: 3}}}}}
		{"n", "3", "0a0b0a016e12060a040a020803"},
		{"n", "0", "0a0b0a016e12060a040a020800"},
		{"n", "-1", "0a140a016e120f0a0d0a0b08ffffffffffffffffff01"},
		// Primitive{2: double 2.5} = 11 0000000000000440
		{"f", "2.5", "0a120a0166120d0a0b0a09110000000000000440"},
		{"s", "hi", "0a0d0a017312080a060a041a026869"},
		{"b", "true", "0a0b0a016212060a040a022001"},
		{"b", "false", "0a0b0a016212060a040a022000"},
		// Duration{1: 90} under Primitive field 6
		{"d", "90s", "0a0d0a016412080a060a043202085a"},
		// Timestamp{1: 1714564800} under Primitive field 5
		{"t", "2024-05-01T12:00:00Z", "0a110a0174120c0a0a0a082a0608c0ddc8b106"},
	}
	for _, c := range cases {
		t.Run(c.name+"="+c.value, func(t *testing.T) {
			vals := map[string]string{}
			sub := Interface{}
			for _, v := range iface.Inputs {
				if v.Name == c.name {
					sub.Inputs = []Variable{v}
				}
			}
			vals[c.name] = c.value
			got, err := EncodeInputs(sub, vals)
			if err != nil {
				t.Fatal(err)
			}
			if hex.EncodeToString(got) != c.want {
				t.Errorf("EncodeInputs = %x, want %s", got, c.want)
			}
			back, err := DecodeLiteralMap(got)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := back[c.name]; !ok {
				t.Errorf("round trip lost %s", c.name)
			}
		})
	}
}

func TestEncodeInputsRefuses(t *testing.T) {
	iface := Interface{Inputs: []Variable{{Name: "n", Type: LiteralType{Simple: "INTEGER"}}, {Name: "s", Type: LiteralType{Simple: "STRING"}}}}
	cases := map[string]struct {
		vals map[string]string
		want string
	}{
		"not an integer": {map[string]string{"n": "x", "s": ""}, `input n (integer): "x" is not an integer`},
		"unknown input":  {map[string]string{"n": "1", "s": "", "m": "2"}, `the task has no input "m" (inputs: n integer, s string)`},
		"missing input":  {map[string]string{"n": "1"}, "missing input s (string): give --input s=VALUE"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := EncodeInputs(iface, c.vals)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to say %q", err, c.want)
			}
		})
	}
}

func TestTypedInputsCollectionsAndEnums(t *testing.T) {
	iface := Interface{Inputs: []Variable{
		{Name: "l", Type: LiteralType{Collection: &LiteralType{Simple: "INTEGER"}}},
		{Name: "e", Type: LiteralType{Enum: []string{"red", "green"}}},
		{Name: "f", Type: LiteralType{Blob: &BlobType{Format: "csv"}}},
	}}
	lm, err := TypeInputs(iface, map[string]string{"l": "[1, 2]", "e": "green", "f": "s3://b/x.csv"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := lm["l"].templateString()
	if got != "[1,2]" {
		t.Errorf("collection renders %q, want [1,2]", got)
	}
	if lm["e"].String != "green" || lm["f"].URI != "s3://b/x.csv" {
		t.Errorf("enum/blob = %+v / %+v", lm["e"], lm["f"])
	}
	if _, err := TypeInputs(iface, map[string]string{"l": "[1]", "e": "blue", "f": "x"}); err == nil || !strings.Contains(err.Error(), "not one of red, green") {
		t.Errorf("enum outside its values: err = %v", err)
	}
	pb, err := lm.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeLiteralMap(pb)
	if err != nil || len(back["l"].Items) != 2 || back["f"].Format != "csv" {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}

// outputs.pb as the examples' primary writes it with printf: {o0: "hello"}.
const helloOutputs = "\n\x11\n\x02o0\x12\x0b\n\t\n\x07\x1a\x05hello"

func TestDecodeOutputs(t *testing.T) {
	got, err := DecodeOutputs([]byte(helloOutputs))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "{\n  \"o0\": \"hello\"\n}\n" {
		t.Errorf("DecodeOutputs = %q", got)
	}
	lm := LiteralMap{
		"n":  {Kind: KindInteger, Int: 7},
		"t":  {Kind: KindDatetime, Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)},
		"d":  {Kind: KindDuration, Duration: 90 * time.Second},
		"l":  {Kind: KindCollection, Items: []Literal{{Kind: KindFloat, Float: 1.5}, {Kind: KindBoolean, Bool: true}}},
		"m":  {Kind: KindMap, Fields: LiteralMap{"k": {Kind: KindString, String: "v"}}},
		"no": {Kind: KindNone},
		"g":  {Kind: KindGeneric, Generic: map[string]any{"a": 1.0}},
		"f":  {Kind: KindBlob, URI: "file:///data/x.csv", Format: "csv"},
	}
	pb, err := lm.Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err = DecodeOutputs(pb)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "outputs.json", got)
	if _, err := DecodeOutputs([]byte{0x0a, 0x05, 0x01}); err == nil {
		t.Error("a truncated outputs.pb decodes without error")
	}
}

func TestDecodeError(t *testing.T) {
	// ErrorDocument{1: ContainerError{1: "USER:ValueError", 2: "boom", 3: RECOVERABLE, 4: USER}}
	pb, _ := hex.DecodeString("0a1b0a0f555345523a56616c75654572726f721204626f6f6d18012001")
	d, err := DecodeError(pb)
	if err != nil {
		t.Fatal(err)
	}
	want := ErrorDocument{Code: "USER:ValueError", Message: "boom", Kind: "RECOVERABLE", Origin: "USER"}
	if d != want {
		t.Errorf("DecodeError = %+v, want %+v", d, want)
	}
	if got := hex.EncodeToString(want.Encode()); got != hex.EncodeToString(pb) {
		t.Errorf("Encode = %s, want %x", got, pb)
	}
}
