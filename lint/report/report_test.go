package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// goldenCases render the fixture in every format; text twice, since -v
// shows what the default hides.
var goldenCases = []struct {
	desc, format, file string
	opts               report.Options
}{
	{desc: "text", format: "text", file: "report.txt", opts: report.Options{FailOn: lint.Error}},
	{desc: "text verbose", format: "text", file: "report-verbose.txt", opts: report.Options{FailOn: lint.Error, Verbose: true, ShowSuppressed: true}},
	{desc: "json", format: "json", file: "report.json", opts: report.Options{FailOn: lint.Error}},
	{desc: "sarif", format: "sarif", file: "report.sarif", opts: report.Options{FailOn: lint.Error}},
	{desc: "junit", format: "junit", file: "report.junit.xml", opts: report.Options{FailOn: lint.Error}},
	{desc: "junit failing on warnings", format: "junit", file: "report-fail-on-warning.junit.xml", opts: report.Options{FailOn: lint.Warning}},
	{desc: "github", format: "github", file: "report.github.txt", opts: report.Options{FailOn: lint.Error}},
	{desc: "markdown", format: "markdown", file: "report.md", opts: report.Options{FailOn: lint.Error}},
}

func TestGolden(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range goldenCases {
		covered[tc.format] = true
		t.Run(tc.desc, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Write(&buf, tc.format, fixture(), tc.opts); err != nil {
				t.Fatalf("Write(%s): %v", tc.format, err)
			}
			path := filepath.Join("testdata", tc.file+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("reading golden file (go test ./lint/report -update writes it): %v", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("Write(%s) differs from %s (go test ./lint/report -update rewrites it):\n%s", tc.format, path, firstDiff(got, string(want)))
			}
			// Rendering twice gives the same bytes: nothing depends on
			// map order or the clock.
			var again bytes.Buffer
			if err := report.Write(&again, tc.format, fixture(), tc.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), buf.Bytes()) {
				t.Errorf("Write(%s): two renderings of the same report differ", tc.format)
			}
		})
	}
	for _, f := range report.Formats() {
		if !covered[f] {
			t.Errorf("format %s has no golden file", f)
		}
	}
}

// firstDiff shows the first differing line, which is what one needs to
// see in a long report.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\ngot  " + gl + "\nwant " + wl
		}
	}
	return "(no line differs)"
}

func TestJSONAndXMLAreWellFormed(t *testing.T) {
	for _, format := range []string{"json", "sarif"} {
		var buf bytes.Buffer
		if err := report.Write(&buf, format, fixture(), report.Options{}); err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Errorf("%s output is not JSON: %v", format, err)
		}
	}
	// A server can put control characters in a header value, which XML
	// 1.0 forbids even in CDATA.
	r := fixture()
	r.Results[1].Findings[0].Evidence = append(r.Results[1].Findings[0].Evidence, "X-Odd: a\x01b\x1bc ]]> d")
	var buf bytes.Buffer
	if err := report.Write(&buf, "junit", r, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		XMLName xml.Name
	}
	if err := xml.Unmarshal(buf.Bytes(), &v); err != nil || v.XMLName.Local != "testsuites" {
		t.Errorf("junit output: got root %q, err %v; want <testsuites>", v.XMLName.Local, err)
	}
}

func TestJUnitCounts(t *testing.T) {
	type suite struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name     string     `xml:"name,attr"`
			Failures []struct{} `xml:"failure"`
			Error    *struct{}  `xml:"error"`
		} `xml:"testcase"`
	}
	type suites struct {
		Tests    int     `xml:"tests,attr"`
		Failures int     `xml:"failures,attr"`
		Errors   int     `xml:"errors,attr"`
		Suites   []suite `xml:"testsuite"`
	}
	cases := []struct {
		desc                             string
		failOn                           lint.Severity
		tests, failures, errors, nsuites int
	}{
		// A test case per probe; a failure per finding that fails the run.
		{desc: "fail on error", failOn: lint.Error, tests: 6, failures: 2, errors: 1, nsuites: 5},
		{desc: "fail on warning", failOn: lint.Warning, tests: 6, failures: 3, errors: 1, nsuites: 5},
		{desc: "fail on info", failOn: lint.Info, tests: 6, failures: 4, errors: 1, nsuites: 5},
		{desc: "never fail", failOn: lint.Never, tests: 6, failures: 0, errors: 1, nsuites: 5},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Write(&buf, "junit", fixture(), report.Options{FailOn: tc.failOn}); err != nil {
				t.Fatal(err)
			}
			var got suites
			if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Tests != tc.tests || got.Failures != tc.failures || got.Errors != tc.errors || len(got.Suites) != tc.nsuites {
				t.Errorf("junit: got tests=%d failures=%d errors=%d suites=%d; want %d %d %d %d",
					got.Tests, got.Failures, got.Errors, len(got.Suites), tc.tests, tc.failures, tc.errors, tc.nsuites)
			}
			sum := 0
			for _, s := range got.Suites {
				for _, c := range s.Cases {
					sum += len(c.Failures)
				}
			}
			if sum != got.Failures {
				t.Errorf("junit: <failure> elements: got %d; want the failures attribute, %d", sum, got.Failures)
			}
		})
	}
}

func TestGitHubCommandsStayOnOneLine(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Write(&buf, "github", fixture(), report.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "corslint: ") {
			t.Errorf("github output: line %q is neither a workflow command nor the summary (an unescaped newline?)", line)
		}
	}
	if !strings.Contains(buf.String(), "100%25 sure") {
		t.Errorf("github output: want %% escaped as %%25 in messages")
	}
	if !strings.Contains(buf.String(), "title=corslint%3A header-not-allowed::") {
		t.Errorf("github output: want ':' escaped in the title property")
	}
}

func TestFingerprint(t *testing.T) {
	r := fixture()
	res := r.Results[2]
	f := res.Findings[0]
	base := report.Fingerprint(res, &f)
	if len(base) != 32 {
		t.Errorf("Fingerprint: got %q; want 32 hex digits", base)
	}

	// What identifies a finding changes the fingerprint.
	variants := []struct {
		desc   string
		mutate func(res *lint.Result, f *lint.Finding)
	}{
		{desc: "rule", mutate: func(_ *lint.Result, f *lint.Finding) { f.RuleID = "other" }},
		{desc: "origin", mutate: func(res *lint.Result, _ *lint.Finding) { res.Origin = "https://other.example" }},
		{desc: "method", mutate: func(res *lint.Result, _ *lint.Finding) { res.Method = "PUT" }},
		{desc: "URL", mutate: func(res *lint.Result, _ *lint.Finding) { res.URL += "?x=1" }},
		{desc: "credentials", mutate: func(res *lint.Result, _ *lint.Finding) { res.Credentials = !res.Credentials }},
		{desc: "phase", mutate: func(_ *lint.Result, f *lint.Finding) { f.Phase = lint.Actual }},
		{desc: "hop", mutate: func(_ *lint.Result, f *lint.Finding) { f.Hop = 1 }},
		{desc: "failed parameter", mutate: func(_ *lint.Result, f *lint.Finding) { f.Param = "x-other" }},
	}
	for _, v := range variants {
		res2, f2 := *res, f
		v.mutate(&res2, &f2)
		if got := report.Fingerprint(&res2, &f2); got == base {
			t.Errorf("Fingerprint with another %s: got the same %s; want a different one", v.desc, got)
		}
	}

	// What varies between identical runs does not.
	stable := []struct {
		desc   string
		mutate func(res *lint.Result, f *lint.Finding)
	}{
		{desc: "message", mutate: func(_ *lint.Result, f *lint.Finding) { f.Message = "reworded" }},
		{desc: "evidence", mutate: func(_ *lint.Result, f *lint.Finding) { f.Evidence = []string{"Date: today"} }},
		{desc: "severity override", mutate: func(_ *lint.Result, f *lint.Finding) { f.Severity = lint.Info }},
		{desc: "suppression", mutate: func(_ *lint.Result, f *lint.Finding) { f.Suppressed = true }},
		{desc: "name", mutate: func(res *lint.Result, _ *lint.Finding) { res.Name = "renamed" }},
		{desc: "timing", mutate: func(res *lint.Result, _ *lint.Finding) {
			hop := *res.Hops[0]
			pre := *hop.Preflight
			pre.Duration = 12345
			hop.Preflight = &pre
			res.Hops = []*lint.Hop{&hop}
		}},
	}
	for _, v := range stable {
		res2, f2 := *res, f
		v.mutate(&res2, &f2)
		if got := report.Fingerprint(&res2, &f2); got != base {
			t.Errorf("Fingerprint with another %s: got %s; want the same %s", v.desc, got, base)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := report.Write(&bytes.Buffer{}, "yaml", fixture(), report.Options{})
	if err == nil || !strings.Contains(err.Error(), "markdown") {
		t.Errorf("Write(yaml): got %v; want an error listing the formats", err)
	}
}
