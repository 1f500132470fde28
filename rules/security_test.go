package rules

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
)

// stepCase describes one synthetic step: who sent it, and what came back.
type stepCase struct {
	desc        string
	phase       lint.Phase
	source      lint.Source
	origin      string // Origin sent; derived from source when empty
	credentials bool
	afterBlock  bool
	hop         int
	public      bool
	trustSubs   bool
	unsafe      []string // Access-Control-Request-Headers names
	method      string
	status      int
	header      []string // "Name: value" response lines
	want        []string // rule IDs that fire, in rule order
}

func (tc stepCase) step() *lint.Step {
	h := http.Header{}
	for _, line := range tc.header {
		name, value, _ := strings.Cut(line, ": ")
		h.Add(name, value)
	}
	status := tc.status
	if status == 0 {
		status = http.StatusOK
	}
	method := tc.method
	if method == "" {
		method = http.MethodGet
	}
	o := tc.origin
	if o == "" {
		o = "https://app.example.com"
	}
	s := &lint.Step{
		Phase: tc.phase, Hop: tc.hop, URL: "https://api.example.com/me", FirstURL: "https://api.example.com/me",
		PageOrigin: o, Origin: o, CORS: true, Credentials: tc.credentials, Method: method,
		Exchange:   &lint.Exchange{Response: &lint.Response{Status: status, Header: h}},
		AfterBlock: tc.afterBlock,
		Declared:   lint.Declared{Source: tc.source, Public: tc.public, TrustSubdomains: tc.trustSubs},
	}
	s.Decision.UnsafeHeaders = tc.unsafe
	s.Decision.Needed = len(tc.unsafe) > 0
	return s
}

// fired runs the rules on a step the way the engine selects them, by phase
// and scope, and returns the IDs of those that report.
func fired(s *lint.Step, list []*lint.Rule) []string {
	attackProbe := s.Declared.Source.Kind == lint.SourceAttack || s.Declared.Source.Kind == lint.SourceDenied
	var ids []string
	for _, r := range list {
		if r.Phase != lint.AnyPhase && r.Phase != s.Phase {
			continue
		}
		if !r.Blocks && r.Scope != lint.ScopeAll && (r.Scope == lint.ScopeAttack) != attackProbe {
			continue
		}
		for _, d := range r.Check(s) {
			if d.Message == "" || len(d.Evidence) == 0 {
				panic("rule " + r.ID + " reported a diagnostic without message or evidence")
			}
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func atk(technique string) lint.Source {
	return lint.Source{Kind: lint.SourceAttack, Technique: technique, From: "https://app.example.com"}
}

var (
	allowedSrc = lint.Source{Kind: lint.SourceAllowed}
	deniedSrc  = lint.Source{Kind: lint.SourceDenied}
)

var securityTestCases = []stepCase{
	{
		desc: "reflected unrelated origin with credentials", phase: lint.Actual, source: atk(attack.Unrelated),
		origin: "https://attacker.test", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-any-origin-trusted"},
	},
	{
		desc: "each family has its own rule: suffix", phase: lint.Actual, source: atk(attack.Suffix),
		origin: "https://attackerexample.com", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://attackerexample.com", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-suffix-lookalike-trusted"},
	},
	{
		desc: "null trusted with credentials", phase: lint.Actual, source: atk(attack.Null),
		origin: "null", credentials: true,
		header: []string{"Access-Control-Allow-Origin: null", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-null-trusted"},
	},
	{
		desc: "must-deny origin granted", phase: lint.Actual, source: deniedSrc,
		origin: "https://old.example.com", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://old.example.com", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-denied-origin-trusted"},
	},
	{
		desc: "grant on a 401 still counts: the headers come with the data once logged in", phase: lint.Actual,
		source: atk(attack.Prefix), origin: "https://app.example.com.attacker.test", credentials: true, status: 401,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com.attacker.test", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-prefix-lookalike-trusted"},
	},
	{
		desc: "subdomain trusted: a warning", phase: lint.Actual, source: atk(attack.Subdomain),
		origin: "https://attacker.example.com", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://attacker.example.com", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-subdomain-trusted"},
	},
	{
		desc: "subdomain trusted on purpose: quiet", phase: lint.Actual, source: atk(attack.Subdomain), trustSubs: true,
		origin: "https://attacker.example.com", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://attacker.example.com", "Access-Control-Allow-Credentials: true"},
	},
	{
		desc: "subdomain read without credentials: not worth a finding", phase: lint.Actual, source: atk(attack.Subdomain),
		origin: "https://attacker.example.com",
		header: []string{"Access-Control-Allow-Origin: https://attacker.example.com"},
	},
	{
		desc: "attacker denied: no Access-Control-Allow-Origin", phase: lint.Actual, source: atk(attack.Unrelated),
		origin: "https://attacker.test", credentials: true, status: 403,
	},
	{
		desc: "attacker denied: the allowed origin is sent whatever the caller (fixed value)", phase: lint.Actual,
		source: atk(attack.Prefix), origin: "https://app.example.com.attacker.test", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Credentials: true"},
	},
	{
		desc: "reflected without credentials on a credentialed endpoint: readable without cookies", phase: lint.Actual,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://attacker.test"},
		want:   []string{"attacker-readable-without-credentials"},
	},
	{
		desc: "reflected on an uncredentialed endpoint: a warning", phase: lint.Actual,
		source: atk(attack.UnescapedDot), origin: "https://appxexample.com",
		header: []string{"Access-Control-Allow-Origin: https://appxexample.com"},
		want:   []string{"attacker-readable-without-credentials"},
	},
	{
		desc: "reflected on a public endpoint: expected", phase: lint.Actual, public: true,
		source: atk(attack.Unrelated), origin: "https://attacker.test",
		header: []string{"Access-Control-Allow-Origin: https://attacker.test"},
	},
	{
		desc: "wildcard without credentials: reported once, on the unrelated probe", phase: lint.Actual,
		source: atk(attack.Unrelated), origin: "https://attacker.test",
		header: []string{"Access-Control-Allow-Origin: *"},
		want:   []string{"attacker-readable-without-credentials"},
	},
	{
		desc: "wildcard without credentials: other families say nothing new", phase: lint.Actual,
		source: atk(attack.Suffix), origin: "https://attackerexample.com",
		header: []string{"Access-Control-Allow-Origin: *"},
	},
	{
		desc: "wildcard without credentials to a must-deny origin", phase: lint.Actual,
		source: deniedSrc, origin: "https://old.example.com",
		header: []string{"Access-Control-Allow-Origin: *"},
		want:   []string{"attacker-readable-without-credentials"},
	},
	{
		desc: "wildcard on a public endpoint: expected", phase: lint.Actual, public: true,
		source: atk(attack.Unrelated), origin: "https://attacker.test",
		header: []string{"Access-Control-Allow-Origin: *"},
	},
	{
		desc: "wildcard on a credentialed endpoint", phase: lint.Actual, source: atk(attack.Unrelated),
		origin: "https://attacker.test", credentials: true,
		header: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-wildcard-credentialed-endpoint"},
	},
	{
		desc: "wildcard on a credentialed endpoint: once, not per family", phase: lint.Actual, source: atk(attack.Null),
		origin: "null", credentials: true,
		header: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Credentials: true"},
	},
	{
		desc: "grant only a failed preflight stops", phase: lint.Actual, source: atk(attack.Unrelated), afterBlock: true,
		origin: "https://attacker.test", credentials: true, unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true"},
		want:   []string{"attacker-blocked-only-by-preflight"},
	},
	{
		desc: "anonymous grant behind a failed preflight on a public endpoint", phase: lint.Actual, afterBlock: true, public: true,
		source: atk(attack.Unrelated), origin: "https://attacker.test",
		header: []string{"Access-Control-Allow-Origin: https://attacker.test"},
	},
	{
		desc: "a preflighted request is judged on its preflight: the request is sent once it passes", phase: lint.Preflight,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, method: "PUT", unsafe: []string{"authorization"},
		header: []string{
			"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true",
			"Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Headers: authorization",
		},
		want: []string{"acao-any-origin-trusted"},
	},
	{
		desc: "a preflighted GET is judged on the response: the preflight adds nothing a simple GET lacks", phase: lint.Preflight,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true", "Access-Control-Allow-Headers: authorization"},
	},
	{
		desc: "a preflighted GET's response", phase: lint.Actual,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true"},
		want:   []string{"acao-any-origin-trusted"},
	},
	{
		desc: "a preflighted request's actual response is not judged again", phase: lint.Actual,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, method: "PUT", unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true"},
	},
	{
		desc: "a preflight naming the attacker but refusing the header grants nothing", phase: lint.Preflight,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, method: "PUT", unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true", "Access-Control-Allow-Methods: PUT"},
	},
	{
		desc: "a preflight with * for headers grants nothing with credentials", phase: lint.Preflight,
		source: atk(attack.Null), origin: "null", credentials: true, method: "PUT", unsafe: []string{"x-api-key"},
		header: []string{"Access-Control-Allow-Origin: null", "Access-Control-Allow-Credentials: true", "Access-Control-Allow-Headers: *", "Access-Control-Allow-Methods: PUT"},
	},
	{
		desc: "a preflight with a 401 grants nothing", phase: lint.Preflight, status: 401,
		source: atk(attack.Unrelated), origin: "https://attacker.test", credentials: true, method: "PUT", unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://attacker.test", "Access-Control-Allow-Credentials: true", "Access-Control-Allow-Headers: authorization", "Access-Control-Allow-Methods: PUT"},
	},
	{
		desc: "a preflight without Access-Control-Allow-Credentials: readable without credentials", phase: lint.Preflight,
		source: atk(attack.Suffix), origin: "https://attackerexample.com", credentials: true, method: "DELETE", unsafe: []string{"x-api-key"},
		header: []string{"Access-Control-Allow-Origin: https://attackerexample.com", "Access-Control-Allow-Headers: *", "Access-Control-Allow-Methods: *"},
		want:   []string{"attacker-readable-without-credentials"},
	},
	{
		desc: "a preflight after a redirect is not judged", phase: lint.Preflight,
		source: atk(attack.Unrelated), origin: "null", credentials: true, method: "PUT", unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: null", "Access-Control-Allow-Credentials: true", "Access-Control-Allow-Headers: authorization", "Access-Control-Allow-Methods: PUT"},
		hop:    1,
	},
	{
		desc: "allowed probes are not judged by security rules", phase: lint.Actual, source: allowedSrc, credentials: true,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Credentials: true", "Vary: Origin"},
	},
	{
		desc: "error status without CORS headers on an allowed probe", phase: lint.Actual, source: allowedSrc, status: 401,
		want: []string{"error-status-without-cors"},
	},
	{
		desc: "credentialed 500 with Access-Control-Allow-Origin but no Access-Control-Allow-Credentials", phase: lint.Actual,
		source: allowedSrc, credentials: true, status: 500,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Vary: Origin"},
		want:   []string{"error-status-without-cors"},
	},
	{
		desc: "error status with CORS headers", phase: lint.Actual, source: allowedSrc, status: 404,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Vary: Origin"},
	},
	{
		desc: "400 and 429 are not on the list", phase: lint.Actual, source: allowedSrc, status: 429,
	},
	{
		desc: "error status on an attacker probe is the desired outcome", phase: lint.Actual,
		source: atk(attack.Unrelated), origin: "https://attacker.test", status: 403,
	},
}

func TestSecurityRules(t *testing.T) {
	list := append(append([]*lint.Rule(nil), securityRules...), cacheRules...)
	for _, tc := range securityTestCases {
		t.Run(tc.desc, func(t *testing.T) {
			if got := fired(tc.step(), list); !slices.Equal(got, tc.want) {
				t.Errorf("fired: got %q; want %q", got, tc.want)
			}
		})
	}
}

// Every probe family lint/attack derives has a rule, and no rule judges a
// family that does not exist.
func TestEveryFamilyHasARule(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range grantFamilies {
		if f.kind == lint.SourceAttack {
			seen[f.technique] = true
		}
		if f.rule.Check == nil || f.what == "" {
			t.Errorf("family %q: rule %s has no check or description", f.technique, f.rule.ID)
		}
	}
	for _, family := range attack.Families() {
		if !seen[family] {
			t.Errorf("probe family %q has no rule", family)
		}
		delete(seen, family)
	}
	for family := range seen {
		t.Errorf("rule for unknown probe family %q", family)
	}
}

func TestSecurityAndCacheRulesValidate(t *testing.T) {
	list := append(append([]*lint.Rule(nil), securityRules...), cacheRules...)
	if err := Validate(list); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	for _, r := range list {
		if r.Blocks {
			t.Errorf("rule %s blocks: security and cache rules never change the browser's verdict", r.ID)
		}
		if r.Failing == "" || r.Passing == "" {
			t.Errorf("rule %s: Failing and Passing examples are required", r.ID)
		}
		if ByID(r.ID) != r {
			t.Errorf("rule %s is not in All()", r.ID)
		}
	}
}
