package cmd_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corslint/corslint/cmd"
)

// TestRunProbesFlag: run sends every attacker family by default, and
// --probes narrows them or turns them off.
func TestRunProbesFlag(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Vary", "Origin")
	}))
	defer ts.Close()
	cfg := filepath.Join(t.TempDir(), "corslint.yaml")
	data := "version: 1\norigins: [https://app.example.com]\ntargets:\n  - url: " + ts.URL + "/items\n"
	if err := os.WriteFile(cfg, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		probes     []string
		wantProbes func(n int) bool
		wantCode   int
	}{
		{probes: nil, wantProbes: func(n int) bool { return n > 10 }, wantCode: cmd.ExitOK},
		{probes: []string{"--probes", "none"}, wantProbes: func(n int) bool { return n == 0 }, wantCode: cmd.ExitOK},
		{probes: []string{"--probes", "prefix,null"}, wantProbes: func(n int) bool { return n == 2 }, wantCode: cmd.ExitOK},
		{probes: []string{"--probes", "bogus"}, wantCode: cmd.ExitUsage},
	}
	for _, c := range cases {
		args := append([]string{"run", "-c", cfg, "--rate", "0", "--format", "json", "--fail-on", "never"}, c.probes...)
		stdout, stderr, code := run(t, args...)
		if code != c.wantCode {
			t.Errorf("%v: exit %d (%s); want %d", c.probes, code, strings.TrimSpace(stderr), c.wantCode)
			continue
		}
		if code != cmd.ExitOK {
			continue
		}
		var out struct {
			Summary struct {
				Probes int `json:"attacker_probes"`
			} `json:"summary"`
		}
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		if !c.wantProbes(out.Summary.Probes) {
			t.Errorf("%v: %d attacker probes", c.probes, out.Summary.Probes)
		}
	}
}
