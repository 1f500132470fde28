package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/report"
)

func platformReport() *lint.Report {
	r := &lint.Rule{
		ID: "acao-missing", Title: "no Access-Control-Allow-Origin header", Severity: lint.Error, Blocks: true,
		Spec: "https://fetch.spec.whatwg.org/#cors-check",
		Fix:  "Send the header on every response.",
		Platforms: map[string]string{
			"nginx": "Use add_header ... always.",
		},
	}
	f := lint.Finding{Rule: r, RuleID: r.ID, Severity: r.Severity, Blocks: true, Phase: lint.Actual,
		Diagnostic: lint.Diagnostic{Message: "No 'Access-Control-Allow-Origin' header is present on the requested resource."}}
	res := &lint.Result{URL: "https://api.example.com/orders", Origin: "https://app.example.com", Method: "GET",
		Verdict: lint.Blocked, Findings: []lint.Finding{f}}
	return &lint.Report{Version: "test", Rules: []*lint.Rule{r}, Results: []*lint.Result{res}}
}

func TestPlatformFix(t *testing.T) {
	tests := []struct {
		desc         string
		platform     string
		wantText     string
		wantFix      string
		wantPlatform string
	}{
		{desc: "no platform: generic fix", platform: "", wantText: "fix: Send the header", wantFix: "Send the header on every response."},
		{desc: "platform with a fix", platform: "nginx", wantText: "fix (nginx): Use add_header", wantFix: "Use add_header ... always.", wantPlatform: "nginx"},
		{desc: "platform without a fix for this rule", platform: "express", wantText: "fix: Send the header", wantFix: "Send the header on every response."},
	}
	for _, tc := range tests {
		opts := report.Options{Platform: tc.platform}
		var text bytes.Buffer
		if err := report.Write(&text, "text", platformReport(), opts); err != nil {
			t.Fatalf("%s: text: %v", tc.desc, err)
		}
		if !strings.Contains(text.String(), tc.wantText) {
			t.Errorf("%s: text report lacks %q:\n%s", tc.desc, tc.wantText, text.String())
		}
		var js bytes.Buffer
		if err := report.Write(&js, "json", platformReport(), opts); err != nil {
			t.Fatalf("%s: json: %v", tc.desc, err)
		}
		var out struct {
			Results []struct {
				Findings []struct {
					Fix         string `json:"fix"`
					FixPlatform string `json:"fix_platform"`
				} `json:"findings"`
			} `json:"results"`
		}
		if err := json.Unmarshal(js.Bytes(), &out); err != nil || len(out.Results) != 1 || len(out.Results[0].Findings) != 1 {
			t.Fatalf("%s: JSON report: %v\n%s", tc.desc, err, js.String())
		}
		got := out.Results[0].Findings[0]
		if got.Fix != tc.wantFix || got.FixPlatform != tc.wantPlatform {
			t.Errorf("%s: fix, fix_platform = %q, %q; want %q, %q", tc.desc, got.Fix, got.FixPlatform, tc.wantFix, tc.wantPlatform)
		}
	}
}
