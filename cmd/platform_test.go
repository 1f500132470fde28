package cmd_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/corslint/corslint/rules"
)

func TestCheckPlatformFix(t *testing.T) {
	// An API that forgets Access-Control-Allow-Origin.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	nginxFix := rules.ByID("acao-missing").Platforms["nginx"]

	tests := []struct {
		desc     string
		args     []string
		wantCode int
		want     string // in stdout, whitespace folded
		wantErr  string // in stderr
	}{
		{desc: "generic fix", args: []string{"check", srv.URL, "--origin", "https://app.example.com"}, wantCode: 1, want: "fix: " + rules.ByID("acao-missing").Fix},
		{desc: "platform fix", args: []string{"check", srv.URL, "--origin", "https://app.example.com", "--platform", "nginx"}, wantCode: 1, want: "fix (nginx): " + nginxFix},
		{desc: "unknown platform", args: []string{"check", srv.URL, "--origin", "https://app.example.com", "--platform", "apache"}, wantCode: 2, wantErr: "aws-apigateway-rest, aws-apigateway-http, cloudfront, aws-lambda, nginx, express, go-rs-cors"},
	}
	for _, tc := range tests {
		stdout, stderr, code := corslintMain(t, tc.args...)
		if code != tc.wantCode {
			t.Errorf("%s: exit %d; want %d (stderr %q)", tc.desc, code, tc.wantCode, stderr)
		}
		if !strings.Contains(squash(stdout), squash(tc.want)) {
			t.Errorf("%s: stdout\n%s\nwant %q", tc.desc, stdout, tc.want)
		}
		if !strings.Contains(stderr, tc.wantErr) {
			t.Errorf("%s: stderr %q; want %q", tc.desc, stderr, tc.wantErr)
		}
	}

	stdout, _, _ := corslintMain(t, "check", srv.URL, "--origin", "https://app.example.com", "--platform", "nginx", "--format", "json")
	var out struct {
		Results []struct {
			Findings []struct {
				Rule        string `json:"rule"`
				Fix         string `json:"fix"`
				FixPlatform string `json:"fix_platform"`
			} `json:"findings"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Results) == 0 || len(out.Results[0].Findings) == 0 {
		t.Fatalf("check --format json: %v\n%s", err, stdout)
	}
	f := out.Results[0].Findings[0]
	if f.Rule != "acao-missing" || f.Fix != nginxFix || f.FixPlatform != "nginx" {
		t.Errorf("JSON finding = %+v; want acao-missing with the nginx fix and fix_platform nginx", f)
	}

	help, _, code := corslintMain(t, "check", "--help")
	if code != 0 {
		t.Errorf("check --help: exit %d", code)
	}
	for _, id := range rules.PlatformIDs() {
		if !strings.Contains(help, id) {
			t.Errorf("check --help does not list platform %s", id)
		}
	}
}
