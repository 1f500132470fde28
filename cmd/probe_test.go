package cmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/corslint/corslint/cmd"
	"github.com/corslint/corslint/examples/server"
)

// probeReport is the part of the JSON report the probe tests read.
type probeReport struct {
	Results []struct {
		Origin string `json:"origin"`
		Source struct {
			Kind      string `json:"kind"`
			Technique string `json:"technique"`
		} `json:"source"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
		} `json:"findings"`
	} `json:"results"`
}

func runProbe(t *testing.T, args ...string) (probeReport, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cmd.Main(context.Background(), args, &stdout, &stderr)
	var out probeReport
	if code != cmd.ExitUsage {
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("corslint %s: invalid JSON (%v); stderr: %s", strings.Join(args, " "), err, stderr.String())
		}
	}
	return out, stderr.String(), code
}

// storyArgs is the seed story's credentialed, preflighted POST with probes.
func storyArgs(url string, extra ...string) []string {
	args := []string{"check", url + "/orders", "-X", "POST", "--credentials", "--send", "--format", "json",
		"-H", "Authorization: Bearer " + server.Token, "-H", "Content-Type: application/json", "-d", `{"item":"tea"}`,
		"--origin", server.PCOrigin, "--origin", server.PhoneOrigin}
	return append(args, extra...)
}

func TestCheckProbeFlags(t *testing.T) {
	ts := httptest.NewServer(server.Handler(server.Setups[len(server.Setups)-1]))
	defer ts.Close()
	for _, tc := range []struct {
		desc     string
		extra    []string
		wantCode int
		wantErr  string
		attacks  int // attacker results; -1 for any number above 0
	}{
		{desc: "off by default", extra: nil, wantCode: cmd.ExitOK, attacks: 0},
		{desc: "--probe sends every family", extra: []string{"--probe"}, wantCode: cmd.ExitOK, attacks: -1},
		{desc: "--probes picks families and implies --probe", extra: []string{"--probes", "null,unrelated"}, wantCode: cmd.ExitOK, attacks: 2},
		{desc: "unknown family", extra: []string{"--probes", "null,reflect"}, wantCode: cmd.ExitUsage, wantErr: `unknown probe family "reflect"`},
		{desc: "empty selection", extra: []string{"--probes="}, wantCode: cmd.ExitUsage, wantErr: "at least one family"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			out, stderr, code := runProbe(t, storyArgs(ts.URL, tc.extra...)...)
			if code != tc.wantCode {
				t.Fatalf("exit code %d; want %d (stderr: %s)", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("stderr %q; want it to contain %q", stderr, tc.wantErr)
			}
			attacks := 0
			for _, r := range out.Results {
				if r.Source.Kind == "attack" {
					attacks++
				}
				for _, f := range r.Findings {
					t.Errorf("%s (%s): unexpected finding %s on the fixed setup", r.Origin, r.Source.Technique, f.Rule)
				}
			}
			if (tc.attacks == -1 && attacks == 0) || (tc.attacks >= 0 && attacks != tc.attacks) {
				t.Errorf("%d attacker results; want %d", attacks, tc.attacks)
			}
		})
	}
}

// TestCheckProbeFindsReflection is the end of the seed story: the CDN
// function that copies Origin makes every call work, and --probe shows
// every site can now read the user's data.
// Without --send the POST is not sent, and the preflight, which the CDN
// answers the same way, decides.
func TestCheckProbeFindsReflection(t *testing.T) {
	setup, _ := server.Lookup("cdn-reflects-origin")
	ts := httptest.NewServer(server.Handler(setup))
	defer ts.Close()
	for _, send := range []bool{true, false} {
		args := storyArgs(ts.URL, "--probe")
		if !send {
			args = slices.DeleteFunc(args, func(a string) bool { return a == "--send" })
		}
		out, stderr, code := runProbe(t, args...)
		if code != cmd.ExitFindings {
			t.Fatalf("send %t: exit code %d; want %d (stderr: %s)", send, code, cmd.ExitFindings, stderr)
		}
		found := map[string]string{}
		for _, r := range out.Results {
			for _, f := range r.Findings {
				found[f.Rule] = f.Severity
			}
		}
		want := map[string]string{
			"acao-any-origin-trusted":       "error",
			"acao-null-trusted":             "error",
			"acao-prefix-lookalike-trusted": "error",
			"acao-suffix-lookalike-trusted": "error",
			"acao-subdomain-trusted":        "warning",
			"acao-third-party-trusted":      "error",
		}
		if send {
			want["vary-origin-missing"] = "warning"
		}
		for rule, severity := range want {
			if found[rule] != severity {
				t.Errorf("send %t: finding %s: severity %q; want %q (found %v)", send, rule, found[rule], severity, found)
			}
		}
	}
}
