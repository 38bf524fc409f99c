package flyte

import (
	"fmt"
	"time"
)

// ErrorDocument is error.pb: the failure a task reports about itself (core.ErrorDocument,
// §3.9). flytekit writes it for user and system exceptions, and exits 0.
type ErrorDocument struct {
	Code    string
	Message string
	// Kind is NON_RECOVERABLE or RECOVERABLE: whether a retry may help.
	Kind string
	// Origin is UNKNOWN, USER or SYSTEM (core.ExecutionError.ErrorKind).
	Origin    string
	Worker    string
	Timestamp time.Time
}

// Recoverable says a retry may succeed (Kind RECOVERABLE).
func (d ErrorDocument) Recoverable() bool { return d.Kind == "RECOVERABLE" }

// DecodeError reads error.pb. Field numbers (core/errors.proto): ErrorDocument error = 1;
// ContainerError code = 1, message = 2, kind = 3, origin = 4, timestamp = 5, worker = 6.
func DecodeError(pb []byte) (ErrorDocument, error) {
	var d ErrorDocument
	m, err := parseMessage(pb)
	if err != nil {
		return d, fmt.Errorf("decode error.pb: %w", err)
	}
	ce, _, err := m.sub(1)
	if err != nil {
		return d, fmt.Errorf("decode error.pb: %w", err)
	}
	kind, _, err1 := ce.varint(3)
	origin, _, err2 := ce.varint(4)
	code, err3 := ce.str(1)
	msg, err4 := ce.str(2)
	worker, err5 := ce.str(6)
	for _, e := range []error{err1, err2, err3, err4, err5} {
		if e != nil {
			return d, fmt.Errorf("decode error.pb: %w", e)
		}
	}
	d = ErrorDocument{Code: code, Message: msg, Worker: worker,
		Kind:   enumAt(kind, "NON_RECOVERABLE", "RECOVERABLE"),
		Origin: enumAt(origin, "UNKNOWN", "USER", "SYSTEM")}
	if ts, ok, err := ce.sub(5); err == nil && ok {
		secs, _, _ := ts.varint(1)
		nanos, _, _ := ts.varint(2)
		d.Timestamp = time.Unix(int64(secs), int64(int32(nanos))).UTC()
	}
	return d, nil
}

// Encode writes the document as error.pb (tests, and tools that fake a task's failure).
func (d ErrorDocument) Encode() []byte {
	var ce []byte
	ce = appendString(ce, 1, d.Code)
	ce = appendString(ce, 2, d.Message)
	ce = appendVarint(ce, 3, enumIndex(d.Kind, "NON_RECOVERABLE", "RECOVERABLE"))
	ce = appendVarint(ce, 4, enumIndex(d.Origin, "UNKNOWN", "USER", "SYSTEM"))
	if !d.Timestamp.IsZero() {
		var ts []byte
		ts = appendVarint(ts, 1, uint64(d.Timestamp.Unix()))
		ts = appendVarint(ts, 2, uint64(d.Timestamp.Nanosecond()))
		ce = appendBytes(ce, 5, ts)
	}
	ce = appendString(ce, 6, d.Worker)
	return appendBytes(nil, 1, ce)
}

func enumAt(v uint64, names ...string) string {
	if v < uint64(len(names)) {
		return names[v]
	}
	return fmt.Sprint(v)
}

func enumIndex(name string, names ...string) uint64 {
	for i, n := range names {
		if n == name {
			return uint64(i)
		}
	}
	return 0
}
