package cmd_test

import (
	"strings"
	"testing"

	"github.com/corslint/corslint/cmd"
	"github.com/corslint/corslint/examples/server"
)

// TestDemo runs every variant of the example API through its config, as
// `make demo` does, and checks each step of the story shows its rule.
func TestDemo(t *testing.T) {
	want := map[string][]string{
		"broken":                    {"preflight-acao-missing", "preflight-status-not-ok", "acao-wildcard-with-credentials"},
		"authorizer-guards-options": {"preflight-status-not-ok"},
		"wildcard-with-credentials": {"preflight-acao-wildcard-with-credentials"},
		"authorization-not-allowed": {"header-not-allowed"},
		"post-missing-credentials":  {"acac-not-true"},
		"origin-typo":               {"preflight-acao-mismatch"},
		"cdn-drops-origin":          {"preflight-acao-missing", "acao-missing"},
		"cdn-reflects-origin":       {"acao-any-origin-trusted", "acao-denied-origin-trusted", "vary-origin-missing"},
		"fixed":                     nil,
	}
	if len(want) != len(server.Names()) {
		t.Fatalf("the test covers %d variants; the example API has %d", len(want), len(server.Names()))
	}
	for _, variant := range server.Names() {
		t.Run(variant, func(t *testing.T) {
			stdout, stderr, code := run(t, "demo", "--variant", variant, "--color", "never")
			if code != cmd.ExitOK {
				t.Fatalf("exit %d; want 0 (demo exits 0 unless --fail-on); stderr: %s", code, stderr)
			}
			for _, rule := range want[variant] {
				if !strings.Contains(stdout, " "+rule+" [") {
					t.Errorf("no %s finding in:\n%s", rule, stdout)
				}
			}
			if variant == "cdn-reflects-origin" && !strings.Contains(stdout, "more attacker origins are let in the same way (null, prefix") {
				t.Errorf("no folded line for the other attacker origins in:\n%s", stdout)
			}
			if strings.Contains(stdout, server.Token) {
				t.Error("the demo token appears in the output")
			}
			if variant == "fixed" && !strings.Contains(stdout, "4 allowed, 0 blocked; attacker probes: 34 kept out; 0 errors, 0 warnings, 0 info") {
				t.Errorf("fixed variant summary:\n%s", stdout)
			}
		})
	}
	if _, _, code := run(t, "demo", "--variant", "broken", "--fail-on", "error"); code != cmd.ExitFindings {
		t.Errorf("demo --fail-on error on the broken variant: exit %d; want 1", code)
	}
	if _, stderr, code := run(t, "demo", "--variant", "nope"); code != cmd.ExitUsage || !strings.Contains(stderr, "unknown variant") {
		t.Errorf("unknown variant: exit %d, stderr %q", code, stderr)
	}
}
