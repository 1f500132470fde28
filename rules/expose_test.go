package rules_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/rules"
)

func TestResponseHeaderNotExposed(t *testing.T) {
	rule := rules.ByID("response-header-not-exposed")
	cases := []struct {
		desc        string
		reads       []string
		aceh        []string
		credentials bool
		want        int
	}{
		{desc: "safelisted headers need no exposing", reads: []string{"Content-Type", "cache-control"}},
		{desc: "listed, case-insensitively", reads: []string{"X-Total-Count"}, aceh: []string{"x-total-count, Location"}},
		{desc: "two header lines", reads: []string{"Location"}, aceh: []string{"X-A", "Location"}},
		{desc: "not listed", reads: []string{"Location"}, aceh: []string{"X-A"}, want: 1},
		{desc: "absent", reads: []string{"X-Total-Count", "X-Rate"}, want: 2},
		{desc: "* without credentials", reads: []string{"X-Total-Count"}, aceh: []string{"*"}},
		{desc: "* is literal with credentials", reads: []string{"X-Total-Count"}, aceh: []string{"*"}, credentials: true, want: 1},
		{desc: "unparsable list exposes nothing", reads: []string{"X-A"}, aceh: []string{"X-A X-B"}, want: 1},
		{desc: "Set-Cookie never", reads: []string{"Set-Cookie"}, aceh: []string{"Set-Cookie"}, want: 1},
	}
	for _, c := range cases {
		h := http.Header{"X-Total-Count": {"42"}, "Location": {"/orders/2"}}
		if c.aceh != nil {
			h["Access-Control-Expose-Headers"] = c.aceh
		}
		step := &lint.Step{
			Phase: lint.Actual, CORS: true, Credentials: c.credentials, Reads: c.reads,
			Exchange: &lint.Exchange{Response: &lint.Response{Status: 201, Header: h}},
		}
		got := rule.Check(step)
		if len(got) != c.want {
			var msgs []string
			for _, d := range got {
				msgs = append(msgs, d.Message)
			}
			t.Errorf("%s: %d findings (%s); want %d", c.desc, len(got), strings.Join(msgs, " | "), c.want)
		}
	}
}
