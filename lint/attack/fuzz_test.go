package attack_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/origin"
)

// FuzzDerive checks the package's promise for any allowed origin a user can
// write: every derived origin is one a browser can send (it parses back to
// itself), has a DNS-sized host, is none of the allowed origins, and comes
// once.
func FuzzDerive(f *testing.F) {
	for _, tc := range deriveTestCases {
		f.Add(strings.Join(tc.allowed, " "))
	}
	f.Add("https://a.b.c.d.e.example.co.uk https://x.s3.amazonaws.com")
	f.Add("http://0x7f.1:80 https://_dmarc.example.com")
	f.Fuzz(func(t *testing.T, list string) {
		var allowed []origin.Origin
		for _, s := range strings.Fields(list) {
			if o, err := origin.Parse(s); err == nil {
				allowed = append(allowed, o)
			}
		}
		seen := map[string]bool{}
		for _, o := range allowed {
			seen[o.String()] = true
		}
		for _, a := range attack.Derive(allowed, attack.Options{}) {
			s := a.Origin.String()
			back, err := origin.Parse(s)
			if err != nil || back.String() != s {
				t.Fatalf("Derive(%q): %s origin %q does not parse back: %v", list, a.Family, s, err)
			}
			if seen[s] {
				t.Fatalf("Derive(%q): %s origin %q is allowed or repeated", list, a.Family, s)
			}
			seen[s] = true
			if len(a.Origin.Host) > 253 {
				t.Fatalf("Derive(%q): host of %q longer than DNS allows", list, s)
			}
			if _, err := attack.ParseFamilies([]string{a.Family}); err != nil {
				t.Fatalf("Derive(%q): unknown family %q", list, a.Family)
			}
		}
	})
}

// FuzzParseFamilies checks that any --probes value either fails or selects
// known families, in probe order, each once.
func FuzzParseFamilies(f *testing.F) {
	f.Add("null,unrelated")
	f.Add("all")
	f.Add(" suffix ,suffix,")
	f.Add("Null")
	f.Fuzz(func(t *testing.T, value string) {
		got, err := attack.ParseFamilies(strings.Split(value, ","))
		if err != nil {
			return
		}
		all := attack.Families()
		last := -1
		for _, family := range got {
			i := slices.Index(all, family)
			if i <= last {
				t.Fatalf("ParseFamilies(%q) = %q: unknown, repeated or out of order", value, got)
			}
			last = i
		}
	})
}
