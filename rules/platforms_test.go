package rules

import (
	"strings"
	"testing"
)

func TestPlatformFixesNameKnownRulesAndPlatforms(t *testing.T) {
	for id, fixes := range platformFixes {
		if ByID(id) == nil {
			t.Errorf("platformFixes[%q]: no rule has this ID", id)
		}
		for p, text := range fixes {
			if _, ok := LookupPlatform(p); !ok {
				t.Errorf("platformFixes[%q][%q]: unknown platform", id, p)
			}
			if text == "" || strings.ContainsAny(text, "\n\t") || !strings.HasSuffix(text, ".") {
				t.Errorf("platformFixes[%q][%q] = %q; want one non-empty line ending with a period", id, p, text)
			}
		}
	}
}

func TestAllAttachesPlatformFixes(t *testing.T) {
	tests := []struct {
		desc     string
		id       string
		platform string
		want     string // a substring of the fix
	}{
		{desc: "own text", id: "acao-missing", platform: PlatformNginx, want: "always"},
		{desc: "preflight variant's own text", id: "preflight-acao-missing", platform: PlatformAPIGatewayREST, want: "MOCK integration"},
		{desc: "preflight variant inherits the actual rule's text", id: "preflight-acao-mismatch", platform: PlatformRsCors, want: "AllowedOrigins"},
		{desc: "preflight variant keeps its own over the inherited", id: "preflight-acac-not-true", platform: PlatformNginx, want: "inside the"},
	}
	for _, tc := range tests {
		r := ByID(tc.id)
		if r == nil {
			t.Fatalf("%s: no rule %q", tc.desc, tc.id)
		}
		if got := r.Platforms[tc.platform]; !strings.Contains(got, tc.want) {
			t.Errorf("%s: %s.Platforms[%s] = %q; want it to contain %q", tc.desc, tc.id, tc.platform, got, tc.want)
		}
	}
}

// The CORS check is what every platform gets wrong in its own way, so each
// of those rules must speak every platform's language.
func TestCORSCheckRulesCoverEveryPlatform(t *testing.T) {
	for _, r := range All() {
		if r.Family != FamilyCORSCheck {
			continue
		}
		for _, p := range PlatformIDs() {
			if r.Platforms[p] == "" {
				t.Errorf("rule %s has no fix for platform %s", r.ID, p)
			}
		}
	}
}

func TestLookupPlatform(t *testing.T) {
	tests := []struct {
		desc string
		id   string
		want bool
	}{
		{desc: "known", id: "nginx", want: true},
		{desc: "case matters", id: "NGINX", want: false},
		{desc: "unknown", id: "apache", want: false},
	}
	for _, tc := range tests {
		if _, got := LookupPlatform(tc.id); got != tc.want {
			t.Errorf("%s: LookupPlatform(%q) = %v; want %v", tc.desc, tc.id, got, tc.want)
		}
	}
}
