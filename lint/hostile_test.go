package lint_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

const hostileTimeout = 1 * time.Second

// rawServer accepts TCP connections on loopback and hands each to serve,
// with a channel closed when the server stops. stop closes everything and
// waits for the server's goroutines.
func rawServer(t *testing.T, serve func(net.Conn, <-chan struct{})) (url string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer conn.Close()
				serve(conn, done)
			}()
		}
	}()
	var once sync.Once
	return "http://" + ln.Addr().String(), func() {
		once.Do(func() {
			close(done)
			ln.Close()
			wg.Wait()
		})
	}
}

// pause sleeps for d or until the server stops.
func pause(done <-chan struct{}, d time.Duration) bool {
	select {
	case <-done:
		return false
	case <-time.After(d):
		return true
	}
}

// readRequest consumes one request head.
func readRequest(conn net.Conn) {
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

func hostileEngine(opts lint.ClientOptions) *lint.Engine {
	if opts.Timeout == 0 {
		opts.Timeout = hostileTimeout
	}
	return &lint.Engine{Rules: rules.All(), Client: lint.NewClient(opts), Redactor: lint.NewRedactor(), UserAgent: "corslint-test"}
}

func probe(url string) lint.Probe {
	return lint.Probe{
		Target: &lint.Target{Request: lint.Request{URL: url, Method: "GET"}},
		Origin: origin.MustParse("http://app.example.test"),
		Source: lint.Source{Kind: lint.SourceAllowed},
	}
}

// TestHostileServers: every misbehaving server ends in bounded time with
// either a one-line network error or the right finding, and leaves no
// goroutine behind.
func TestHostileServers(t *testing.T) {
	cases := []struct {
		desc      string
		serve     func(net.Conn, <-chan struct{}) // raw TCP behaviour; nil when handler is set
		handler   http.HandlerFunc
		wantError string // fragment of the NetError, or "" for a response
		wantRule  string // the deciding rule when a response arrives
	}{
		{desc: "never answers", serve: func(c net.Conn, done <-chan struct{}) { readRequest(c); pause(done, 10*time.Second) }, wantError: "timeout"},
		{desc: "trickles headers at 1 byte/s", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			for _, b := range []byte("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n\r\n") {
				if _, err := c.Write([]byte{b}); err != nil {
					return
				}
				if !pause(done, time.Second) {
					return
				}
			}
		}, wantError: "timeout"},
		{desc: "closes mid-headers", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Or"))
		}, wantError: "malformed or truncated"},
		{desc: "not HTTP at all", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("SSH-2.0-OpenSSH_9.6\r\n\r\n"))
		}, wantError: "malformed"},
		{desc: "1 MB of headers", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\n\r\n"))
		}, wantError: "malformed or truncated"},
		{desc: "10,000 header lines", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			var b strings.Builder
			b.WriteString("HTTP/1.1 200 OK\r\n")
			for i := 0; i < 10000; i++ {
				fmt.Fprintf(&b, "X-H%d: v\r\n", i)
			}
			b.WriteString("Content-Length: 0\r\n\r\n")
			_, _ = c.Write([]byte(b.String()))
		}, wantRule: "acao-missing"},
		{desc: "endless body", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			buf := make([]byte, 32<<10)
			for {
				if _, err := w.Write(buf); err != nil {
					return
				}
			}
		}},
		{desc: "1xx responses before the final one", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" +
				"HTTP/1.1 100 Continue\r\n\r\n" +
				"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n"))
		}},
		{desc: "NUL in a header value", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\x00evil\r\nContent-Length: 0\r\n\r\n"))
		}, wantError: "malformed"},
		{desc: "bare LF line endings", serve: func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			_, _ = c.Write([]byte("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nContent-Length: 0\n\n"))
		}},
		{desc: "redirect loop", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			http.Redirect(w, r, r.URL.Path, http.StatusFound)
		}, wantRule: "redirect-too-many"},
		{desc: "redirect to another scheme", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Location", "ftp://127.0.0.1/file")
			w.WriteHeader(http.StatusFound)
		}, wantRule: "redirect-unsafe-scheme"},
		{desc: "redirect to an unparsable location", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
		}, wantRule: "redirect-invalid-location"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			before := runtime.NumGoroutine()
			var url string
			var stop func()
			if c.serve != nil {
				url, stop = rawServer(t, c.serve)
			} else {
				ts := httptest.NewServer(c.handler)
				url, stop = ts.URL, ts.Close
			}
			defer stop()
			e := hostileEngine(lint.ClientOptions{})
			start := time.Now()
			res := e.Trial(context.Background(), probe(url+"/x"))
			elapsed := time.Since(start)
			if elapsed > hostileTimeout+time.Second {
				t.Errorf("took %s; want at most the timeout + 1s", elapsed)
			}
			switch {
			case c.wantError != "":
				if res.Error == nil || !strings.Contains(res.Error.Error(), c.wantError) || strings.Contains(res.Error.Error(), "\n") {
					t.Errorf("error %v; want one line containing %q", res.Error, c.wantError)
				}
			case res.Error != nil:
				t.Errorf("unexpected error %v", res.Error)
			case c.wantRule != "":
				if res.BlockedBy == nil || res.BlockedBy.RuleID != c.wantRule {
					t.Errorf("blocked by %+v; want %s", res.BlockedBy, c.wantRule)
				}
			case res.Verdict != lint.Allowed:
				t.Errorf("verdict %s (%+v); want allowed", res.Verdict, res.BlockedBy)
			}
			e.Client.CloseIdleConnections()
			stop()
			waitGoroutines(t, before)
		})
	}
}

// waitGoroutines fails when goroutines started by a case outlive it.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Errorf("%d goroutines left behind (had %d):\n%s", runtime.NumGoroutine()-before, before, buf[:n])
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTLS: an untrusted or expired certificate is a clear error unless
// --insecure, which the result records.
func TestTLS(t *testing.T) {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("X-Proto", r.Proto)
	})
	selfSigned := httptest.NewTLSServer(handler)
	defer selfSigned.Close()

	expired := httptest.NewUnstartedServer(handler)
	expired.TLS = &tls.Config{Certificates: []tls.Certificate{expiredCert(t)}}
	expired.StartTLS()
	defer expired.Close()

	h2only := httptest.NewUnstartedServer(handler)
	h2only.EnableHTTP2 = true
	h2only.StartTLS()
	h2only.TLS.NextProtos = []string{"h2"}
	defer h2only.Close()

	cases := []struct {
		desc      string
		url       string
		insecure  bool
		wantError string
		wantProto string
	}{
		{desc: "self-signed", url: selfSigned.URL, wantError: "--insecure accepts any certificate"},
		{desc: "self-signed with --insecure", url: selfSigned.URL, insecure: true, wantProto: "HTTP/1.1"},
		{desc: "expired", url: expired.URL, wantError: "TLS failed"},
		{desc: "expired with --insecure", url: expired.URL, insecure: true, wantProto: "HTTP/1.1"},
		{desc: "HTTP/2 only", url: h2only.URL, insecure: true, wantProto: "HTTP/2.0"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			e := hostileEngine(lint.ClientOptions{Insecure: c.insecure})
			e.Insecure = c.insecure
			res := e.Trial(context.Background(), probe(c.url+"/"))
			if c.wantError != "" {
				if res.Error == nil || !strings.Contains(res.Error.Error(), c.wantError) {
					t.Errorf("error %v; want %q", res.Error, c.wantError)
				}
				return
			}
			if res.Error != nil || res.Verdict != lint.Allowed || !res.Insecure {
				t.Fatalf("error %v, verdict %s, insecure %t; want allowed and recorded as insecure", res.Error, res.Verdict, res.Insecure)
			}
			if got := res.Hops[0].Actual.Response.Proto; got != c.wantProto {
				t.Errorf("protocol %s; want %s", got, c.wantProto)
			}
		})
	}
}

// expiredCert makes a certificate for 127.0.0.1 that expired yesterday.
func expiredCert(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-48 * time.Hour),
		NotAfter:     time.Now().Add(-24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// TestResolveAndIDN: --resolve sends a host's requests to a loopback
// address, and IDN hosts go out in punycode as browsers send them.
func TestResolveAndIDN(t *testing.T) {
	var host string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host = r.Host
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}))
	defer ts.Close()
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	e := hostileEngine(lint.ClientOptions{Resolve: map[string]string{
		net.JoinHostPort("xn--bcher-kva.example", port): ts.Listener.Addr().String(),
	}})
	res := e.Trial(context.Background(), probe("http://bücher.example:"+port+"/"))
	if res.Error != nil || res.Verdict != lint.Allowed {
		t.Fatalf("error %v, verdict %s; want allowed", res.Error, res.Verdict)
	}
	if want := "xn--bcher-kva.example:" + port; host != want {
		t.Errorf("Host %q; want %q", host, want)
	}
}
