//go:build browser

package conformance

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// role names one of the suite's loopback origins. The pages and the APIs
// differ in host or port, so every fetch from a page is cross-origin, and
// all are loopback, so Local Network Access never steps in.
type role int

const (
	page  role = iota // http://localhost:P0, where the page is served
	r1                // http://127.0.0.1:P1
	r2                // http://127.0.0.1:P2
	spage             // https://localhost:P3, the page of the securePage cases
	s1                // https://127.0.0.1:P4, an API served over TLS
	roles
)

var roleNames = [...]string{page: "page", r1: "r1", r2: "r2", spage: "spage", s1: "s1"}

func (r role) String() string { return roleNames[r] }

// secure reports whether a role's listener speaks TLS.
func (r role) secure() bool { return r == spage || r == s1 }

// apiHost is a name that is not loopback to a browser's mixed content
// check, which looks at the URL alone, but that Chromium's resolver rules
// and the engine's --resolve both send to 127.0.0.1. A hop's host may also
// be one of loopbackHosts, the names a browser treats as potentially
// trustworthy whatever they resolve to.
const apiHost = "api.test"

// loopbackHosts are the loopback spellings the cases use besides the plain
// ones; each is mapped to 127.0.0.1 like "localhost", so neither client
// looks them up or tries [::1]. "127.1" is there for the engine alone:
// Chromium's URL parser turns it into 127.0.0.1 before any lookup.
var loopbackHosts = []string{"localhost.", "sub.localhost", "127.1"}

// mappedHosts are every name the suite sends to 127.0.0.1.
func mappedHosts() []string { return append([]string{"localhost", apiHost}, loopbackHosts...) }

// reply is a scripted response. Its header lines are written byte for byte,
// in order, duplicates and empty values included; in them {origin} is the
// page's origin, {port} its port, {self} the origin of the hop's own server,
// {next} the URL of the next hop and {next-path} its path alone ({origin}
// and {port} are the https page's in a securePage case). No value is ever
// copied from the request, so the browser and the engine get exactly the
// same answers.
type reply struct {
	status int
	header []string
}

// hop is one URL of a case: the first one the script fetches, then one per
// redirect.
type hop struct {
	role role
	// preflight answers an OPTIONS request; nil answers it with a bare 404,
	// so an unexpected preflight fails loudly.
	preflight *reply
	actual    reply
	// userinfo goes into {next}, e.g. "user:pass".
	userinfo string
	// host replaces the role's host name in the hop's URL: apiHost or one
	// of loopbackHosts. The request still reaches the role's listener.
	host string
	// hangup closes the connection without an answer, like a server that
	// is down: a verdict on such a hop cannot come from its response.
	hangup bool
}

// seen is what the server logged of one request: the parts of it a browser
// decides (the preflight and its CORS request headers, the method and the
// Origin after redirects).
type seen struct {
	hop    int
	method string
	origin string // "-" when absent
	acrm   string // Access-Control-Request-Method, preflights only
	acrh   string // Access-Control-Request-Headers
}

func (s seen) String() string {
	out := fmt.Sprintf("hop%d %s Origin=%s", s.hop, s.method, s.origin)
	if s.acrm != "" {
		out += " ACRM=" + s.acrm
	}
	if s.acrh != "" {
		out += " ACRH=" + s.acrh
	}
	return out
}

// Who sent a request: the path says, so both can run the same case at once.
const (
	byBrowser = "b"
	byEngine  = "e"
)

// server answers the pages' URLs and every case's scripted hops on one
// loopback listener per role, two of them over TLS. It writes responses
// itself rather than through net/http, whose ResponseWriter trims header
// values and canonicalizes names, which would hide the very cases under
// test (a padded ACAO, an empty one, an upper-case header name).
type server struct {
	cases     map[string]*testCase
	listeners [roles]net.Listener
	origins   [roles]string // serialized origin per role
	tls       *tls.Config
	wg        sync.WaitGroup

	mu  sync.Mutex
	log map[string][]seen // by who + "/" + case id
}

func startServer(t *testing.T, cases []testCase) *server {
	t.Helper()
	s := &server{cases: map[string]*testCase{}, log: map[string][]seen{}, tls: selfSigned(t)}
	for i := range cases {
		s.cases[cases[i].id] = &cases[i]
	}
	for r := range s.listeners {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("listen on loopback: %v", err)
		}
		s.listeners[r] = l
		port := l.Addr().(*net.TCPAddr).Port
		scheme, host := "http", "127.0.0.1"
		if role(r).secure() {
			scheme = "https"
		}
		if role(r) == page || role(r) == spage {
			host = "localhost"
		}
		s.origins[r] = scheme + "://" + host + ":" + strconv.Itoa(port)
	}
	for r, l := range s.listeners {
		s.wg.Add(1)
		go s.serve(role(r), l)
	}
	t.Cleanup(s.close)
	return s
}

func (s *server) close() {
	for _, l := range s.listeners {
		l.Close()
	}
	s.wg.Wait()
}

// port is the port of a role's listener.
func (s *server) port(r role) string { return strconv.Itoa(s.listeners[r].Addr().(*net.TCPAddr).Port) }

// pageRole is the role that serves a case's page.
func (c *testCase) pageRole() role {
	if c.securePage {
		return spage
	}
	return page
}

// pageOrigin is the origin of a case's page.
func (s *server) pageOrigin(c *testCase) string { return s.origins[c.pageRole()] }

// pageURL is the document a case's script runs in.
func (s *server) pageURL(c *testCase) string {
	if c.sandbox {
		return s.pageOrigin(c) + "/sandbox"
	}
	return s.pageOrigin(c) + "/page"
}

// hopOrigin is the origin a hop's URL names: its role's, with the hop's
// host name when it has one.
func (s *server) hopOrigin(h hop) string {
	if h.host == "" {
		return s.origins[h.role]
	}
	scheme, _, _ := strings.Cut(s.origins[h.role], "://")
	return scheme + "://" + net.JoinHostPort(h.host, s.port(h.role))
}

// url is hop n of a case, as fetched by who.
func (s *server) url(who string, c *testCase, n int, userinfo string) string {
	base := s.hopOrigin(c.hops[n])
	if userinfo != "" {
		base = strings.Replace(base, "://", "://"+userinfo+"@", 1)
	}
	return base + "/t/" + who + "/" + c.id + "/" + strconv.Itoa(n)
}

// requests returns what the server logged for one case and one client.
func (s *server) requests(who, id string) []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.log[who+"/"+id]...)
}

func (s *server) serve(r role, l net.Listener) {
	defer s.wg.Done()
	var conns sync.WaitGroup
	defer conns.Wait()
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		conns.Add(1)
		go func() {
			defer conns.Done()
			s.handle(r, conn)
		}()
	}
}

// handle answers one request and closes the connection: no keep-alive, so
// neither client can retry a request on a reused socket.
func (s *server) handle(r role, conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if r.secure() {
		conn = tls.Server(conn, s.tls)
	}
	req, err := http.ReadRequest(bufio.NewReader(conn))
	if err != nil {
		return
	}
	// Read the body before answering: closing a socket with unread bytes
	// resets it, and the client could lose the response.
	_, _ = io.Copy(io.Discard, req.Body)
	if resp := s.respond(r, req); resp != nil {
		_, _ = conn.Write(resp)
	}
}

// respond returns the response to write, nil to hang up without one.
func (s *server) respond(r role, req *http.Request) []byte {
	path := req.URL.Path
	isPage := r == page || r == spage
	switch {
	case isPage && path == "/page":
		return render(200, []string{"Content-Type: text/html; charset=utf-8"}, pageHTML, req.Method)
	case isPage && path == "/sandbox":
		// An opaque origin: the page's fetches send Origin: null.
		return render(200, []string{"Content-Type: text/html; charset=utf-8", "Content-Security-Policy: sandbox allow-scripts"}, pageHTML, req.Method)
	}
	parts := strings.Split(strings.TrimPrefix(path, "/t/"), "/")
	if !strings.HasPrefix(path, "/t/") || len(parts) != 3 {
		return render(404, nil, "not found\n", req.Method)
	}
	who, id := parts[0], parts[1]
	c, ok := s.cases[id]
	n, err := strconv.Atoi(parts[2])
	if !ok || err != nil || n < 0 || n >= len(c.hops) || c.hops[n].role != r {
		return render(421, nil, "no such hop on this origin\n", req.Method)
	}
	h := c.hops[n]
	logged := seen{hop: n, method: req.Method, origin: headerOr(req.Header, "Origin")}
	if req.Method == http.MethodOptions {
		logged.acrm = req.Header.Get("Access-Control-Request-Method")
		logged.acrh = req.Header.Get("Access-Control-Request-Headers")
	}
	s.mu.Lock()
	s.log[who+"/"+id] = append(s.log[who+"/"+id], logged)
	s.mu.Unlock()
	if h.hangup {
		return nil
	}

	rep := h.actual
	if req.Method == http.MethodOptions {
		rep = reply{status: 404}
		if h.preflight != nil {
			rep = *h.preflight
		}
	}
	next := ""
	if n+1 < len(c.hops) {
		next = s.url(who, c, n+1, h.userinfo)
	}
	nextPath := ""
	if i := strings.Index(next, "/t/"); i >= 0 {
		nextPath = next[i:]
	}
	vars := strings.NewReplacer("{origin}", s.pageOrigin(c), "{port}", s.port(c.pageRole()), "{self}", s.hopOrigin(h),
		"{next}", next, "{next-path}", nextPath)
	lines := make([]string, len(rep.header))
	for i, line := range rep.header {
		lines[i] = vars.Replace(line)
	}
	return render(rep.status, append(lines, replyType), replyBody, req.Method)
}

// The body of every scripted reply, and its type.
const (
	replyBody = "ok\n"
	replyType = "Content-Type: text/plain"
)

// sentNames are the header names, in lower case, of the response the
// server writes to the hop's actual request, its own lines included
// (Content-Type, Cache-Control, Content-Length): the headers a script could
// read. They are taken from the bytes render writes, so they cannot drift
// from what the clients get; no placeholder appears in a name.
func (h hop) sentNames() []string {
	raw := render(h.actual.status, append(slices.Clone(h.actual.header), replyType), replyBody, http.MethodGet)
	head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
	var names []string
	for _, line := range strings.Split(head, "\r\n")[1:] {
		name, _, _ := strings.Cut(line, ":")
		names = append(names, strings.ToLower(name))
	}
	return names
}

func headerOr(h http.Header, name string) string {
	if v, ok := h[http.CanonicalHeaderKey(name)]; ok {
		return strings.Join(v, ", ")
	}
	return "-"
}

const pageHTML = "<!doctype html><meta charset=utf-8><title>corslint conformance</title>\n"

// render writes a whole HTTP/1.1 response. Every response says no-store, so
// no HTTP cache gets in the way, and closes the connection.
func render(status int, lines []string, body, method string) []byte {
	var b strings.Builder
	reason := http.StatusText(status)
	if reason == "" {
		reason = "Status"
	}
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, reason)
	for _, line := range lines {
		b.WriteString(line + "\r\n")
	}
	b.WriteString("Cache-Control: no-store\r\nConnection: close\r\n")
	if status == 204 || status == 205 || status == 304 {
		b.WriteString("\r\n")
		return []byte(b.String())
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	if method != http.MethodHead {
		b.WriteString(body)
	}
	return []byte(b.String())
}

// selfSigned is the TLS configuration of the secure listeners: a fresh
// self-signed certificate. Chromium runs with --ignore-certificate-errors
// and the engine with --insecure, so no trust store is touched.
func selfSigned(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatalf("TLS key: %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "corslint conformance"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		DNSNames:              []string{"localhost", apiHost},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatalf("TLS certificate: %v", err)
	}
	// No NextProtos: both clients speak HTTP/1.1, which this server reads.
	return &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
		MinVersion:   tls.VersionTLS12,
	}
}
