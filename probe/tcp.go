package probe

import (
	"context"
	"net"
	"strconv"
)

// TCP performs a tcpSocket probe (§5): success iff a connection is established.
func TCP(ctx context.Context, t Target, host string, port int) (Result, string) {
	if host == "" {
		host = t.Host
	}
	d := net.Dialer{Timeout: t.Timeout}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(t.port(port))))
	if err != nil {
		return Failure, err.Error()
	}
	_ = conn.Close()
	return Success, ""
}
