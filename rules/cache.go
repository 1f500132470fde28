package rules

import (
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

// The cache rules judge whether an HTTP cache (a CDN, a proxy, the browser's
// own) can serve the CORS answer meant for one request to another. A
// response whose CORS headers depend on a request header must say so in
// Vary, or the cache replays it: the page of another origin gets the first
// origin's Access-Control-Allow-Origin and fails, intermittently, depending
// on who filled the cache (https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches).

var varyOriginMissing = &lint.Rule{
	ID:       "vary-origin-missing",
	Title:    "Access-Control-Allow-Origin depends on the request's Origin, but Vary does not list Origin",
	Severity: lint.Warning,
	Phase:    lint.Actual,
	Family:   FamilyCache,
	Spec:     specHTTPCaches,
	SpecStep: "CORS protocol and HTTP caches (a response whose Access-Control-Allow-Origin varies with Origin must carry Vary: Origin)",
	Doc: "The response names the request's origin in Access-Control-Allow-Origin, and other origins get " +
		"another value (or none), but Vary does not list Origin. A shared cache keys the response by URL " +
		"only and replays it to every caller: after https://a.example fills the cache, the page on " +
		"https://b.example receives \"Access-Control-Allow-Origin: https://a.example\" and fails, until the " +
		"entry expires. The failures come and go with the cache, which makes them hard to reproduce. " +
		"A fixed value sent to every caller, or *, needs no Vary.",
	Fix: "Send Vary: Origin on every response of the endpoint whose Access-Control-Allow-Origin is chosen " +
		"from the request (add it to an existing Vary rather than replacing it), including responses to " +
		"origins that get no Access-Control-Allow-Origin. On a CDN, put Origin in the cache key.",
	Failing: "Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com\n(no Vary)",
	Passing: "Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com\n-> Vary: Origin",
}

var preflightVaryOriginMissing = &lint.Rule{
	ID:       "preflight-vary-origin-missing",
	Title:    "preflight: Access-Control-Allow-Origin depends on the request's Origin, but Vary does not list Origin",
	Severity: lint.Info,
	Phase:    lint.Preflight,
	Family:   FamilyCache,
	Spec:     specHTTPCaches,
	SpecStep: "CORS protocol and HTTP caches",
	Doc: "The preflight response names the request's origin without Vary: Origin. HTTP caches do not store " +
		"OPTIONS responses by default (RFC 9110, section 9.3.7), so this only matters where a CDN is set " +
		"up to cache them (CloudFront's cached methods GET, HEAD, OPTIONS, for example): then one origin's " +
		"preflight answer is replayed to the others, whose requests fail.",
	Fix: "Send Vary: Origin on preflight responses too, and where a CDN caches OPTIONS, put Origin, " +
		"Access-Control-Request-Method and Access-Control-Request-Headers in its cache key.",
	Failing: "OPTIONS, Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com\n(no Vary)",
	Passing: "OPTIONS, Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com\n-> Vary: Origin",
}

var varyPreflightEcho = &lint.Rule{
	ID:       "vary-request-headers-missing",
	Title:    "the preflight echoes the requested headers or method without Vary",
	Severity: lint.Info,
	Phase:    lint.Preflight,
	Family:   FamilyCache,
	Spec:     specHTTPCaches,
	SpecStep: "CORS protocol and HTTP caches (a response that depends on a request header must list it in Vary)",
	Doc: "Access-Control-Allow-Headers repeats Access-Control-Request-Headers (and Access-Control-Allow-Methods " +
		"repeats Access-Control-Request-Method) word for word, so the answer depends on the request, but Vary " +
		"does not list those request headers. Where a cache stores preflight responses, a request asking for " +
		"other headers gets this answer and fails. corslint reports an echo only when it is unambiguous: " +
		"two or more header names, exactly as the browser sent them.",
	Fix: "Add Vary: Access-Control-Request-Headers (and Access-Control-Request-Method when the methods are " +
		"echoed) to preflight responses, or answer with a fixed list.",
	Failing: "Access-Control-Request-Headers: authorization,content-type\n-> Access-Control-Allow-Headers: authorization,content-type\n-> Vary: Origin",
	Passing: "Access-Control-Request-Headers: authorization,content-type\n-> Access-Control-Allow-Headers: authorization,content-type\n-> Vary: Origin, Access-Control-Request-Headers",
}

var cacheRules = []*lint.Rule{varyOriginMissing, preflightVaryOriginMissing, varyPreflightEcho}

// varies reports whether the response's Vary lists name, or is "*".
func varies(s *lint.Step, name string) bool {
	for _, v := range s.Header(header.Vary) {
		for _, item := range strings.Split(v, ",") {
			item = header.TrimOWS(item)
			if item == "*" || strings.EqualFold(item, name) {
				return true
			}
		}
	}
	return false
}

// uncacheable reports whether Cache-Control forbids storing the response at
// all, which makes Vary moot.
func uncacheable(s *lint.Step) bool {
	for _, v := range s.Header("Cache-Control") {
		for _, d := range strings.Split(v, ",") {
			name, _, _ := strings.Cut(header.TrimOWS(d), "=")
			if strings.EqualFold(name, "no-store") {
				return true
			}
		}
	}
	return false
}

// reflectsWithoutVary reports whether a response names the request's
// origin in Access-Control-Allow-Origin without Vary: Origin. "*" and null
// are the same for every caller that can use them, and need no Vary.
func reflectsWithoutVary(s *lint.Step) bool {
	if !s.CORS || s.Status() == 0 || uncacheable(s) || varies(s, "Origin") {
		return false
	}
	value, ok := header.Join(s.Header(header.AllowOrigin))
	return ok && value == s.Origin && value != "*" && value != "null"
}

func varyOriginCheck(s *lint.Step) []lint.Diagnostic {
	if !reflectsWithoutVary(s) {
		return nil
	}
	return one(lint.Diagnostic{
		Message: "Access-Control-Allow-Origin names the request's origin " + s.Origin + ", and Vary does not list " +
			"Origin: a cache can replay this response to another origin's page, which then fails.",
		Evidence: append([]string{"Origin: " + s.Origin}, s.Lines(header.AllowOrigin, header.Vary)...),
	})
}

func init() {
	varyOriginMissing.Check = varyOriginCheck
	preflightVaryOriginMissing.Check = varyOriginCheck
	varyPreflightEcho.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || s.Status() == 0 || uncacheable(s) || len(s.Decision.UnsafeHeaders) < 2 {
			return nil
		}
		requested := strings.Join(s.Decision.UnsafeHeaders, ",")
		allowed, _ := header.Join(s.Header(header.AllowHeaders))
		if allowed != requested {
			return nil
		}
		var missing []string
		if !varies(s, header.RequestHeaders) {
			missing = append(missing, header.RequestHeaders)
		}
		methods, _ := header.Join(s.Header(header.AllowMethods))
		if methods == s.Method && !varies(s, header.RequestMethod) {
			missing = append(missing, header.RequestMethod)
		}
		if len(missing) == 0 {
			return nil
		}
		evidence := []string{header.RequestMethod + ": " + s.Method, header.RequestHeaders + ": " + requested}
		return one(lint.Diagnostic{
			Message: "The preflight response repeats what the request asked for, but Vary does not list " +
				strings.Join(missing, " or ") + ": a cache can replay it to a request asking for something else.",
			Evidence: append(evidence, s.Lines(header.AllowMethods, header.AllowHeaders, header.Vary)...),
		})
	}
}

// Correlate refines, once a run's results are in, the findings that one
// response cannot settle alone. A response naming the request's origin
// without Vary: Origin is only a cache hazard if the value depends on the
// origin; a server that sends one fixed origin to every caller needs no
// Vary. So for each vary-origin-missing finding, Correlate looks at the
// responses other origins got from the same URL in the same run: if one got
// a different Access-Control-Allow-Origin (or none), the finding stands and
// quotes it; if all got the same value, the value is fixed and the finding
// is dropped; if no other origin was probed, the finding stands with a note.
// Call it on Engine.Run's results, before reporting; it is deterministic and
// reads only recorded exchanges.
func Correlate(results []*lint.Result) {
	type key struct {
		target *lint.Target
		url    string
		phase  lint.Phase
	}
	type seen struct {
		origin string
		value  string
		ok     bool
	}
	exchange := func(h *lint.Hop, phase lint.Phase) *lint.Exchange {
		if phase == lint.Preflight {
			return h.Preflight
		}
		return h.Actual
	}
	observed := map[key][]seen{}
	for _, res := range results {
		for _, h := range res.Hops {
			for _, phase := range []lint.Phase{lint.Preflight, lint.Actual} {
				if ex := exchange(h, phase); ex != nil && ex.Response != nil {
					value, ok := header.Join(ex.Response.Header.Values(header.AllowOrigin))
					k := key{res.Target, h.URL, phase}
					observed[k] = append(observed[k], seen{origin: h.Origin, value: value, ok: ok})
				}
			}
		}
	}
	for _, res := range results {
		var kept []lint.Finding
		changed := false
		for _, f := range res.Findings {
			if (f.RuleID != varyOriginMissing.ID && f.RuleID != preflightVaryOriginMissing.ID) || f.Hop >= len(res.Hops) {
				kept = append(kept, f)
				continue
			}
			h := res.Hops[f.Hop]
			ex := exchange(h, f.Phase)
			if ex == nil || ex.Response == nil {
				kept = append(kept, f)
				continue
			}
			value, _ := header.Join(ex.Response.Header.Values(header.AllowOrigin))
			others, differs := 0, (*seen)(nil)
			candidates := observed[key{res.Target, h.URL, f.Phase}]
			if f.Phase == lint.Actual && len(candidates) <= 1 {
				// Attacker probes of a method that may change data stop at
				// the preflight: how it answered other origins is the
				// evidence left for whether the value depends on Origin.
				candidates = observed[key{res.Target, h.URL, lint.Preflight}]
			}
			for _, o := range candidates {
				if o.origin == h.Origin {
					continue
				}
				others++
				if differs == nil && (!o.ok || o.value != value) {
					o := o
					differs = &o
				}
			}
			changed = true
			switch {
			case differs != nil:
				got := "(no Access-Control-Allow-Origin)"
				if differs.ok {
					got = header.AllowOrigin + ": " + differs.value
				}
				f.Evidence = append(append([]string(nil), f.Evidence...), "Origin: "+differs.origin+" got "+got)
				kept = append(kept, f)
			case others > 0:
				// Every other origin got the same value: it is fixed.
			default:
				f.Note = "Only this origin was probed, so corslint cannot tell a value chosen per origin from a fixed one; " +
					"if the server sends this same value to every caller, Vary is not needed."
				kept = append(kept, f)
			}
		}
		if changed {
			// A new slice: Result.BlockedBy may point into the old one.
			res.Findings = append([]lint.Finding{}, kept...)
		}
	}
}
