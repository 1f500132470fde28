package lint_test

import (
	"testing"

	"github.com/corslint/corslint/lint"
)

func TestSuppress(t *testing.T) {
	finding := func(id string, blocks bool) lint.Finding {
		return lint.Finding{RuleID: id, Severity: lint.Error, Blocks: blocks}
	}
	cases := []struct {
		desc          string
		source        string
		findings      []lint.Finding
		verdict       lint.Verdict
		suppress      string
		wantN         int
		wantVerdict   lint.Verdict
		wantBlockedBy string
	}{
		{
			desc: "the deciding finding suppressed: the next blocking one decides", source: lint.SourceAllowed,
			findings: []lint.Finding{finding("a", true), finding("b", true)}, verdict: lint.Blocked,
			suppress: "a", wantN: 1, wantVerdict: lint.Blocked, wantBlockedBy: "b",
		},
		{
			desc: "the only blocking finding suppressed: allowed", source: lint.SourceAllowed,
			findings: []lint.Finding{finding("a", true), finding("w", false)}, verdict: lint.Blocked,
			suppress: "a", wantN: 1, wantVerdict: lint.Allowed,
		},
		{
			desc: "a non-blocking finding suppressed: the verdict stands", source: lint.SourceAllowed,
			findings: []lint.Finding{finding("a", true), finding("w", false)}, verdict: lint.Blocked,
			suppress: "w", wantN: 1, wantVerdict: lint.Blocked, wantBlockedBy: "a",
		},
		{
			desc: "a denied origin's probe keeps the browser's verdict", source: lint.SourceDenied,
			findings: []lint.Finding{finding("s", false)}, verdict: lint.Blocked,
			suppress: "s", wantN: 1, wantVerdict: lint.Blocked,
		},
		{
			desc: "nothing matches", source: lint.SourceAllowed,
			findings: []lint.Finding{finding("a", true)}, verdict: lint.Blocked,
			suppress: "z", wantN: 0, wantVerdict: lint.Blocked, wantBlockedBy: "a",
		},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			res := &lint.Result{Source: lint.Source{Kind: tc.source}, Findings: tc.findings, Verdict: tc.verdict,
				Hops: []*lint.Hop{{Actual: &lint.Exchange{}}}}
			for i := range res.Findings {
				if res.Findings[i].Blocks {
					res.BlockedBy = &res.Findings[i]
					break
				}
			}
			n := res.Suppress("test", func(f *lint.Finding) bool { return f.RuleID == tc.suppress })
			if n != tc.wantN {
				t.Errorf("Suppress: got %d; want %d", n, tc.wantN)
			}
			if res.Verdict != tc.wantVerdict {
				t.Errorf("Verdict: got %s; want %s", res.Verdict, tc.wantVerdict)
			}
			got := ""
			if res.BlockedBy != nil {
				got = res.BlockedBy.RuleID
			}
			if tc.source == lint.SourceAllowed && got != tc.wantBlockedBy {
				t.Errorf("BlockedBy: got %q; want %q", got, tc.wantBlockedBy)
			}
		})
	}
}
