package securitytest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	chicors "github.com/go-chi/cors"
	rscors "github.com/rs/cors"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/lint/report"
	"github.com/corslint/corslint/rules"
)

const (
	app   = "https://app.example.com"
	phone = "https://m.example.com"
)

// api is the endpoint behind every middleware: the user's data.
var api = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"user":"alice","email":"alice@example.com"}`)
})

// request shapes the page uses.
type request struct {
	method string
	header []browser.Field
}

var (
	// bearerGET is preflighted: Authorization is not safelisted.
	bearerGET = request{method: "GET", header: []browser.Field{{Name: "Authorization", Value: "Bearer t0k3n"}}}
	// jsonPUT is preflighted for its method and two headers.
	jsonPUT = request{method: "PUT", header: []browser.Field{
		{Name: "Authorization", Value: "Bearer t0k3n"}, {Name: "Content-Type", Value: "application/json"},
	}}
	// cookieGET is a simple request: no preflight, cookies only.
	cookieGET = request{method: "GET"}
)

func rsCORS(opts rscors.Options) http.Handler { return rscors.New(opts).Handler(api) }

func chiCORS(opts chicors.Options) http.Handler { return chicors.Handler(opts)(api) }

func ginCORS(cfg gincors.Config) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gincors.New(cfg))
	r.Any("/api/me", gin.WrapH(api))
	return r
}

// echo reproduces the nginx snippet found in countless answers:
//
//	add_header Access-Control-Allow-Origin $http_origin;
//	add_header Access-Control-Allow-Credentials true;
//	if ($request_method = OPTIONS) {
//	    add_header Access-Control-Allow-Methods $http_access_control_request_method;
//	    add_header Access-Control-Allow-Headers $http_access_control_request_headers;
//	    return 204;
//	}
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if o := r.Header.Get("Origin"); o != "" {
		h.Set("Access-Control-Allow-Origin", o)
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", r.Header.Get("Access-Control-Request-Method"))
		h.Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))
		w.WriteHeader(http.StatusNoContent)
		return
	}
	api(w, r)
})

// pattern answers origins matching re, the way hand-written CORS code often
// does, with Vary: Origin (the pattern is the mistake, not the caching).
func pattern(re string) http.Handler {
	allowed := regexp.MustCompile(re)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		if o := r.Header.Get("Origin"); allowed.MatchString(o) {
			h.Set("Access-Control-Allow-Origin", o)
			h.Set("Access-Control-Allow-Credentials", "true")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, PUT")
				h.Set("Access-Control-Allow-Headers", "authorization, content-type")
			}
		}
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		api(w, r)
	})
}

// fixedOrigin is a static header for the one front-end, as in
// `add_header Access-Control-Allow-Origin https://app.example.com always;`:
// the same value for every caller, so no Vary is needed.
var fixedOrigin = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", app)
	h.Set("Access-Control-Allow-Credentials", "true")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, PUT")
		h.Set("Access-Control-Allow-Headers", "authorization, content-type")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	api(w, r)
})

// allowListNoVary checks a correct allow-list but forgets Vary.
var allowListNoVary = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o == app || o == phone {
		w.Header().Set("Access-Control-Allow-Origin", o)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
	api(w, r)
})

// authBeforeCORS runs authentication before rs/cors, so its 401 carries no
// CORS headers; the token here has expired.
var authBeforeCORS = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodOptions {
		http.Error(w, `{"error":"token expired"}`, http.StatusUnauthorized)
		return
	}
	rsCORS(rscors.Options{AllowedOrigins: []string{app}, AllowCredentials: true, AllowedHeaders: []string{"Authorization"}}).ServeHTTP(w, r)
})

// appReflectsBehindCORS is rs/cors with an allow-list in front of a handler
// that sets its own CORS headers from the request: the preflight refuses
// attackers, the actual response does not.
var appReflectsBehindCORS = rscors.New(rscors.Options{AllowedOrigins: []string{app}, AllowCredentials: true, AllowedHeaders: []string{"Authorization"}}).
	Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		api(w, r)
	}))

// publicData answers * to everyone, without credentials.
var publicData = rsCORS(rscors.Options{})

type scenario struct {
	desc    string
	handler http.Handler
	req     request
	creds   bool
	origins []string
	denied  []string
	public  bool
	trust   bool
	noSend  bool // do not send actual requests that may change data
	// want lists "rule origin" for every finding, in report order. nil
	// means none: a correct setup must give no finding at all.
	want []string
}

// reflectAll is what a server trusting every origin with credentials earns
// from bearerGET probes derived from https://app.example.com.
var reflectAll = []string{
	"acao-any-origin-trusted https://attacker.test",
	"acao-null-trusted null",
	"acao-prefix-lookalike-trusted https://app.example.com.attacker.test",
	"acao-suffix-lookalike-trusted https://attackerexample.com",
	"acao-unescaped-dot-lookalike-trusted https://appxexample.com",
	"acao-subdomain-trusted https://attacker.example.com",
	"acao-insecure-origin-trusted http://app.example.com",
	"acao-special-char-lookalike-trusted https://app.example.com_.attacker.test",
	"acao-special-char-lookalike-trusted https://app.example.com!.attacker.test",
	"acao-third-party-trusted https://attacker.github.io",
	"acao-third-party-trusted https://attacker.netlify.app",
	"acao-third-party-trusted https://attacker.vercel.app",
	"acao-third-party-trusted https://attacker.pages.dev",
}

var scenarios = []scenario{
	// github.com/rs/cors
	{
		desc:    "rs/cors: exact allow-list with credentials",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{app, phone}, AllowCredentials: true, AllowedHeaders: []string{"Authorization"}}),
		req:     bearerGET, creds: true, origins: []string{app, phone},
	},
	{
		desc: "rs/cors: AllowOriginFunc returning true, with credentials",
		handler: rsCORS(rscors.Options{
			AllowOriginFunc: func(string) bool { return true }, AllowCredentials: true, AllowedHeaders: []string{"Authorization"},
		}),
		req: bearerGET, creds: true, origins: []string{app},
		want: reflectAll,
	},
	{
		desc:    "rs/cors: wildcard subdomain pattern",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"https://*.example.com"}, AllowCredentials: true, AllowedHeaders: []string{"Authorization"}}),
		req:     bearerGET, creds: true, origins: []string{app},
		want: []string{"acao-subdomain-trusted https://attacker.example.com"},
	},
	{
		desc:    "rs/cors: wildcard subdomain pattern, subdomains trusted on purpose",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"https://*.example.com"}, AllowCredentials: true, AllowedHeaders: []string{"Authorization"}}),
		req:     bearerGET, creds: true, origins: []string{app}, trust: true,
	},
	{
		desc:    "rs/cors: null on the allow-list",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{app, "null"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{app},
		want: []string{"acao-null-trusted null"},
	},
	{
		desc:    "rs/cors: preview deployments on a hosting platform",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{app, "https://*.vercel.app"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{app},
		want: []string{"acao-third-party-trusted https://attacker.vercel.app"},
	},
	{
		desc:    "rs/cors: * with AllowCredentials",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{app},
		want: []string{
			"acao-wildcard-with-credentials https://app.example.com",
			"acao-wildcard-credentialed-endpoint https://attacker.test",
		},
	},
	{
		desc:    "rs/cors: must-deny origin still on the allow-list",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{app, "https://old.example.com"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{app}, denied: []string{"https://old.example.com"},
		want: []string{"acao-denied-origin-trusted https://old.example.com"},
	},
	{
		desc:    "rs/cors: public data with *, declared public",
		handler: publicData,
		req:     cookieGET, origins: []string{app}, public: true,
	},
	{
		desc:    "rs/cors: public data with *, not declared public",
		handler: publicData,
		req:     cookieGET, origins: []string{app},
		want: []string{"attacker-readable-without-credentials https://attacker.test"},
	},
	{
		desc:    "rs/cors: multi-label private suffix, exact allow-list",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"https://user.github.io"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{"https://user.github.io"},
	},
	{
		desc:    "rs/cors: multi-label private suffix, *.github.io allowed",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"https://*.github.io"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{"https://user.github.io"},
		want: []string{
			"acao-suffix-lookalike-trusted https://attackeruser.github.io",
			"acao-subdomain-trusted https://attacker.user.github.io",
			"acao-third-party-trusted https://attacker.github.io",
		},
	},
	{
		desc:    "rs/cors: localhost and IP origins with ports, exact allow-list",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"http://localhost:3000", "http://127.0.0.1:8080"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{"http://localhost:3000", "http://127.0.0.1:8080"},
	},
	{
		desc:    "rs/cors: localhost and IP origins, host-prefix pattern",
		handler: rsCORS(rscors.Options{AllowedOrigins: []string{"http://localhost*", "http://127.0.0.1*"}, AllowCredentials: true}),
		req:     cookieGET, creds: true, origins: []string{"http://localhost:3000", "http://127.0.0.1:8080"},
		want: []string{
			"acao-prefix-lookalike-trusted http://localhost.attacker.test:3000",
			"acao-prefix-lookalike-trusted http://127.0.0.1.attacker.test:8080",
			"acao-special-char-lookalike-trusted http://localhost_.attacker.test:3000",
			"acao-special-char-lookalike-trusted http://localhost!.attacker.test:3000",
			"acao-special-char-lookalike-trusted http://127.0.0.1_.attacker.test:8080",
			"acao-special-char-lookalike-trusted http://127.0.0.1!.attacker.test:8080",
		},
	},
	{
		desc:    "rs/cors behind an authenticator that answers 401 first",
		handler: authBeforeCORS,
		req:     bearerGET, creds: true, origins: []string{app},
		want: []string{"acao-missing https://app.example.com", "error-status-without-cors https://app.example.com"},
	},
	{
		desc:    "rs/cors allow-list in front of an app that reflects Origin itself",
		handler: appReflectsBehindCORS,
		req:     bearerGET, creds: true, origins: []string{app},
		want: func() []string {
			var out []string
			for _, w := range reflectAll {
				_, o, _ := strings.Cut(w, " ")
				out = append(out, "attacker-blocked-only-by-preflight "+o)
			}
			return out
		}(),
	},

	// github.com/go-chi/cors
	{
		desc:    "go-chi/cors: exact allow-list with credentials",
		handler: chiCORS(chicors.Options{AllowedOrigins: []string{app, phone}, AllowCredentials: true, AllowedMethods: []string{"GET", "PUT"}, AllowedHeaders: []string{"Authorization", "Content-Type"}}),
		req:     jsonPUT, creds: true, origins: []string{app, phone},
	},
	{
		desc: "go-chi/cors: AllowOriginFunc with an unanchored pattern",
		handler: chiCORS(chicors.Options{
			AllowOriginFunc:  func(_ *http.Request, o string) bool { return regexp.MustCompile(`app\.example\.com`).MatchString(o) },
			AllowCredentials: true, AllowedMethods: []string{"GET", "PUT"}, AllowedHeaders: []string{"Authorization", "Content-Type"},
		}),
		req: jsonPUT, creds: true, origins: []string{app},
		want: []string{
			"acao-prefix-lookalike-trusted https://app.example.com.attacker.test",
			"acao-insecure-origin-trusted http://app.example.com",
			"acao-special-char-lookalike-trusted https://app.example.com_.attacker.test",
			"acao-special-char-lookalike-trusted https://app.example.com!.attacker.test",
		},
	},

	// github.com/gin-contrib/cors
	{
		desc: "gin-contrib/cors: exact allow-list with credentials",
		handler: ginCORS(gincors.Config{
			AllowOrigins: []string{app, phone}, AllowCredentials: true,
			AllowMethods: []string{"GET", "PUT"}, AllowHeaders: []string{"Authorization", "Content-Type"},
		}),
		req: jsonPUT, creds: true, origins: []string{app, phone},
	},
	{
		desc: "gin-contrib/cors: wildcard without the dot",
		handler: ginCORS(gincors.Config{
			AllowOrigins: []string{"*example.com"}, AllowWildcard: true, AllowCredentials: true,
			AllowMethods: []string{"GET"}, AllowHeaders: []string{"Authorization"},
		}),
		req: bearerGET, creds: true, origins: []string{app},
		want: []string{
			"acao-suffix-lookalike-trusted https://attackerexample.com",
			"acao-unescaped-dot-lookalike-trusted https://appxexample.com",
			"acao-subdomain-trusted https://attacker.example.com",
			"acao-insecure-origin-trusted http://app.example.com",
		},
	},
	{
		desc: "gin-contrib/cors: regular expression with unescaped dots",
		handler: ginCORS(gincors.Config{
			AllowOrigins: []string{"/^https://app.example.com$/"}, AllowCredentials: true,
			AllowMethods: []string{"GET"}, AllowHeaders: []string{"Authorization"},
		}),
		req: bearerGET, creds: true, origins: []string{app},
		want: []string{"acao-unescaped-dot-lookalike-trusted https://appxexample.com"},
	},

	// Hand-written handlers.
	{
		desc:    "nginx-style $http_origin echo",
		handler: echo,
		req:     jsonPUT, creds: true, origins: []string{app},
		want: append([]string{
			"preflight-vary-origin-missing https://app.example.com",
			"vary-request-headers-missing https://app.example.com",
			"vary-origin-missing https://app.example.com",
		}, reflectAll...),
	},
	{
		desc:    "nginx-style $http_origin echo, PUT not sent (send: false): the preflight decides",
		handler: echo,
		req:     jsonPUT, creds: true, origins: []string{app}, noSend: true,
		want: append([]string{
			"preflight-vary-origin-missing https://app.example.com",
			"vary-request-headers-missing https://app.example.com",
		}, reflectAll...),
	},
	{
		desc:    "unanchored pattern with escaped dots",
		handler: pattern(`https://app\.example\.com`),
		req:     bearerGET, creds: true, origins: []string{app},
		want: []string{
			"acao-prefix-lookalike-trusted https://app.example.com.attacker.test",
			"acao-special-char-lookalike-trusted https://app.example.com_.attacker.test",
			"acao-special-char-lookalike-trusted https://app.example.com!.attacker.test",
		},
	},
	{
		desc:    "anchored pattern accepting http and https",
		handler: pattern(`^https?://app\.example\.com$`),
		req:     bearerGET, creds: true, origins: []string{app},
		want: []string{"acao-insecure-origin-trusted http://app.example.com"},
	},
	{
		desc:    "anchored pattern, correct",
		handler: pattern(`^https://(app|m)\.example\.com$`),
		req:     bearerGET, creds: true, origins: []string{app, phone},
	},
	{
		desc:    "a fixed Access-Control-Allow-Origin for the one front-end needs no Vary",
		handler: fixedOrigin,
		req:     jsonPUT, creds: true, origins: []string{app},
	},
	{
		desc:    "a correct allow-list that forgets Vary",
		handler: allowListNoVary,
		req:     cookieGET, creds: true, origins: []string{app, phone},
		want: []string{
			"vary-origin-missing https://app.example.com",
			"vary-origin-missing https://m.example.com",
		},
	},
}

// scan runs corslint's plan (allowed, must-deny and attacker probes) for
// one scenario against its server, the way `corslint run` does.
func scan(t *testing.T, sc scenario, url string) *lint.Report {
	t.Helper()
	target := &lint.Target{
		Request: lint.Request{URL: url + "/api/me", Method: sc.req.method, Header: sc.req.header, Credentials: sc.creds, Send: !sc.noSend},
		Public:  sc.public, TrustSubdomains: sc.trust,
	}
	for _, o := range sc.origins {
		target.Origins = append(target.Origins, origin.MustParse(o))
	}
	for _, o := range sc.denied {
		target.Denied = append(target.Denied, origin.MustParse(o))
	}
	engine := &lint.Engine{
		Rules:       rules.All(),
		Client:      lint.NewClient(lint.ClientOptions{Timeout: 5 * time.Second}),
		Redactor:    lint.NewRedactor(),
		UserAgent:   "corslint-test",
		Concurrency: 8, // finishing out of order must not change the report
	}
	probes := lint.Plan([]*lint.Target{target}, lint.PlanOptions{Attackers: attack.Planner(nil)})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	results := engine.Run(ctx, probes)
	rules.Correlate(results)
	for _, res := range results {
		if res.Error != nil {
			t.Fatalf("%s from %s: unreachable: %v", res.URL, res.Origin, res.Error)
		}
	}
	return &lint.Report{Version: "test", Rules: engine.Rules, Results: results}
}

func findings(r *lint.Report) []string {
	var got []string
	for _, res := range r.Results {
		for _, f := range res.Findings {
			got = append(got, f.RuleID+" "+res.Origin)
		}
	}
	return got
}

func TestMiddleware(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.desc, func(t *testing.T) {
			ts := httptest.NewServer(sc.handler)
			defer ts.Close()
			got := findings(scan(t, sc, ts.URL))
			if !slices.Equal(got, sc.want) {
				t.Errorf("findings:\ngot  %q\nwant %q", got, sc.want)
			}
		})
	}
}

// TestDeterministic runs probes twice against servers that fire many
// rules, in parallel, and wants the same report byte for byte.
func TestDeterministic(t *testing.T) {
	for _, desc := range []string{"rs/cors: AllowOriginFunc returning true, with credentials", "nginx-style $http_origin echo"} {
		i := slices.IndexFunc(scenarios, func(sc scenario) bool { return sc.desc == desc })
		if i < 0 {
			t.Fatalf("no scenario %q", desc)
		}
		sc := scenarios[i]
		t.Run(sc.desc, func(t *testing.T) {
			ts := httptest.NewServer(sc.handler)
			defer ts.Close()
			var outputs [2]bytes.Buffer
			for run := range outputs {
				if err := report.Write(&outputs[run], "text", scan(t, sc, ts.URL), report.Options{}); err != nil {
					t.Fatalf("report.Write: %v", err)
				}
			}
			if a, b := outputs[0].String(), outputs[1].String(); a != b || !strings.Contains(a, "acao-any-origin-trusted") {
				t.Errorf("two runs differ, or found nothing:\n%s\n----\n%s", a, b)
			}
		})
	}
}
