package flyte

import (
	"fmt"
	"strings"
)

// Simple types (core.SimpleType), by their protobuf-JSON enum names.
var simpleTypeNames = []string{"NONE", "INTEGER", "FLOAT", "STRING", "BOOLEAN", "DATETIME", "DURATION", "BINARY", "ERROR", "STRUCT"}

// LiteralType is the part of core.LiteralType podrun types values by. Exactly one of the
// fields describing the kind is set.
type LiteralType struct {
	// Simple is a core.SimpleType name: INTEGER, FLOAT, STRING, BOOLEAN, DATETIME, DURATION…
	Simple     string
	Collection *LiteralType
	MapValue   *LiteralType
	// Blob is set for blob types (files, directories): its format, possibly "".
	Blob  *BlobType
	Enum  []string
	Union []LiteralType
	// Other names a kind podrun does not type values of: "schema", "structuredDataset"…
	Other string
}

// BlobType is core.BlobType.
type BlobType struct {
	Format    string
	Multipart bool
}

// String is the type as a user reads it: integer, list of string, map of float, file…
func (t LiteralType) String() string {
	switch {
	case t.Simple != "":
		return strings.ToLower(t.Simple)
	case t.Collection != nil:
		return "list of " + t.Collection.String()
	case t.MapValue != nil:
		return "map of " + t.MapValue.String()
	case t.Blob != nil:
		if t.Blob.Multipart {
			return "directory"
		}
		return "file"
	case t.Enum != nil:
		return "enum {" + strings.Join(t.Enum, ", ") + "}"
	case t.Union != nil:
		parts := make([]string, len(t.Union))
		for i, v := range t.Union {
			parts[i] = v.String()
		}
		return "union {" + strings.Join(parts, " | ") + "}"
	case t.Other != "":
		return t.Other
	}
	return "unknown"
}

func simpleTypeName(v uint64) string {
	if v < uint64(len(simpleTypeNames)) {
		return simpleTypeNames[v]
	}
	return fmt.Sprintf("SimpleType(%d)", v)
}

// decodeLiteralType reads core.LiteralType: simple = 1, schema = 2, collection_type = 3,
// map_value_type = 4, blob = 5, enum_type = 7, structured_dataset_type = 8, union_type = 10.
func decodeLiteralType(b []byte) (LiteralType, error) {
	m, err := parseMessage(b)
	if err != nil {
		return LiteralType{}, err
	}
	var t LiteralType
	if v, ok, err := m.varint(1); err != nil {
		return t, err
	} else if ok {
		t.Simple = simpleTypeName(v)
	}
	for _, f := range m {
		if f.typ != 2 {
			continue
		}
		switch f.num {
		case 2:
			t.Other = "schema"
		case 3, 4:
			inner, err := decodeLiteralType(f.b)
			if err != nil {
				return t, err
			}
			if f.num == 3 {
				t.Collection = &inner
			} else {
				t.MapValue = &inner
			}
		case 5:
			bm, err := parseMessage(f.b)
			if err != nil {
				return t, err
			}
			format, err := bm.str(1)
			if err != nil {
				return t, err
			}
			dim, _, err := bm.varint(2)
			if err != nil {
				return t, err
			}
			t.Blob = &BlobType{Format: format, Multipart: dim == 1}
		case 7:
			em, err := parseMessage(f.b)
			if err != nil {
				return t, err
			}
			vals, err := em.strings(1)
			if err != nil {
				return t, err
			}
			t.Enum = append([]string{}, vals...)
		case 8:
			t.Other = "structuredDataset"
		case 10:
			um, err := parseMessage(f.b)
			if err != nil {
				return t, err
			}
			raw, err := um.all(1)
			if err != nil {
				return t, err
			}
			t.Union = []LiteralType{}
			for _, r := range raw {
				v, err := decodeLiteralType(r)
				if err != nil {
					return t, err
				}
				t.Union = append(t.Union, v)
			}
		}
	}
	return t, nil
}

// literalTypeFromJSON reads a protobuf-JSON LiteralType (camelCase or snake_case keys).
func literalTypeFromJSON(v obj) LiteralType {
	var t LiteralType
	if s, ok := v.get("simple"); ok {
		t.Simple = enumName(s, simpleTypeNames)
	}
	if c, ok := v.object("collectionType"); ok {
		inner := literalTypeFromJSON(c)
		t.Collection = &inner
	}
	if c, ok := v.object("mapValueType"); ok {
		inner := literalTypeFromJSON(c)
		t.MapValue = &inner
	}
	if b, ok := v.object("blob"); ok {
		dim, _ := b.get("dimensionality")
		t.Blob = &BlobType{Format: b.str("format"), Multipart: enumName(dim, []string{"SINGLE", "MULTIPART"}) == "MULTIPART"}
	}
	if e, ok := v.object("enumType"); ok {
		t.Enum = e.strings("values")
		if t.Enum == nil {
			t.Enum = []string{}
		}
	}
	if u, ok := v.object("unionType"); ok {
		t.Union = []LiteralType{}
		for _, item := range u.objects("variants") {
			t.Union = append(t.Union, literalTypeFromJSON(item))
		}
	}
	if _, ok := v.get("schema"); ok {
		t.Other = "schema"
	}
	if _, ok := v.get("structuredDatasetType"); ok {
		t.Other = "structuredDataset"
	}
	return t
}
