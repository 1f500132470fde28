package lint_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

// refCase is one scripted fetch with the verdict Chromium gave it.
type refCase struct {
	id, desc    string
	method      string
	header      [][2]string
	body        string // "", "string", "usp", "jsonblob" or "formdata"
	credentials bool
	sandbox     bool // the page has an opaque origin
	hops        []refHop
	blocked     bool
	chromium    string  // CDP corsError or net:: error of a blocked fetch
	param       *string // failedParameter, when the reference records one
	preflights  int     // OPTIONS requests Chromium sent
	acrh        string  // Access-Control-Request-Headers of the first preflight
}

// refHop scripts one URL of the fetch: who serves it and what it answers.
type refHop struct {
	role      string // "page", "r1" or "r2"
	preflight *refResp
	actual    refResp
}

type refResp struct {
	status   int
	header   [][2]string
	next     int    // hop the Location points to; 0 for none
	userinfo string // user:pass to embed in the Location
}

func ptr(s string) *string { return &s }

// redirectChain builds n redirects from r1 to r1, each carrying ACAO *.
func redirectChain(n int) []refHop {
	var hops []refHop
	for i := 0; i < n; i++ {
		hops = append(hops, refHop{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: i + 1}})
	}
	return append(hops, refHop{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}})
}

var handWrittenCases = []refCase{
	{id: "h01", desc: "20 redirects (21 hops) r1->r1", method: "GET", hops: redirectChain(20)},
	{id: "h02", desc: "21 redirects (22 hops) r1->r1", method: "GET", hops: redirectChain(21), blocked: true, chromium: "net::ERR_TOO_MANY_REDIRECTS"},
}

// scriptServer serves every case's hops and records the preflights.
type scriptServer struct {
	cases map[string]*refCase
	bases map[string]string // role -> base URL
	mu    sync.Mutex
	seen  map[string][]string // case id -> ACRH of each OPTIONS received
}

func (s *scriptServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	hop, _ := strconv.Atoi(r.URL.Query().Get("hop"))
	c, ok := s.cases[id]
	if !ok || hop >= len(c.hops) {
		http.Error(w, "no such case", http.StatusTeapot)
		return
	}
	h := c.hops[hop]
	resp := h.actual
	if r.Method == http.MethodOptions {
		s.mu.Lock()
		s.seen[id] = append(s.seen[id], r.Header.Get("Access-Control-Request-Headers"))
		s.mu.Unlock()
		if h.preflight == nil {
			w.WriteHeader(http.StatusNotFound) // a bare 404, as in the probe
			return
		}
		resp = *h.preflight
	}
	for _, kv := range resp.header {
		w.Header()[kv[0]] = append(w.Header()[kv[0]], strings.ReplaceAll(kv[1], "{O}", s.bases["page"]))
	}
	if resp.next > 0 {
		w.Header().Set("Location", s.hopURL(c, resp.next, resp.userinfo))
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(resp.status)
	_, _ = w.Write([]byte("ok"))
}

func (s *scriptServer) hopURL(c *refCase, hop int, userinfo string) string {
	u, _ := url.Parse(s.bases[c.hops[hop].role])
	if userinfo != "" {
		user, pass, _ := strings.Cut(userinfo, ":")
		u.User = url.UserPassword(user, pass)
	}
	u.Path = "/t"
	u.RawQuery = url.Values{"id": {c.id}, "hop": {strconv.Itoa(hop)}}.Encode()
	return u.String()
}

// TestReferenceCases runs every server-scriptable case of the reference's
// Chromium 156 measurements through the engine and expects the browser's
// verdict, CorsError, failed parameter and preflight.
func TestReferenceCases(t *testing.T) {
	all := append(append([]refCase(nil), referenceCases...), handWrittenCases...)
	srv := &scriptServer{cases: map[string]*refCase{}, bases: map[string]string{}, seen: map[string][]string{}}
	for i := range all {
		srv.cases[all[i].id] = &all[i]
	}
	for _, role := range []string{"page", "r1", "r2"} {
		ts := httptest.NewServer(srv)
		t.Cleanup(ts.Close)
		base := ts.URL
		if role == "page" {
			// The page is served from localhost: cross-origin to the
			// 127.0.0.1 servers, as in the reference's probe.
			base = strings.Replace(base, "127.0.0.1", "localhost", 1)
		}
		srv.bases[role] = base
	}
	page := origin.MustParse(srv.bases["page"])
	engine := &lint.Engine{
		Rules:     rules.All(),
		Client:    lint.NewClient(lint.ClientOptions{Timeout: 5 * time.Second}),
		Redactor:  lint.NewRedactor(),
		UserAgent: "corslint-test",
	}
	for i := range all {
		c := &all[i]
		t.Run(c.id, func(t *testing.T) {
			req := lint.Request{URL: srv.hopURL(c, 0, ""), Method: c.method, Credentials: c.credentials, Send: true}
			for _, kv := range c.header {
				req.Header = append(req.Header, browser.Field{Name: kv[0], Value: kv[1]})
			}
			setBody(&req, c.body)
			if _, err := lint.Prepare(req); err != nil {
				// A value Go cannot put on the wire: check the preflight
				// decision the browser makes, which is what the case is about.
				var fields []browser.Field
				fields, _ = browser.HeaderList(req.Header)
				d := browser.DecidePreflight(c.method, fields)
				if got := strings.Join(d.UnsafeHeaders, ","); got != c.acrh || d.Needed != (c.preflights > 0) {
					t.Errorf("%s (%s): got preflight %t with %q; want %d preflights with %q", c.id, c.desc, d.Needed, got, c.preflights, c.acrh)
				}
				return
			}
			probeOrigin := page
			if c.sandbox {
				probeOrigin = origin.Opaque()
			}
			res := engine.Trial(context.Background(), lint.Probe{Target: &lint.Target{Request: req}, Origin: probeOrigin, Source: lint.Source{Kind: lint.SourceAllowed}})
			if res.Error != nil {
				t.Fatalf("%s (%s): unreachable: %v", c.id, c.desc, res.Error)
			}
			got := describe(res)
			want := "allowed"
			if c.blocked {
				want = "blocked by " + c.chromium
				if c.param != nil {
					want += fmt.Sprintf(" (%q)", strings.ReplaceAll(*c.param, "{O}", srv.bases["page"]))
				}
			}
			if c.blocked && c.param == nil && res.BlockedBy != nil {
				got = "blocked by " + res.BlockedBy.ChromiumError()
			}
			if got != want {
				t.Errorf("%s (%s): got %s; want %s", c.id, c.desc, got, want)
			}
			srv.mu.Lock()
			seen := srv.seen[c.id]
			srv.mu.Unlock()
			if (len(seen) > 0) != (c.preflights > 0) || (!c.blocked && len(seen) != c.preflights) {
				t.Errorf("%s (%s): got %d preflights; want %d", c.id, c.desc, len(seen), c.preflights)
			}
			if len(seen) > 0 && seen[0] != c.acrh {
				t.Errorf("%s (%s): got Access-Control-Request-Headers %q; want %q", c.id, c.desc, seen[0], c.acrh)
			}
		})
	}
}

// describe renders a result's verdict the way the cases state it.
func describe(res *lint.Result) string {
	switch {
	case res.Verdict == lint.Blocked && res.BlockedBy != nil:
		return fmt.Sprintf("blocked by %s (%q)", res.BlockedBy.ChromiumError(), res.BlockedBy.Param)
	case res.Verdict == lint.Allowed:
		return "allowed"
	}
	return string(res.Verdict) + ": " + res.Unverified
}

// setBody gives the request the body a script would pass to fetch(), with
// the Content-Type fetch() derives from it.
func setBody(req *lint.Request, kind string) {
	contentType := map[string]string{
		"usp":      "application/x-www-form-urlencoded;charset=UTF-8",
		"jsonblob": "application/json",
		"formdata": "multipart/form-data; boundary=----formdata-corslint-1234",
	}[kind]
	if kind == "" {
		return
	}
	req.Body, req.HasBody = []byte("a=1"), true
	if contentType != "" {
		req.Header = append(req.Header, browser.Field{Name: "Content-Type", Value: contentType})
	}
}
