package report_test

import (
	"errors"
	"net/http"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
)

// The fixture is a hand-built report, so the golden files test rendering
// only: they do not change when the engine or the rule catalogue does.
// Its rules mimic real ones; its text holds characters each format must
// escape (<, &, %, |, `, newlines).
var (
	ruleACAOMissing = &lint.Rule{
		ID: "acao-missing", Title: "response without Access-Control-Allow-Origin",
		Severity: lint.Error, Blocks: true, Phase: lint.Actual, Family: "cors-check",
		Spec: "https://fetch.spec.whatwg.org/#cors-check", Chromium: "MissingAllowOriginHeader", Firefox: "CORSMissingAllowOrigin",
		Doc: "Without Access-Control-Allow-Origin the browser hides the response from the script.",
		Fix: "Send Access-Control-Allow-Origin with the request's origin on every response, errors included.",
	}
	ruleHeaderNotAllowed = &lint.Rule{
		ID: "header-not-allowed", Title: "preflight does not allow a request header",
		Severity: lint.Error, Blocks: true, Phase: lint.Preflight, Family: "preflight",
		Spec: "https://fetch.spec.whatwg.org/#cors-preflight-fetch-0", Chromium: "HeaderDisallowedByPreflightResponse",
		Doc: "Every non-safelisted header the script sets must be listed in Access-Control-Allow-Headers.",
		Fix: "List the header in Access-Control-Allow-Headers (Authorization is never covered by `*`).",
	}
	ruleVary = &lint.Rule{
		ID: "vary-origin-missing", Title: "origin-dependent response without Vary: Origin",
		Severity: lint.Warning, Phase: lint.Actual, Family: "cache",
		Spec: "https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches",
		Doc:  "A shared cache may serve one origin's answer to another.",
		Fix:  "Add Vary: Origin to responses whose CORS headers depend on Origin.",
	}
	ruleMaxAge = &lint.Rule{
		ID: "max-age-over-cap", Title: "Access-Control-Max-Age above Chromium's cap",
		Severity: lint.Info, Phase: lint.Preflight, Family: "advisory",
		Spec: "https://fetch.spec.whatwg.org/#http-access-control-max-age",
		Doc:  "Chromium caches preflights for at most 7200 seconds.",
		Fix:  "Use Access-Control-Max-Age: 7200 or less.",
	}
	ruleReflects = &lint.Rule{
		ID: "reflects-any-origin", Title: "credentialed access granted to an origin that must be denied",
		Severity: lint.Error, Phase: lint.Actual, Family: "security", Scope: lint.ScopeAttack,
		Spec: "https://fetch.spec.whatwg.org/#cors-protocol-and-credentials",
		Doc:  "Any site can read the response with the user's cookies.",
		Fix:  "Compare Origin with an allowlist & reflect it only on a match.",
	}
	fixtureRules = []*lint.Rule{ruleHeaderNotAllowed, ruleACAOMissing, ruleVary, ruleMaxAge, ruleReflects}
)

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func fields(kv ...string) []browser.Field {
	var out []browser.Field
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, browser.Field{Name: kv[i], Value: kv[i+1]})
	}
	return out
}

func fixture() *lint.Report {
	const (
		app    = "https://app.example.com"
		admin  = "https://admin.example.com"
		evil   = "https://evil.example"
		orders = "https://api.example.com/v1/orders"
	)
	getOrders := &lint.Target{Name: "orders API", Request: lint.Request{URL: orders, Method: "GET", Credentials: true}}
	postOrders := &lint.Target{Name: "orders API / create", Request: lint.Request{URL: orders, Method: "POST", Credentials: true}}
	status := &lint.Target{Request: lint.Request{URL: "https://api.example.com/v1/status?fields=a|b", Method: "GET"}}
	legacy := &lint.Target{Name: "legacy", Request: lint.Request{URL: "https://api.example.com/v1/legacy", Method: "GET"}}
	down := &lint.Target{Request: lint.Request{URL: "https://down.example.com/health", Method: "GET"}}

	actual := func(url, origin string, resp http.Header) *lint.Exchange {
		return &lint.Exchange{
			Method: "GET", URL: url,
			Header:   fields("Accept", "*/*", "Origin", origin, "Sec-Fetch-Mode", "cors"),
			Response: &lint.Response{Status: 200, Proto: "HTTP/1.1", Header: resp},
		}
	}

	// 1. Allowed, clean.
	clean := &lint.Result{
		Name: getOrders.Name, URL: orders, Origin: app, Source: lint.Source{Kind: lint.SourceAllowed},
		Method: "GET", Header: fields("Accept", "*/*"), Credentials: true, Target: getOrders,
		Hops: []*lint.Hop{{URL: orders, Origin: app, CORS: true, Method: "GET",
			Actual: actual(orders, app, header("Access-Control-Allow-Origin", app, "Access-Control-Allow-Credentials", "true", "Vary", "Origin"))}},
		Findings: []lint.Finding{}, Verdict: lint.Allowed,
	}

	// 2. A must-deny origin that gets in.
	reflected := &lint.Result{
		Name: getOrders.Name, URL: orders, Origin: evil, Source: lint.Source{Kind: lint.SourceDenied},
		Method: "GET", Header: fields("Accept", "*/*"), Credentials: true, Target: getOrders,
		Hops: []*lint.Hop{{URL: orders, Origin: evil, CORS: true, Method: "GET",
			Actual: actual(orders, evil, header("Access-Control-Allow-Origin", evil, "Access-Control-Allow-Credentials", "true"))}},
		Findings: []lint.Finding{{
			Rule: ruleReflects, RuleID: ruleReflects.ID, Severity: lint.Error, Phase: lint.Actual, URL: orders,
			Diagnostic: lint.Diagnostic{
				Message:  "https://evil.example, which must be denied, can read the response with credentials",
				Evidence: []string{"Access-Control-Allow-Origin: https://evil.example", "Access-Control-Allow-Credentials: true"},
			},
		}},
		Verdict: lint.Allowed,
	}

	// 3. Blocked at the preflight; the POST is not sent.
	preflight := &lint.Exchange{
		Method: "OPTIONS", URL: orders,
		Header: fields("Accept", "*/*", "Origin", app, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"),
		Response: &lint.Response{Status: 204, Proto: "HTTP/1.1", Header: header(
			"Access-Control-Allow-Origin", app, "Access-Control-Allow-Credentials", "true",
			"Access-Control-Allow-Methods", "GET, POST", "Access-Control-Allow-Headers", "content-type", "Access-Control-Max-Age", "86400")},
	}
	blocked := &lint.Result{
		Name: postOrders.Name, URL: orders, Origin: app, Source: lint.Source{Kind: lint.SourceAllowed},
		Method: "POST", Header: fields("Accept", "*/*", "Authorization", "Bearer "+lint.Redacted, "Content-Type", "application/json"),
		Credentials: true, Target: postOrders,
		Notes: []string{"Content-Type: application/json makes the request non-simple"},
		Hops: []*lint.Hop{{URL: orders, Origin: app, CORS: true, Method: "POST",
			Decision:  browser.PreflightDecision{Needed: true, Why: "method POST with header authorization, content-type", UnsafeHeaders: []string{"authorization", "content-type"}},
			Preflight: preflight,
			NotSent:   "the browser stops at the failed preflight, and POST may change data: not sent without --send"}},
		Findings: []lint.Finding{
			{
				Rule: ruleHeaderNotAllowed, RuleID: ruleHeaderNotAllowed.ID, Severity: lint.Error, Blocks: true, Phase: lint.Preflight, URL: orders,
				Diagnostic: lint.Diagnostic{
					Message:  "Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.",
					Param:    "authorization",
					Evidence: []string{"HTTP 204 No Content", "Access-Control-Allow-Headers: content-type"},
					Note:     "Add \"authorization\" to Access-Control-Allow-Headers: <list> & 100% sure | pipes\nsecond line",
				},
			},
			{
				Rule: ruleMaxAge, RuleID: ruleMaxAge.ID, Severity: lint.Info, Phase: lint.Preflight, URL: orders,
				Diagnostic: lint.Diagnostic{Message: "Access-Control-Max-Age: 86400 is capped at 7200 by Chromium", Evidence: []string{"Access-Control-Max-Age: 86400"}},
			},
		},
		Verdict: lint.Blocked,
	}
	blocked.BlockedBy = &blocked.Findings[0]

	// 4. Allowed with a warning, and a redirect.
	statusURL := status.Request.URL
	redirected := "https://cdn.example.com/v1/status"
	warned := &lint.Result{
		URL: statusURL, Origin: admin, Source: lint.Source{Kind: lint.SourceAllowed},
		Method: "GET", Header: fields("Accept", "*/*"), Target: status,
		Hops: []*lint.Hop{
			{URL: statusURL, Origin: admin, CORS: true, Method: "GET", Actual: &lint.Exchange{
				Method: "GET", URL: statusURL, Header: fields("Accept", "*/*", "Origin", admin),
				Response: &lint.Response{Status: 302, Proto: "HTTP/1.1", Header: header("Location", redirected, "Access-Control-Allow-Origin", "*")},
			}},
			{URL: redirected, Origin: "null", CORS: true, Method: "GET",
				Actual: actual(redirected, "null", header("Access-Control-Allow-Origin", "*"))},
		},
		Findings: []lint.Finding{{
			Rule: ruleVary, RuleID: ruleVary.ID, Severity: lint.Warning, Phase: lint.Actual, Hop: 1, URL: redirected,
			Diagnostic: lint.Diagnostic{Message: "Access-Control-Allow-Origin depends on Origin but Vary does not list it", Evidence: []string{"(no Vary header)"}},
		}},
		Verdict: lint.Allowed,
	}

	// 5. Blocked, but the deciding finding is suppressed (a baseline or an
	// `off` override), so the verdict was recomputed.
	suppressed := &lint.Result{
		Name: legacy.Name, URL: legacy.Request.URL, Origin: app, Source: lint.Source{Kind: lint.SourceAllowed},
		Method: "GET", Header: fields("Accept", "*/*"), Target: legacy,
		Hops: []*lint.Hop{{URL: legacy.Request.URL, Origin: app, CORS: true, Method: "GET",
			Actual: actual(legacy.Request.URL, app, header("Content-Type", "text/html"))}},
		Findings: []lint.Finding{{
			Rule: ruleACAOMissing, RuleID: ruleACAOMissing.ID, Severity: lint.Error, Blocks: true, Phase: lint.Actual, URL: legacy.Request.URL,
			Diagnostic: lint.Diagnostic{Message: "No 'Access-Control-Allow-Origin' header is present on the requested resource.", Evidence: []string{"HTTP 200 OK", "(no Access-Control-Allow-Origin header)"}},
			Suppressed: true, SuppressedBy: "baseline corslint-baseline.json",
		}},
		Verdict: lint.Allowed,
	}

	// 6. Unreachable.
	unreachable := &lint.Result{
		URL: down.Request.URL, Origin: app, Source: lint.Source{Kind: lint.SourceAllowed},
		Method: "GET", Header: fields("Accept", "*/*"), Target: down,
		Hops: []*lint.Hop{{URL: down.Request.URL, Origin: app, CORS: true, Method: "GET", Actual: &lint.Exchange{
			Method: "GET", URL: down.Request.URL, Header: fields("Accept", "*/*", "Origin", app), Error: "connection refused",
		}}},
		Findings:   []lint.Finding{},
		Verdict:    lint.Unverified,
		Unverified: "no response: " + down.Request.URL + ": connection refused",
		Error:      &lint.NetError{Kind: "refused", URL: down.Request.URL, Err: errors.New("connection refused")},
	}

	return &lint.Report{
		Version: "v1.2.3",
		Rules:   fixtureRules,
		Results: []*lint.Result{clean, reflected, blocked, warned, suppressed, unreachable},
	}
}
