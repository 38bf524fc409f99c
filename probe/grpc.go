package probe

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
)

// gRPC health checking (grpc.health.v1.Health/Check) over cleartext HTTP/2, written out by
// hand: the message types are two one-field protobufs, and the module graph has no gRPC
// library. The kubelet's gRPC probe has no TLS and no host field: it goes to the pod IP (§5).

const (
	healthCheckPath = "/grpc.health.v1.Health/Check"
	servingStatus   = 1 // HealthCheckResponse.ServingStatus SERVING
)

// GRPC performs a grpc probe (§5): success iff the health service answers SERVING for service;
// every error is a failure.
func GRPC(ctx context.Context, t Target, port int, service string) (Result, string) {
	if t.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.Timeout)
		defer cancel()
	}
	status, err := healthCheck(ctx, net.JoinHostPort(t.Host, strconv.Itoa(t.port(port))), service)
	switch {
	case err != nil:
		return Failure, fmt.Sprintf("failed to connect service %q within %s: %v", t.Host, t.Timeout, err)
	case status != servingStatus:
		return Failure, fmt.Sprintf("service unhealthy (responded with %q)", statusName(status))
	}
	return Success, ""
}

func healthCheck(ctx context.Context, addr, service string) (uint64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+healthCheckPath,
		bytes.NewReader(grpcFrame(encodeString(1, service))))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/grpc")
	req.Header.Set("TE", "trailers")
	req.Header.Set("User-Agent", "kube-probe/"+Version)
	var protocols http.Protocols
	protocols.SetUnencryptedHTTP2(true)
	client := &http.Client{Transport: &http.Transport{Protocols: &protocols, DisableKeepAlives: true}}
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<16))
	if err != nil {
		return 0, err
	}
	if code := grpcStatus(res); code != "0" {
		return 0, fmt.Errorf("rpc error: code = %s desc = %s", code, firstOf(res, "Grpc-Message"))
	}
	msg, err := unframe(body)
	if err != nil {
		return 0, err
	}
	return decodeVarintField(msg, 1), nil
}

// grpcStatus is grpc-status from the trailers, or from the headers of a trailers-only answer.
func grpcStatus(res *http.Response) string {
	if s := firstOf(res, "Grpc-Status"); s != "" {
		return s
	}
	if res.StatusCode != http.StatusOK {
		return "http " + strconv.Itoa(res.StatusCode)
	}
	return "missing grpc-status"
}

func firstOf(res *http.Response, key string) string {
	if v := res.Trailer.Get(key); v != "" {
		return v
	}
	return res.Header.Get(key)
}

// grpcFrame is a length-prefixed, uncompressed gRPC message.
func grpcFrame(msg []byte) []byte {
	out := make([]byte, 5, 5+len(msg))
	binary.BigEndian.PutUint32(out[1:], uint32(len(msg)))
	return append(out, msg...)
}

func unframe(b []byte) ([]byte, error) {
	if len(b) < 5 {
		return nil, errors.New("short gRPC response")
	}
	if b[0] != 0 {
		return nil, errors.New("compressed gRPC response")
	}
	n := binary.BigEndian.Uint32(b[1:5])
	if uint32(len(b)-5) < n {
		return nil, errors.New("truncated gRPC response")
	}
	return b[5 : 5+n], nil
}

// encodeString is one protobuf string field; empty encodes as nothing (proto3 default).
func encodeString(field int, s string) []byte {
	if s == "" {
		return nil
	}
	out := binary.AppendUvarint(nil, uint64(field<<3|2))
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

// decodeVarintField finds a varint field of a protobuf message; 0 (UNKNOWN) when absent.
func decodeVarintField(msg []byte, field int) uint64 {
	for len(msg) > 0 {
		key, n := binary.Uvarint(msg)
		if n <= 0 {
			return 0
		}
		msg = msg[n:]
		switch key & 7 {
		case 0:
			v, n := binary.Uvarint(msg)
			if n <= 0 {
				return 0
			}
			if int(key>>3) == field {
				return v
			}
			msg = msg[n:]
		case 2:
			l, n := binary.Uvarint(msg)
			if n <= 0 || uint64(len(msg)-n) < l {
				return 0
			}
			msg = msg[n+int(l):]
		case 1:
			msg = msg[min(8, len(msg)):]
		case 5:
			msg = msg[min(4, len(msg)):]
		default:
			return 0
		}
	}
	return 0
}

func statusName(s uint64) string {
	switch s {
	case 0:
		return "UNKNOWN"
	case 1:
		return "SERVING"
	case 2:
		return "NOT_SERVING"
	case 3:
		return "SERVICE_UNKNOWN"
	}
	return strconv.FormatUint(s, 10)
}
