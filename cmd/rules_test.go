package cmd_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/corslint/corslint/rules"
)

func TestRulesFormats(t *testing.T) {
	all := rules.All()

	stdout, stderr, code := corslintMain(t, "rules")
	if code != 0 {
		t.Fatalf("rules: exit %d; stderr: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, r := range all {
		found := false
		for _, l := range lines {
			if f := strings.Fields(l); len(f) > 2 && f[0] == r.ID && f[1] == r.Severity.String() && strings.HasSuffix(l, r.Title) {
				found = true
			}
		}
		if !found {
			t.Errorf("rules: no line with %s, %s and its title", r.ID, r.Severity)
		}
	}

	stdout, stderr, code = corslintMain(t, "rules", "--format", "json")
	if code != 0 {
		t.Fatalf("rules --format json: exit %d; stderr: %s", code, stderr)
	}
	var out struct {
		Rules []struct {
			ID        string            `json:"id"`
			Severity  string            `json:"severity"`
			Doc       string            `json:"doc"`
			HelpURI   string            `json:"help_uri"`
			Platforms map[string]string `json:"platforms"`
		} `json:"rules"`
		Platforms []struct{ ID, Name string } `json:"platforms"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("rules --format json: %v", err)
	}
	if len(out.Rules) != len(all) || len(out.Platforms) != len(rules.Platforms()) {
		t.Fatalf("rules --format json: %d rules, %d platforms; want %d, %d", len(out.Rules), len(out.Platforms), len(all), len(rules.Platforms()))
	}
	for i, r := range all {
		got := out.Rules[i]
		if got.ID != r.ID || got.Severity != r.Severity.String() || got.Doc != r.Doc || !strings.HasSuffix(got.HelpURI, "/docs/rules.md#"+r.ID) || len(got.Platforms) != len(r.Platforms) {
			t.Errorf("rules --format json: rule %d = %+v; want %s with its doc, platforms and help URI", i, got, r.ID)
		}
	}

	stdout, _, code = corslintMain(t, "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("rules --format markdown: exit %d", code)
	}
	for _, r := range all {
		// The heading is the anchor SARIF's helpUri and the index link to.
		if !strings.Contains(stdout, "\n## "+r.ID+"\n") || !strings.Contains(stdout, "(#"+r.ID+")") {
			t.Errorf("rules --format markdown: no section or index link for %s", r.ID)
		}
	}
}

func TestRulesUsageErrors(t *testing.T) {
	tests := []struct {
		desc string
		args []string
		want string
	}{
		{desc: "unknown format", args: []string{"rules", "--format", "yaml"}, want: "markdown"},
		{desc: "an argument", args: []string{"rules", "acao-missing"}, want: "explain acao-missing"},
	}
	for _, tc := range tests {
		_, stderr, code := corslintMain(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", tc.desc, code, stderr, tc.want)
		}
	}
}

// docs/rules.md is generated from the rule values; a rule edit without
// `make docs` leaves it stale.
func TestDocsRulesMarkdownIsCurrent(t *testing.T) {
	want, _, code := corslintMain(t, "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("rules --format markdown: exit %d", code)
	}
	got, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatalf("docs/rules.md: %v; run `make docs` to generate it", err)
	}
	if string(got) != want {
		t.Fatalf("docs/rules.md is stale: run `make docs` and commit the result. First difference, %s", firstDifference(string(got), want))
	}
}
