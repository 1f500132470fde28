package lint_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

// locationCases are redirects whose Location Chromium 156 refuses, as the
// conformance suite measured (its case IDs lead each desc).
var locationCases = []struct {
	desc      string
	method    string
	preflight []string // OPTIONS answer's header lines; nil: 404
	status    int
	header    []string // "Name: value" lines of the answer to the request
	want      string   // the deciding Chromium error; "" allowed
	followed  bool     // the redirect target was requested
}{
	{desc: "x77 two different Location lines", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: /next", "Location: /next?other"}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
	{desc: "p12 two different Location lines and no ACAO: the network error comes first", status: 302, header: []string{"Location: /next", "Location: /other"}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
	{desc: "p09 two different Location lines on a 200", status: 200, header: []string{"Access-Control-Allow-Origin: *", "Location: /a", "Location: /b"}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
	{desc: "p21 two different Location lines on a preflight", method: "PUT", preflight: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Methods: PUT", "Location: /a", "Location: /b"}, status: 200, header: []string{"Access-Control-Allow-Origin: *"}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
	{desc: "x76 two identical Location lines are followed", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: /next", "Location: /next"}, followed: true},
	{desc: "h03 a data: URL is an unsafe redirect", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: data:text/plain,hi"}, want: "net::ERR_UNSAFE_REDIRECT"},
	{desc: "x31 an ftp: URL reaches the CORS loader", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: ftp://127.0.0.1/x"}, want: "CorsDisabledScheme"},
	{desc: "p06 an app scheme reaches the CORS loader", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: myapp://callback"}, want: "CorsDisabledScheme"},
	{desc: "p19 isolated-app: has no loader", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: isolated-app://x/"}, want: "net::ERR_UNKNOWN_URL_SCHEME"},
	{desc: "p20 view-source: is a blocked local resource", status: 302, header: []string{"Access-Control-Allow-Origin: *", "Location: view-source:http://127.0.0.1/"}, want: "blocked:other"},
	{desc: "p10 an ftp: redirect without ACAO fails the CORS check first", status: 302, header: []string{"Location: ftp://127.0.0.1/x"}, want: "MissingAllowOriginHeader"},
}

func TestLocation(t *testing.T) {
	engine := &lint.Engine{
		Rules:     rules.All(),
		Client:    lint.NewClient(lint.ClientOptions{Timeout: 5 * time.Second}),
		Redactor:  lint.NewRedactor(),
		UserAgent: "corslint-test",
	}
	page := origin.MustParse("http://localhost:3000")
	for _, tc := range locationCases {
		t.Run(tc.desc, func(t *testing.T) {
			var followed atomic.Bool
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/" {
					followed.Store(true)
					w.Header().Set("Access-Control-Allow-Origin", "*")
					return
				}
				lines, status := tc.header, tc.status
				if r.Method == http.MethodOptions {
					if tc.preflight == nil {
						w.WriteHeader(http.StatusNotFound)
						return
					}
					lines, status = tc.preflight, http.StatusNoContent
				}
				for _, line := range lines {
					name, value, _ := strings.Cut(line, ": ")
					w.Header()[name] = append(w.Header()[name], value)
				}
				w.WriteHeader(status)
			}))
			defer srv.Close()
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			req := lint.Request{URL: srv.URL + "/", Method: method, Send: true}
			res := engine.Trial(context.Background(), lint.Probe{Target: &lint.Target{Request: req}, Origin: page, Source: lint.Source{Kind: lint.SourceAllowed}})
			got := ""
			if res.BlockedBy != nil {
				got = res.BlockedBy.ChromiumError()
			}
			if res.Verdict == lint.Unverified || got != tc.want {
				t.Errorf("verdict %s, blocked by %q; want %q", res.Verdict, got, tc.want)
			}
			if followed.Load() != tc.followed {
				t.Errorf("redirect followed: got %t; want %t", followed.Load(), tc.followed)
			}
		})
	}
}
