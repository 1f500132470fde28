package console_test

import (
	"testing"

	"github.com/corslint/corslint/lint/console"
	"github.com/corslint/corslint/lint/header"
	"github.com/corslint/corslint/rules"
)

// FuzzParse: pasted text, however odd, never panics the console parser, and
// a Chromium line rendered from any rule with a token parameter reads back
// as that rule.
func FuzzParse(f *testing.F) {
	all := rules.All()
	for _, r := range all {
		if r.ChromiumMessage != "" {
			f.Add(console.ChromiumLine(r, "https://api.example.com/x", "https://app.example.com", "p"), "p")
		}
	}
	f.Add("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 401.", "")
	f.Add("net::ERR_FAILED", "")
	f.Fuzz(func(t *testing.T, text, param string) {
		_, _ = console.Parse(text, all)
		if !header.IsToken(param) {
			return // Chromium's parameters here are methods, header names or origins
		}
		for _, r := range all {
			if r.ChromiumMessage == "" || !r.Blocks {
				continue
			}
			line := console.ChromiumLine(r, "https://api.example.com/x", "https://app.example.com", param)
			if _, err := console.Parse(line, all); err != nil {
				t.Fatalf("%s with parameter %q: %v\n%s", r.ID, param, err, line)
			}
		}
	})
}
