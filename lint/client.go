package lint

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"
)

// Limits on what corslint accepts from a server it does not control.
const (
	// MaxHeaderBytes caps a response's header section. Chromium refuses
	// headers beyond 256 KiB (net::ERR_RESPONSE_HEADERS_TOO_BIG), and so do we.
	MaxHeaderBytes = 256 << 10
	// MaxBodyBytes is how much of a body is read: CORS lives in headers,
	// and a short prefix is enough to release the connection politely.
	MaxBodyBytes = 64 << 10
	// DefaultTimeout bounds each request.
	DefaultTimeout = 10 * time.Second
	// MaxRedirects is the Fetch standard's redirect limit
	// (https://fetch.spec.whatwg.org/#http-redirect-fetch, step 5).
	MaxRedirects = 20
)

// ClientOptions configures the HTTP client the engine sends requests with.
type ClientOptions struct {
	Timeout time.Duration
	// Insecure accepts any TLS certificate (reported in the output).
	Insecure bool
	// Resolve maps "host:port" to an address, like curl --resolve.
	Resolve map[string]string
	// Proxy overrides the HTTP(S)_PROXY environment; nil uses it.
	Proxy func(*http.Request) (*url.URL, error)
	// Direct ignores any proxy.
	Direct bool
}

// NewClient returns an HTTP client that never follows redirects (the engine
// follows them as a browser does), keeps no cookies, and bounds every phase
// of a request.
func NewClient(opts ClientOptions) *http.Client {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	proxy := opts.Proxy
	if proxy == nil {
		proxy = http.ProxyFromEnvironment
	}
	if opts.Direct {
		proxy = nil
	}
	resolve := opts.Resolve
	transport := &http.Transport{
		Proxy: proxy,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if to, ok := resolve[addr]; ok {
				addr = to
			}
			return dialer.DialContext(ctx, network, addr)
		},
		TLSClientConfig:        &tls.Config{InsecureSkipVerify: opts.Insecure}, //nolint:gosec // only with --insecure
		TLSHandshakeTimeout:    timeout,
		ResponseHeaderTimeout:  timeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: MaxHeaderBytes,
		ForceAttemptHTTP2:      true,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        30 * time.Second,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// drainBody reads at most MaxBodyBytes of a body and closes it.
func drainBody(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, MaxBodyBytes))
	_ = body.Close()
}

// NetError is a failure to obtain any response from a target.
type NetError struct {
	Kind string // dns, refused, timeout, tls, protocol, other
	URL  string
	Err  error
}

func (e *NetError) Error() string {
	return fmt.Sprintf("%s: %s", e.URL, e.Err)
}

func (e *NetError) Unwrap() error { return e.Err }

// classify turns a transport error into a NetError with a short kind.
func classify(rawURL string, err error) *NetError {
	kind := "other"
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		kind = "dns"
	case errors.Is(err, syscall.ECONNREFUSED):
		kind = "refused"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		kind = "timeout"
	case errors.As(err, &certErr), errors.As(err, &recordErr), strings.Contains(err.Error(), "tls:"), strings.Contains(err.Error(), "x509:"):
		kind = "tls"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET),
		strings.Contains(err.Error(), "malformed"), strings.Contains(err.Error(), "header"):
		kind = "protocol"
	}
	return &NetError{Kind: kind, URL: rawURL, Err: err}
}

func describeNetError(kind string, err error) string {
	msg := err.Error()
	// url.Error repeats the method and URL; keep the cause only.
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		msg = urlErr.Err.Error()
	}
	switch kind {
	case "dns":
		return "cannot resolve host (" + msg + ")"
	case "refused":
		return "connection refused"
	case "timeout":
		return "no response within the timeout (" + msg + ")"
	case "tls":
		return "TLS failed (" + msg + "); --insecure accepts any certificate"
	case "protocol":
		return "malformed or truncated HTTP response (" + msg + ")"
	}
	return msg
}
