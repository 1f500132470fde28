package rules

import (
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/header"
)

// The security rules judge attacker probes (origins derived by lint/attack,
// and the configuration's must-deny origins). For those the browser blocking
// the fetch is the desired outcome; a rule fires when the browser would let
// the attacker's page read the response. Severity follows exploitability:
// read access with the user's credentials is an error (a warning for a
// subdomain, which some teams trust on purpose); read access without
// credentials is a warning, unless the endpoint is declared public; access
// that only a failed preflight stops is a warning, because a request that
// needs no preflight may get through.

// grantFamily is one probe family's rule: the attacker origin of that family
// is granted read access with credentials.
type grantFamily struct {
	rule *lint.Rule
	// kind and technique select the probes the rule judges.
	kind, technique string
	// what describes the attacker's origin in a message, after "grants it to".
	what string
}

var anyOriginTrusted = &lint.Rule{
	ID:       "acao-any-origin-trusted",
	Title:    "any origin can read the response with the user's credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials (a credentialed response must name the one origin allowed to read it)",
	Doc: "The server granted credentialed access to https://attacker.test, a site it has nothing in common " +
		"with: it copies the request's Origin into Access-Control-Allow-Origin (or accepts every origin) and " +
		"sends Access-Control-Allow-Credentials: true. Every browser call works, and every website the user " +
		"visits can read this endpoint with the user's cookies: their data, CSRF tokens, anything the " +
		"response holds. This is the fix that makes a broken CORS setup work and the worst one to ship.",
	Fix: "Keep an allow-list of exact origins on the server and answer Access-Control-Allow-Origin (and " +
		"Access-Control-Allow-Credentials) only when the request's Origin is on it, comparing the whole " +
		"serialized origin as a string; add Vary: Origin. Never copy Origin into the response unchecked.",
	Failing: "Origin: https://attacker.test (credentials: include)\n-> Access-Control-Allow-Origin: https://attacker.test\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://attacker.test (credentials: include)\n-> (no Access-Control-Allow-Origin)",
}

var nullOriginTrusted = &lint.Rule{
	ID:       "acao-null-trusted",
	Title:    "the null origin can read the response with the user's credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials; serializing a request origin (opaque origins serialize as \"null\")",
	Doc: "Access-Control-Allow-Origin: null with credentials lets any page read the response: browsers send " +
		"Origin: null from sandboxed iframes, data: and file: documents and after cross-origin redirects, and " +
		"any website can create a sandboxed iframe. \"null\" often lands on an allow-list because a local " +
		"file or a redirect produced it during development.",
	Fix: "Remove null from the allow-list. If a sandboxed or local page must call the API, give it a real " +
		"origin (serve it from a host) instead of trusting null.",
	Failing: "Origin: null (credentials: include)\n-> Access-Control-Allow-Origin: null\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: null\n-> (no Access-Control-Allow-Origin)",
}

var prefixTrusted = &lint.Rule{
	ID:       "acao-prefix-lookalike-trusted",
	Title:    "an origin that only starts like an allowed one is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials (the allowed origin must be compared exactly)",
	Doc: "The server granted credentialed access to https://app.example.com.attacker.test, a host under the " +
		"attacker's domain that starts with the allowed one. The origin check is a prefix test " +
		"(startsWith, strings.HasPrefix, indexOf(...) === 0) or a pattern without an end anchor " +
		"(^https://app\\.example\\.com without $): anyone who registers a domain can pass it.",
	Fix: "Compare the whole origin for equality against the allow-list, or anchor the pattern at both ends " +
		"(^https://app\\.example\\.com$).",
	Failing: "Origin: https://app.example.com.attacker.test\n-> Access-Control-Allow-Origin: https://app.example.com.attacker.test\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://app.example.com.attacker.test\n-> (no Access-Control-Allow-Origin)",
}

var suffixTrusted = &lint.Rule{
	ID:       "acao-suffix-lookalike-trusted",
	Title:    "an origin that only ends like an allowed one is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials (the allowed origin must be compared exactly)",
	Doc: "The server granted credentialed access to https://attackerexample.com, a domain anyone can " +
		"register, because it ends with the allowed example.com. The origin check is a suffix test without " +
		"the leading dot (endsWith(\"example.com\")) or a pattern without a start anchor (example\\.com$).",
	Fix: "Compare the whole origin for equality against the allow-list. If subdomains must be allowed, match " +
		"the host against \".example.com\" with the dot, on a parsed origin, and the scheme separately.",
	Failing: "Origin: https://attackerexample.com\n-> Access-Control-Allow-Origin: https://attackerexample.com\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://attackerexample.com\n-> (no Access-Control-Allow-Origin)",
}

var unescapedDotTrusted = &lint.Rule{
	ID:       "acao-unescaped-dot-lookalike-trusted",
	Title:    "an origin matching an unescaped dot in the allow-list pattern is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials (the allowed origin must be compared exactly)",
	Doc: "The server granted credentialed access to https://appxexample.com, the allowed " +
		"https://app.example.com with a dot replaced by a letter. The allow-list is a regular expression " +
		"written with \".\" where \"\\.\" was meant: the dot matches any character, and appxexample.com " +
		"is a domain anyone can register.",
	Fix:     "Escape every dot in origin patterns (regexp.QuoteMeta, re.escape), or drop the pattern for a list of exact origins.",
	Failing: "Origin: https://appxexample.com\n-> Access-Control-Allow-Origin: https://appxexample.com\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://appxexample.com\n-> (no Access-Control-Allow-Origin)",
}

var subdomainTrusted = &lint.Rule{
	ID:       "acao-subdomain-trusted",
	Title:    "any subdomain of the allowed domain is trusted with credentials",
	Severity: lint.Warning,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials",
	Doc: "The server granted credentialed access to https://attacker.example.com, a subdomain nobody listed. " +
		"Trusting every subdomain hands the user's data to the weakest of them: a forgotten DNS record " +
		"pointing at a released cloud resource (subdomain takeover), user-generated content, or a marketing " +
		"site with an XSS. Some teams trust their subdomains on purpose; if so, say so and this warning goes.",
	Fix: "List the subdomains that need access. If trusting all of them is intended, declare it " +
		"(trust_subdomains: true in the config, --trust-subdomains on the command line).",
	Failing: "Origin: https://attacker.example.com\n-> Access-Control-Allow-Origin: https://attacker.example.com\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://attacker.example.com\n-> (no Access-Control-Allow-Origin)",
}

var insecureOriginTrusted = &lint.Rule{
	ID:       "acao-insecure-origin-trusted",
	Title:    "the http:// version of an allowed https:// origin is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials",
	Doc: "The server granted credentialed access to http://app.example.com. Anyone on the user's network " +
		"path (public Wi-Fi, a compromised router) can answer a request to http://app.example.com with a " +
		"script of their own, and that script may then read this endpoint with the user's credentials: the " +
		"https on the allowed origin no longer protects anything. The usual cause is a check on the host " +
		"alone, or a pattern like ^https?://.",
	Fix:     "Match the scheme too: allow https://app.example.com only. Keep http:// origins for local development (localhost) out of production allow-lists.",
	Failing: "Origin: http://app.example.com\n-> Access-Control-Allow-Origin: http://app.example.com\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: http://app.example.com\n-> (no Access-Control-Allow-Origin)",
}

var specialCharTrusted = &lint.Rule{
	ID:       "acao-special-char-lookalike-trusted",
	Title:    "an origin with a special character after the allowed host is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials (the allowed origin must be compared exactly)",
	Doc: "The server granted credentialed access to an origin such as https://app.example.com_.attacker.test " +
		"or https://app.example.com!.attacker.test: a host under the attacker's domain that browsers accept. " +
		"The server parses the origin with a URL parser that stops the host at the special character (Node's " +
		"legacy url.parse does at \"!\"), or matches it with a pattern using \\b or \\w, and sees the allowed host.",
	Fix: "Compare the whole Origin header, as received, for equality against the allow-list; do not parse " +
		"it into a host first, and do not use word-boundary patterns.",
	Failing: "Origin: https://app.example.com!.attacker.test\n-> Access-Control-Allow-Origin: https://app.example.com!.attacker.test\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://app.example.com!.attacker.test\n-> (no Access-Control-Allow-Origin)",
}

var thirdPartyTrusted = &lint.Rule{
	ID:       "acao-third-party-trusted",
	Title:    "a site on a public hosting platform is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials",
	Doc: "The server granted credentialed access to a site such as https://attacker.github.io or " +
		"https://attacker.vercel.app. Anyone can publish there: a pattern admitting *.vercel.app for " +
		"preview deployments, or *.github.io for a project page, admits every other customer of the " +
		"platform. github.io, vercel.app and the like are public suffixes: their subdomains are different " +
		"sites, not yours.",
	Fix: "List the exact origins of your own deployments (https://myapp.vercel.app), or for previews " +
		"match your project's own naming scheme, anchored, never the platform's whole domain.",
	Failing: "Origin: https://attacker.vercel.app\n-> Access-Control-Allow-Origin: https://attacker.vercel.app\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://attacker.vercel.app\n-> (no Access-Control-Allow-Origin)",
}

var deniedOriginTrusted = &lint.Rule{
	ID:       "acao-denied-origin-trusted",
	Title:    "an origin the configuration must deny is trusted with credentials",
	Severity: lint.Error,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS protocol and credentials",
	Doc: "The configuration lists this origin as one that must be denied, and the server granted it " +
		"credentialed access: its pages can read this endpoint with the user's cookies.",
	Fix: "Take the origin off the server's allow-list, or fix the pattern that admits it; if it should have " +
		"access after all, move it from the must-deny list to the allowed origins.",
	Failing: "deny_origins: [https://old.example.com]\nOrigin: https://old.example.com\n-> Access-Control-Allow-Origin: https://old.example.com\n-> Access-Control-Allow-Credentials: true",
	Passing: "Origin: https://old.example.com\n-> (no Access-Control-Allow-Origin)",
}

var attackerReadableAnonymously = &lint.Rule{
	ID:       "attacker-readable-without-credentials",
	Title:    "an attacker origin can read the response to a request without credentials",
	Severity: lint.Warning,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCORSProtocol,
	SpecStep: "CORS protocol (Access-Control-Allow-Origin decides which origins may read a response)",
	Doc: "An attacker origin may read this response, though without the user's cookies: either the request " +
		"is made without credentials, or Access-Control-Allow-Origin names the attacker's origin but " +
		"Access-Control-Allow-Credentials is missing, so only the credentialed read is refused. Without " +
		"cookies the risk is what the response holds for anyone who can reach the server from the user's " +
		"browser: intranet and VPN-only services, IP-allow-listed APIs, data behind a bearer token the page " +
		"adds (the attacker has none). For an endpoint meant to be readable by any site this is expected.",
	Fix: "If any site may read the endpoint, declare it public (public: true in the config, --public on the " +
		"command line) and send Access-Control-Allow-Origin: *. Otherwise answer only origins on the " +
		"allow-list (see the rule for this probe family).",
	Failing: "Origin: https://attacker.test\n-> Access-Control-Allow-Origin: https://attacker.test",
	Passing: "Origin: https://attacker.test\n-> (no Access-Control-Allow-Origin)",
}

var attackerBehindPreflight = &lint.Rule{
	ID:       "attacker-blocked-only-by-preflight",
	Title:    "the response grants an attacker origin, and only the failed preflight stops the request",
	Severity: lint.Warning,
	Phase:    lint.Actual,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCORSProtocol,
	SpecStep: "CORS-preflight fetch (the preflight is only sent for requests that are not simple)",
	Doc: "The actual response's Access-Control-Allow-Origin grants the attacker origin, but the browser never " +
		"reads it: the preflight (or an earlier redirect) fails first. That protection is incidental. The " +
		"preflight exists only because of this request's method or headers; an attacker sends a simple " +
		"request instead (GET, or POST with a form content type, no custom headers), which is not " +
		"preflighted and, if the server answers it the same way, is readable.",
	Fix: "Apply the same allow-list to every response, preflight and actual, so the actual response never " +
		"names an origin the allow-list does not hold.",
	Failing: "OPTIONS from https://attacker.test -> (no Access-Control-Allow-Origin)\nGET from https://attacker.test -> Access-Control-Allow-Origin: https://attacker.test",
	Passing: "GET from https://attacker.test -> (no Access-Control-Allow-Origin)",
}

var wildcardCredentialedEndpoint = &lint.Rule{
	ID:       "acao-wildcard-credentialed-endpoint",
	Title:    "Access-Control-Allow-Origin: * on an endpoint called with credentials",
	Severity: lint.Warning,
	Phase:    lint.AnyPhase,
	Scope:    lint.ScopeAttack,
	Family:   FamilySecurity,
	Spec:     specCredentials,
	SpecStep: "CORS check, steps 3-4 (\"*\" never grants a credentialed request)",
	Doc: "The endpoint is called with credentials and answers any origin with Access-Control-Allow-Origin: *. " +
		"The browser refuses * for a credentialed request, so today no site (yours included) reads the " +
		"credentialed response, and any site reads it without cookies. The tempting fix, copying the " +
		"request's Origin into the header, turns this into credentialed access for every site.",
	Fix: "Answer with the request's origin only when it is on an allow-list, with " +
		"Access-Control-Allow-Credentials: true and Vary: Origin. Never reflect Origin unchecked.",
	Failing: "Origin: https://attacker.test (credentials: include)\n-> Access-Control-Allow-Origin: *",
	Passing: "Origin: https://attacker.test (credentials: include)\n-> (no Access-Control-Allow-Origin)",
}

// grantFamilies maps each probe family, and the must-deny origins, to its rule.
var grantFamilies = []grantFamily{
	{rule: anyOriginTrusted, kind: lint.SourceAttack, technique: attack.Unrelated, what: "an unrelated site"},
	{rule: nullOriginTrusted, kind: lint.SourceAttack, technique: attack.Null, what: "the null origin, which any page can take on in a sandboxed iframe"},
	{rule: prefixTrusted, kind: lint.SourceAttack, technique: attack.Prefix, what: "a host under the attacker's domain that starts with the allowed one"},
	{rule: suffixTrusted, kind: lint.SourceAttack, technique: attack.Suffix, what: "a domain anyone can register that ends with the allowed one"},
	{rule: unescapedDotTrusted, kind: lint.SourceAttack, technique: attack.UnescapedDot, what: "the allowed host with a dot replaced by a letter, a domain anyone can register"},
	{rule: subdomainTrusted, kind: lint.SourceAttack, technique: attack.Subdomain, what: "a subdomain nobody listed"},
	{rule: insecureOriginTrusted, kind: lint.SourceAttack, technique: attack.Scheme, what: "the http:// version of the allowed origin, which any network attacker can serve"},
	{rule: specialCharTrusted, kind: lint.SourceAttack, technique: attack.SpecialChars, what: "a host under the attacker's domain that starts with the allowed one and a special character"},
	{rule: thirdPartyTrusted, kind: lint.SourceAttack, technique: attack.ThirdParty, what: "a site on a hosting platform where anyone can publish"},
	{rule: deniedOriginTrusted, kind: lint.SourceDenied, what: "an origin the configuration says must be denied"},
}

var securityRules = []*lint.Rule{
	anyOriginTrusted, nullOriginTrusted, prefixTrusted, suffixTrusted, unescapedDotTrusted, subdomainTrusted,
	insecureOriginTrusted, specialCharTrusted, thirdPartyTrusted, deniedOriginTrusted,
	attackerReadableAnonymously, attackerBehindPreflight, wildcardCredentialedEndpoint,
	errorStatusWithoutCORS,
}

// grant is what a step shows the allow-list grants the attacker.
type grant uint8

const (
	grantNone grant = iota
	// grantCredentialed: the credentialed request passes.
	grantCredentialed
	// grantAnonymous: the request passes without credentials, or the
	// credentialed one fails only for Access-Control-Allow-Credentials, so
	// the same request without credentials passes.
	grantAnonymous
	// grantWildcardRefused: "*" on a credentialed request; the same request
	// without credentials passes.
	grantWildcardRefused
)

// decides reports whether s is the step on which a probe's grant is
// judged, one per probe. It is the final response, the one the script
// reads, except for a preflighted request whose method may change data:
// there it is the first preflight, because once that passes the browser
// sends the request with the user's credentials, side effects included, and
// corslint does not send such methods without send. (A preflighted GET
// gains the attacker nothing the preflight lets through that a simple GET
// would not, so the response decides.)
func decides(s *lint.Step) bool {
	if s.Decision.Needed && s.Method != "GET" && s.Method != "HEAD" {
		return s.Phase == lint.Preflight && s.Hop == 0
	}
	return s.Phase == lint.Actual && s.Redirect == nil
}

// grantMessage says what a grant lets the attacker do, in the terms of the
// step that shows it.
func grantMessage(s *lint.Step, what string, credentialed bool) string {
	who := s.Origin + " (" + what + ")"
	switch {
	case s.Phase == lint.Preflight && credentialed:
		return "The preflight lets " + who + " send this " + s.Method + " with the user's credentials: " +
			"Access-Control-Allow-Origin names it and Access-Control-Allow-Credentials is true."
	case s.Phase == lint.Preflight && s.Credentials:
		return "The preflight lets " + who + " send this " + s.Method + " without credentials: " +
			"Access-Control-Allow-Origin names it, and only the missing Access-Control-Allow-Credentials keeps the user's cookies out."
	case s.Phase == lint.Preflight:
		return "The preflight lets " + who + " send this " + s.Method + ": Access-Control-Allow-Origin allows it."
	case credentialed:
		return who + " can read this response with the user's credentials: " +
			"Access-Control-Allow-Origin names it and Access-Control-Allow-Credentials is true."
	case s.Credentials:
		return who + " can read the response to this request made without credentials: " +
			"Access-Control-Allow-Origin names it, and only the missing Access-Control-Allow-Credentials keeps the user's cookies out."
	}
	return who + " can read this response: Access-Control-Allow-Origin allows it."
}

// judgeGrant runs the browser's checks on a step of an attacker probe.
// wildcard reports an Access-Control-Allow-Origin of "*", which grants every
// origin alike and so says nothing about a probe family.
func judgeGrant(s *lint.Step) (g grant, wildcard bool) {
	if !s.CORS || s.Status() == 0 || (s.Phase == lint.Actual && s.Redirect != nil) {
		return grantNone, false
	}
	value, _ := header.Join(s.Header(header.AllowOrigin))
	wildcard = value == "*"
	label, _ := header.CheckAccess(s.Header(header.AllowOrigin), s.Header(header.AllowCredentials), s.Credentials, s.Origin)
	// A preflight must also pass its own checks, with the credentials mode
	// of the request it stands for.
	passes := func(credentials bool) bool { return s.Phase == lint.Actual || preflightPasses(s, credentials) }
	switch {
	case label == header.AccessOK && s.Credentials && passes(true):
		return grantCredentialed, false
	case label == header.AccessOK && !s.Credentials && passes(false):
		return grantAnonymous, wildcard
	case label == header.AccessCredentialsNotTrue && passes(false):
		return grantAnonymous, false
	case label == header.AccessWildcardCreds && passes(false):
		return grantWildcardRefused, true
	}
	return grantNone, false
}

// preflightPasses runs the preflight checks after the CORS check (status,
// method, headers), as Chromium does, for the given credentials mode.
func preflightPasses(s *lint.Step, credentials bool) bool {
	if isFollowedRedirect(s) || !isOK(s.Status()) {
		return false
	}
	methods, _, okM := header.ParseList(s.Header(header.AllowMethods))
	names, _, okH := header.ParseList(s.Header(header.AllowHeaders))
	if !okM || !okH || !methodAllowed(s.Method, methods, credentials) {
		return false
	}
	for _, name := range s.Decision.UnsafeHeaders {
		if !headerAllowed(name, names, credentials) {
			return false
		}
	}
	return true
}

// isAttack reports whether the step belongs to an attacker or must-deny probe.
func isAttack(s *lint.Step) bool {
	return s.Declared.Source.KeptOut()
}

// familyOf returns the grant family of an attacker probe, or nil.
func familyOf(s *lint.Step) *grantFamily {
	src := s.Declared.Source
	for i := range grantFamilies {
		f := &grantFamilies[i]
		if f.kind == src.Kind && (f.kind == lint.SourceDenied || f.technique == src.Technique) {
			return f
		}
	}
	return nil
}

// speaksForFamily reports whether a grant tells something about the probe's
// family: "*" grants every origin alike, so it is reported once, on the
// unrelated probe, and on must-deny origins the user named.
func speaksForFamily(s *lint.Step, wildcard bool) bool {
	src := s.Declared.Source
	return !wildcard || src.Kind == lint.SourceDenied || src.Technique == attack.Unrelated
}

// subdomainTrustedByOwner reports whether the owner trusts subdomains on
// purpose, which silences the subdomain family.
func subdomainTrustedByOwner(s *lint.Step) bool {
	return s.Declared.Source.Technique == attack.Subdomain && s.Declared.TrustSubdomains
}

// grantEvidence is the proof of a grant: the origin sent, the status and the
// CORS headers received.
func grantEvidence(s *lint.Step) []string {
	evidence := []string{"Origin: " + s.Origin}
	if s.Phase == lint.Preflight {
		evidence = append(evidence, header.RequestMethod+": "+s.Method)
	}
	evidence = append(evidence, s.StatusLine())
	return append(evidence, s.Lines(header.AllowOrigin, header.AllowCredentials)...)
}

// preflightNote says what a grant seen on the preflight means.
func preflightNote(s *lint.Step) string {
	if s.Phase != lint.Preflight {
		return ""
	}
	return "The browser sends the request, side effects included, and the script reads the response if the actual " +
		"response answers the same way (corslint sends methods that may change data only with send)."
}

// notes joins the non-empty notes.
func notes(list ...string) string {
	var out []string
	for _, n := range list {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}

// statusNote explains a grant on an error response: the grant is what
// matters, since the same headers come with the data once the request is
// authorised.
func statusNote(s *lint.Step) string {
	if s.Status() < 400 {
		return ""
	}
	return "The response is HTTP " + strconv.Itoa(s.Status()) + ", probably because corslint's request carried no valid session; " +
		"the CORS headers grant the origin all the same, and come with the data once the user is logged in."
}

func init() {
	for i := range grantFamilies {
		f := &grantFamilies[i]
		f.rule.Check = func(s *lint.Step) []lint.Diagnostic {
			if !isAttack(s) || familyOf(s) != f || !decides(s) || s.AfterBlock || subdomainTrustedByOwner(s) {
				return nil
			}
			if g, _ := judgeGrant(s); g != grantCredentialed {
				return nil
			}
			return one(lint.Diagnostic{
				Message:  grantMessage(s, f.what, true),
				Param:    s.Origin,
				Evidence: grantEvidence(s),
				Note:     notes(preflightNote(s), statusNote(s)),
			})
		}
	}
	attackerReadableAnonymously.Check = func(s *lint.Step) []lint.Diagnostic {
		f := familyOf(s)
		if !isAttack(s) || f == nil || !decides(s) || s.AfterBlock || s.Declared.Public || f.technique == attack.Subdomain {
			return nil
		}
		g, wildcard := judgeGrant(s)
		if g != grantAnonymous || !speaksForFamily(s, wildcard) {
			return nil
		}
		return one(lint.Diagnostic{
			Message: grantMessage(s, f.what, false), Param: s.Origin, Evidence: grantEvidence(s),
			Note: notes(preflightNote(s), "Probe family: "+f.rule.ID+"."),
		})
	}
	attackerBehindPreflight.Check = func(s *lint.Step) []lint.Diagnostic {
		f := familyOf(s)
		if !isAttack(s) || f == nil || s.Phase != lint.Actual || !s.AfterBlock || subdomainTrustedByOwner(s) {
			return nil
		}
		g, wildcard := judgeGrant(s)
		switch {
		case g == grantNone || g == grantWildcardRefused || !speaksForFamily(s, wildcard):
			return nil
		case g == grantAnonymous && (s.Declared.Public || f.technique == attack.Subdomain):
			return nil
		}
		what := "read access"
		if g == grantCredentialed {
			what = "read access with the user's credentials"
		}
		return one(lint.Diagnostic{
			Message: "The actual response grants " + s.Origin + " (" + f.what + ") " + what +
				"; the browser refuses this fetch only because an earlier step failed.",
			Param:    s.Origin,
			Evidence: grantEvidence(s),
			Note:     "Probe family: " + f.rule.ID + ".",
		})
	}
	wildcardCredentialedEndpoint.Check = func(s *lint.Step) []lint.Diagnostic {
		src := s.Declared.Source
		if !isAttack(s) || src.Technique != attack.Unrelated || !decides(s) || s.Declared.Public {
			return nil
		}
		if g, _ := judgeGrant(s); g != grantWildcardRefused {
			return nil
		}
		return one(lint.Diagnostic{
			Message:  "Access-Control-Allow-Origin: * answers a credentialed request from " + s.Origin + ": the browser refuses it, and any site reads the same request made without credentials.",
			Evidence: grantEvidence(s),
		})
	}
}
