package lint_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
)

// recorder is a test server that logs what each request carried.
type recorder struct {
	mu   sync.Mutex
	seen []http.Header
	srv  *httptest.Server
}

func newRecorder(t *testing.T, h func(w http.ResponseWriter, r *http.Request)) *recorder {
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		hdr := r.Header.Clone()
		hdr.Set("X-Method", r.Method)
		rec.seen = append(rec.seen, hdr)
		rec.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func allowAll(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Methods", "*")
	w.Header().Set("Access-Control-Allow-Headers", "*")
}

// TestRedirectDropsCredentials: a cross-origin redirect removes
// Authorization (https://fetch.spec.whatwg.org/#http-redirect-fetch, step
// 14), cookies stay with the host they belong to, and the new hop's
// preflight no longer lists authorization.
func TestRedirectDropsCredentials(t *testing.T) {
	other := newRecorder(t, allowAll)
	first := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		allowAll(w, r)
		if r.Method != http.MethodOptions {
			w.Header().Set("Location", other.srv.URL+"/next")
			w.WriteHeader(http.StatusTemporaryRedirect)
		}
	})
	e := &lint.Engine{Rules: nil, Client: lint.NewClient(lint.ClientOptions{}), Redactor: lint.NewRedactor(), UserAgent: "t"}
	res := e.Trial(context.Background(), lint.Probe{
		Target: &lint.Target{Request: lint.Request{
			URL: first.srv.URL + "/start", Method: "GET", Cookie: "sid=1",
			Header: []browser.Field{{Name: "Authorization", Value: "Bearer t0ken"}, {Name: "X-Trace", Value: "1"}},
		}},
		Origin: origin.MustParse("http://app.example.test"),
		Source: lint.Source{Kind: lint.SourceAllowed},
	})
	if res.Error != nil || len(res.Hops) != 2 {
		t.Fatalf("error %v, %d hops; want 2 hops", res.Error, len(res.Hops))
	}
	if len(first.seen) != 2 || first.seen[1].Get("Authorization") == "" {
		t.Fatalf("first server saw %d requests, Authorization %q; want a preflight and the GET with Authorization", len(first.seen), first.seen[1].Get("Authorization"))
	}
	for _, h := range other.seen {
		if h.Get("Authorization") != "" || h.Get("Cookie") != "" {
			t.Errorf("%s to the other origin carried Authorization %q, Cookie %q", h.Get("X-Method"), h.Get("Authorization"), h.Get("Cookie"))
		}
		if h.Get("X-Method") == http.MethodOptions && h.Get("Access-Control-Request-Headers") != "x-trace" {
			t.Errorf("preflight after the redirect listed %q; want x-trace", h.Get("Access-Control-Request-Headers"))
		}
		if h.Get("Origin") != "null" {
			t.Errorf("Origin after a cross-origin redirect: %q; want null", h.Get("Origin"))
		}
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "Authorization removed") {
		t.Errorf("notes %q; want one about Authorization", res.Notes)
	}
}

// TestCredentialsOnlyOnTheActualRequest: cookies go with a credentialed
// actual request, never with a preflight, and not at all without
// credentials mode "include".
func TestCredentialsOnlyOnTheActualRequest(t *testing.T) {
	for _, credentialed := range []bool{true, false} {
		rec := newRecorder(t, allowAll)
		e := &lint.Engine{Client: lint.NewClient(lint.ClientOptions{}), Redactor: lint.NewRedactor(), UserAgent: "t"}
		e.Trial(context.Background(), lint.Probe{
			Target: &lint.Target{Request: lint.Request{
				URL: rec.srv.URL, Method: "GET", Cookie: "sid=1", Credentials: credentialed,
				Header: []browser.Field{{Name: "X-Foo", Value: "1"}},
			}},
			Origin: origin.MustParse("http://app.example.test"),
			Source: lint.Source{Kind: lint.SourceAllowed},
		})
		if len(rec.seen) != 2 {
			t.Fatalf("credentialed=%t: %d requests; want preflight and GET", credentialed, len(rec.seen))
		}
		if rec.seen[0].Get("Cookie") != "" {
			t.Errorf("credentialed=%t: preflight carried a cookie", credentialed)
		}
		if got := rec.seen[1].Get("Cookie") != ""; got != credentialed {
			t.Errorf("credentialed=%t: GET carried a cookie: %t", credentialed, got)
		}
	}
}

// TestProxy: requests go through the configured proxy (HTTP(S)_PROXY by
// default), which sees the target's absolute URL.
func TestProxy(t *testing.T) {
	var target string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target = r.URL.String()
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}))
	defer proxy.Close()
	proxyURL, _ := url.Parse(proxy.URL)
	e := &lint.Engine{Client: lint.NewClient(lint.ClientOptions{Proxy: http.ProxyURL(proxyURL)}), Redactor: lint.NewRedactor(), UserAgent: "t"}
	res := e.Trial(context.Background(), lint.Probe{
		Target: &lint.Target{Request: lint.Request{URL: "http://api.example.test/orders", Method: "GET"}},
		Origin: origin.MustParse("http://app.example.test"),
		Source: lint.Source{Kind: lint.SourceAllowed},
	})
	if res.Error != nil || res.Verdict != lint.Allowed || target != "http://api.example.test/orders" {
		t.Errorf("error %v, verdict %s, proxy saw %q; want allowed through the proxy", res.Error, res.Verdict, target)
	}
}
