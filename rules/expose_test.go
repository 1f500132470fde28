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
		// As Chromium 156 parses the list (conformance x410-x416, x432):
		// empty elements are skipped, but one bad token exposes nothing,
		// not even the good names beside it or *.
		{desc: "empty elements and a trailing comma are skipped", reads: []string{"X-Total-Count", "Location"}, aceh: []string{", X-Total-Count,,Location,"}},
		{desc: "an empty line beside the list", reads: []string{"X-Total-Count"}, aceh: []string{"", "X-Total-Count"}},
		{desc: "one bad token hides the good names too", reads: []string{"X-Total-Count"}, aceh: []string{"X-Total-Count, x-b;"}, want: 1},
		{desc: "* beside a bad token exposes nothing", reads: []string{"X-Total-Count"}, aceh: []string{"*, x-b;"}, want: 1},
		{desc: "Set-Cookie never", reads: []string{"Set-Cookie"}, aceh: []string{"Set-Cookie"}, want: 1},
		{desc: "moot when the response fails the CORS check", reads: []string{"Location"}, credentials: true, want: 0},
	}
	for _, c := range cases {
		h := http.Header{"X-Total-Count": {"42"}, "Location": {"/orders/2"},
			"Access-Control-Allow-Origin": {"https://app.example.com"}, "Access-Control-Allow-Credentials": {"true"}}
		if c.aceh != nil {
			h["Access-Control-Expose-Headers"] = c.aceh
		}
		if strings.HasPrefix(c.desc, "moot") {
			delete(h, "Access-Control-Allow-Credentials")
		}
		step := &lint.Step{
			Phase: lint.Actual, CORS: true, Credentials: c.credentials, Reads: c.reads, Origin: "https://app.example.com",
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
