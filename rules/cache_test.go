package rules

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
)

var cacheTestCases = []stepCase{
	{
		desc: "reflected origin without Vary", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com"},
		want:   []string{"vary-origin-missing"},
	},
	{
		desc: "reflected origin with Vary: Origin among others, any case", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Vary: Accept-Encoding, origin"},
	},
	{
		desc: "Vary on a second line", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Vary: Accept-Encoding", "Vary: Origin"},
	},
	{
		desc: "Vary: * covers everything", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Vary: *"},
	},
	{
		desc: "wildcard needs no Vary", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: *"},
	},
	{
		desc: "no-store: nothing is cached", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Cache-Control: private, No-Store"},
	},
	{
		desc: "another origin's value is a mismatch, not a cache finding", phase: lint.Actual, source: allowedSrc,
		header: []string{"Access-Control-Allow-Origin: https://m.example.com"},
	},
	{
		desc: "preflight reflecting without Vary: info", phase: lint.Preflight, source: allowedSrc, unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Headers: authorization"},
		want:   []string{"preflight-vary-origin-missing"},
	},
	{
		desc: "preflight echoing the requested headers and method without Vary", phase: lint.Preflight, source: allowedSrc,
		method: "PUT", unsafe: []string{"authorization", "content-type"},
		header: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: authorization,content-type", "Access-Control-Allow-Methods: PUT"},
		want:   []string{"vary-request-headers-missing"},
	},
	{
		desc: "preflight echo with the matching Vary", phase: lint.Preflight, source: allowedSrc,
		method: "PUT", unsafe: []string{"authorization", "content-type"},
		header: []string{
			"Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: authorization,content-type",
			"Access-Control-Allow-Methods: PUT", "Vary: Access-Control-Request-Method, Access-Control-Request-Headers",
		},
	},
	{
		desc: "a fixed, hand-written list is no echo", phase: lint.Preflight, source: allowedSrc,
		unsafe: []string{"authorization", "content-type"},
		header: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: Authorization, Content-Type"},
	},
	{
		desc: "one header name cannot be told from a fixed list", phase: lint.Preflight, source: allowedSrc,
		unsafe: []string{"authorization"},
		header: []string{"Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: authorization"},
	},
	{
		desc: "cache rules judge allowed probes only", phase: lint.Actual, source: atk(attack.Unrelated),
		origin: "https://attacker.test",
		header: []string{"Access-Control-Allow-Origin: https://app.example.com"},
	},
}

func TestCacheRules(t *testing.T) {
	for _, tc := range cacheTestCases {
		t.Run(tc.desc, func(t *testing.T) {
			if got := fired(tc.step(), cacheRules); !slices.Equal(got, tc.want) {
				t.Errorf("fired: got %q; want %q", got, tc.want)
			}
		})
	}
}

// result builds a one-hop result whose actual response carries acao (none
// when empty), with the given findings.
func result(target *lint.Target, origin, acao string, findings ...lint.Finding) *lint.Result {
	h := http.Header{}
	if acao != "" {
		h.Set("Access-Control-Allow-Origin", acao)
	}
	hop := &lint.Hop{URL: "https://api.example.com/me", Origin: origin, Actual: &lint.Exchange{Response: &lint.Response{Status: 200, Header: h}}}
	return &lint.Result{Target: target, Origin: origin, Hops: []*lint.Hop{hop}, Findings: findings}
}

func TestCorrelate(t *testing.T) {
	vary := lint.Finding{RuleID: "vary-origin-missing", Phase: lint.Actual, Diagnostic: lint.Diagnostic{Evidence: []string{"Origin: https://app.example.com"}}}
	other := lint.Finding{RuleID: "acac-ignored", Phase: lint.Actual}
	tests := []struct {
		desc     string
		others   map[string]string // origin: ACAO its probe got ("" for none)
		want     []string          // rule IDs kept on the first result
		evidence string            // a line the vary finding must end with
		note     bool
	}{
		{
			desc:     "another origin got no header: the value depends on the origin",
			others:   map[string]string{"https://attacker.test": ""},
			want:     []string{"vary-origin-missing", "acac-ignored"},
			evidence: "Origin: https://attacker.test got (no Access-Control-Allow-Origin)",
		},
		{
			desc:     "another allowed origin got its own",
			others:   map[string]string{"https://m.example.com": "https://m.example.com"},
			want:     []string{"vary-origin-missing", "acac-ignored"},
			evidence: "Origin: https://m.example.com got Access-Control-Allow-Origin: https://m.example.com",
		},
		{
			desc:   "every other origin got the same value: it is fixed",
			others: map[string]string{"https://attacker.test": "https://app.example.com", "null": "https://app.example.com"},
			want:   []string{"acac-ignored"},
		},
		{
			desc: "no other origin probed: kept, with a note",
			want: []string{"vary-origin-missing", "acac-ignored"},
			note: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			target := &lint.Target{}
			first := result(target, "https://app.example.com", "https://app.example.com", vary, other)
			results := []*lint.Result{first}
			var origins []string
			for o := range tc.others {
				origins = append(origins, o)
			}
			slices.Sort(origins)
			for _, o := range origins {
				results = append(results, result(target, o, tc.others[o]))
			}
			// A probe of another target never counts as evidence.
			results = append(results, result(&lint.Target{}, "https://x.example", ""))
			Correlate(results)
			var got []string
			for _, f := range first.Findings {
				got = append(got, f.RuleID)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Correlate: kept %q; want %q", got, tc.want)
			}
			if tc.evidence != "" {
				ev := first.Findings[0].Evidence
				if ev[len(ev)-1] != tc.evidence {
					t.Errorf("Correlate: evidence %q; want it to end with %q", ev, tc.evidence)
				}
			}
			if hasNote := strings.Contains(first.Findings[0].Note, "Only this origin"); tc.note && !hasNote {
				t.Errorf("Correlate: note %q; want the single-origin note", first.Findings[0].Note)
			}
		})
	}
}
