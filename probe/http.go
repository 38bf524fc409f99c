package probe

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/podrun/podrun/plan"
)

// maxRedirects is the kubelet's limit: more is a warning, not a failure (§5).
const maxRedirects = 10

// maxBody is how much of a response the kubelet reads for the probe's output.
const maxBody = 10 * 1024

// HTTP performs an httpGet probe (§5): GET scheme://host:port/path with the kubelet's headers
// (User-Agent kube-probe/<v>, Accept */*, the probe's own, an empty value deleting one, Host
// setting the virtual host); HTTPS without certificate verification; redirects followed only on
// the same host. Success iff 200 ≤ status < 400; a redirect not followed is a Warning.
func HTTP(ctx context.Context, t Target, g plan.HTTPGet) (Result, string) {
	res, body, err := get(ctx, t, g, "kube-probe/"+Version)
	if err != nil {
		return Failure, err.Error()
	}
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		return Success, body
	case res.StatusCode >= 300 && res.StatusCode < 400:
		return Warning, fmt.Sprintf("probe terminated redirects, response: %s", body)
	default:
		return Failure, fmt.Sprintf("HTTP probe failed with statuscode: %d", res.StatusCode)
	}
}

// LifecycleHTTP performs a lifecycle httpGet hook (§6.3): the status code is ignored, only a
// transport error fails (pitfall 10); an HTTPS request answered in plain HTTP is retried in
// HTTP, as the kubelet does (LifecycleHTTPFallback).
func LifecycleHTTP(ctx context.Context, t Target, g plan.HTTPGet) error {
	_, _, err := get(ctx, t, g, "kube-lifecycle/"+Version)
	if err != nil && strings.EqualFold(g.Scheme, "HTTPS") && isHTTPResponseToHTTPS(err) {
		g.Scheme = "HTTP"
		_, _, err = get(ctx, t, g, "kube-lifecycle/"+Version)
	}
	return err
}

func isHTTPResponseToHTTPS(err error) bool {
	return strings.Contains(err.Error(), "server gave HTTP response to HTTPS client")
}

// URL is the request's address, as the kubelet formats it: the path may carry a query.
func URL(t Target, g plan.HTTPGet) *url.URL {
	host := g.Host
	if host == "" {
		host = t.Host
	}
	u, err := url.Parse(g.Path)
	if err != nil {
		u = &url.URL{Path: g.Path}
	}
	u.Scheme = strings.ToLower(g.Scheme)
	if u.Scheme == "" {
		u.Scheme = "http"
	}
	u.Host = net.JoinHostPort(host, strconv.Itoa(t.port(g.Port)))
	return u
}

func (t Target) port(p int) int {
	if p != 0 {
		return p
	}
	return t.Port
}

// Headers are the request's headers: the probe's, then the kubelet's defaults where the probe
// set none; a header the probe gives an empty value is sent empty (Go then omits User-Agent)
// or, for Accept, deleted.
func Headers(g plan.HTTPGet, userAgent string) http.Header {
	h := http.Header{}
	for _, hd := range g.Headers {
		h.Add(hd.Name, hd.Value)
	}
	if _, ok := h["User-Agent"]; !ok {
		h.Set("User-Agent", userAgent)
	}
	if _, ok := h["Accept"]; !ok {
		h.Set("Accept", "*/*")
	} else if h.Get("Accept") == "" {
		h.Del("Accept")
	}
	return h
}

func get(ctx context.Context, t Target, g plan.HTTPGet, userAgent string) (*http.Response, string, error) {
	if t.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, URL(t, g).String(), nil)
	if err != nil {
		return nil, "", err
	}
	req.Header = Headers(g, userAgent)
	if host := req.Header.Get("Host"); host != "" {
		req.Host = host
	}
	client := &http.Client{
		Transport: &http.Transport{
			TLSClientConfig:   &tls.Config{InsecureSkipVerify: true}, //nolint:gosec // the kubelet does not verify (§5)
			DisableKeepAlives: true,
			Proxy:             nil, // proxy settings are ignored (§5)
		},
		CheckRedirect: sameHostRedirects,
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxBody))
	if err != nil {
		return nil, "", err
	}
	return res, string(body), nil
}

// sameHostRedirects follows redirects on the probe's host only; an off-host redirect or one
// past the tenth ends the chain with the redirect's own response (a Warning, §5).
func sameHostRedirects(req *http.Request, via []*http.Request) error {
	if req.URL.Hostname() != via[0].URL.Hostname() || len(via) >= maxRedirects {
		return http.ErrUseLastResponse
	}
	return nil
}
