//go:build browser

package conformance

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// role names one of the suite's three loopback origins. The page and the
// APIs differ in host or port, so every fetch from the page is cross-origin,
// and all are loopback, so Local Network Access never steps in.
type role int

const (
	page role = iota // http://localhost:P0, where the page is served
	r1               // http://127.0.0.1:P1
	r2               // http://127.0.0.1:P2
)

var roleNames = [...]string{page: "page", r1: "r1", r2: "r2"}

func (r role) String() string { return roleNames[r] }

// reply is a scripted response. Its header lines are written byte for byte,
// in order, duplicates and empty values included; in them {origin} is the
// page's origin, {port} its port, {self} the origin of the hop's own server,
// {next} the URL of the next hop and {next-path} its path alone. No value is
// ever copied from the request, so the browser and the engine get exactly
// the same answers.
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

// server answers the page's URLs and every case's scripted hops on three
// loopback listeners. It writes responses itself rather than through
// net/http, whose ResponseWriter trims header values and canonicalizes
// names, which would hide the very cases under test (a padded ACAO, an
// empty one, an upper-case header name).
type server struct {
	cases     map[string]*testCase
	listeners [3]net.Listener
	origins   [3]string // serialized origin per role
	wg        sync.WaitGroup

	mu  sync.Mutex
	log map[string][]seen // by who + "/" + case id
}

func startServer(t *testing.T, cases []testCase) *server {
	t.Helper()
	s := &server{cases: map[string]*testCase{}, log: map[string][]seen{}}
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
		host := "127.0.0.1"
		if role(r) == page {
			host = "localhost"
		}
		s.origins[r] = "http://" + host + ":" + strconv.Itoa(port)
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

// pageHost is the page's host:port, for --resolve and Chromium's resolver
// rules: both send "localhost" to 127.0.0.1 and nowhere else.
func (s *server) pageHost() string { return strings.TrimPrefix(s.origins[page], "http://") }

// pageURL is the document a case's script runs in.
func (s *server) pageURL(c *testCase) string {
	if c.sandbox {
		return s.origins[page] + "/sandbox"
	}
	return s.origins[page] + "/page"
}

// url is hop n of a case, as fetched by who.
func (s *server) url(who string, c *testCase, n int, userinfo string) string {
	base := s.origins[c.hops[n].role]
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
	req, err := http.ReadRequest(bufio.NewReader(conn))
	if err != nil {
		return
	}
	// Read the body before answering: closing a socket with unread bytes
	// resets it, and the client could lose the response.
	_, _ = io.Copy(io.Discard, req.Body)
	_, _ = conn.Write(s.respond(r, req))
}

func (s *server) respond(r role, req *http.Request) []byte {
	path := req.URL.Path
	switch {
	case r == page && path == "/page":
		return render(200, []string{"Content-Type: text/html; charset=utf-8"}, pageHTML, req.Method)
	case r == page && path == "/sandbox":
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
	vars := strings.NewReplacer("{origin}", s.origins[page], "{port}", s.port(page), "{self}", s.origins[r],
		"{next}", next, "{next-path}", nextPath)
	lines := make([]string, len(rep.header))
	for i, line := range rep.header {
		lines[i] = vars.Replace(line)
	}
	return render(rep.status, append(lines, "Content-Type: text/plain"), "ok\n", req.Method)
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
