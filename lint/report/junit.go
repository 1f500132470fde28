package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/corslint/corslint/lint"
)

// JUnit XML as CI systems read it (GitLab, Jenkins, GitHub test reporters):
// a suite per endpoint and request, a test case per origin probed, a
// <failure> per finding that fails the run, an <error> for a target that
// could not be reached. No timings, so reports are reproducible.
type junitSuites struct {
	XMLName  xml.Name      `xml:"testsuites"`
	Name     string        `xml:"name,attr"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Errors   int           `xml:"errors,attr"`
	Skipped  int           `xml:"skipped,attr"`
	Suites   []*junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Cases    []*junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string          `xml:"name,attr"`
	ClassName string          `xml:"classname,attr"`
	Failures  []junitProblem  `xml:"failure"`
	Error     *junitProblem   `xml:"error"`
	Skipped   *junitSkipped   `xml:"skipped"`
	SystemOut *junitSystemOut `xml:"system-out"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Multi-line text goes in CDATA, which keeps newlines readable where
// character data would escape them.
type junitSystemOut struct {
	Text string `xml:",cdata"`
}

func writeJUnit(w io.Writer, r *lint.Report, opts Options) error {
	out := junitSuites{Name: "corslint"}
	var suite *junitSuite
	var last *lint.Target
	for _, res := range r.Results {
		// A suite per target: the plan keeps a target's probes together.
		if suite == nil || res.Target != last || res.Target == nil {
			suite = &junitSuite{Name: suiteName(res)}
			out.Suites = append(out.Suites, suite)
			last = res.Target
		}
		c := &junitCase{Name: "from " + res.Origin + sourceTag(res), ClassName: suite.Name}
		var notes []string
		for _, f := range res.Findings {
			switch {
			case f.Suppressed:
				notes = append(notes, fmt.Sprintf("%s %s (suppressed): %s", f.Severity, f.RuleID, f.Message))
			case f.Severity >= opts.FailOn && opts.FailOn < lint.Never:
				c.Failures = append(c.Failures, junitProblem{
					Message: fmt.Sprintf("%s: %s", f.RuleID, f.Message),
					Type:    f.RuleID,
					Text:    xmlSafe(findingDetails(f, opts)),
				})
			default:
				notes = append(notes, fmt.Sprintf("%s %s: %s", f.Severity, f.RuleID, f.Message))
			}
		}
		if res.Error != nil {
			c.Error = &junitProblem{Message: "unreachable: " + res.Error.Error(), Type: "unreachable", Text: xmlSafe(res.Error.Error())}
		} else if res.Verdict == lint.Unverified && len(c.Failures) == 0 {
			c.Skipped = &junitSkipped{Message: res.Unverified}
		}
		if len(notes) > 0 {
			c.SystemOut = &junitSystemOut{Text: xmlSafe(strings.Join(notes, "\n"))}
		}
		suite.Cases = append(suite.Cases, c)
		suite.Tests++
		suite.Failures += len(c.Failures)
		if c.Error != nil {
			suite.Errors++
		}
		if c.Skipped != nil {
			suite.Skipped++
		}
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// suiteName names an endpoint and request: the config's name when there
// is one, with the request, which names alone do not tell apart.
func suiteName(res *lint.Result) string {
	s := res.Method + " " + res.URL + credentialsTag(res)
	if res.Name != "" {
		s = res.Name + ": " + s
	}
	return s
}

// sourceTag says why an origin was probed, when it is not an allowed one.
func sourceTag(res *lint.Result) string {
	switch res.Source.Kind {
	case lint.SourceDenied:
		return " (must be denied)"
	case lint.SourceAttack:
		return fmt.Sprintf(" (attacker probe: %s, from %s)", res.Source.Technique, res.Source.From)
	}
	return ""
}

// findingDetails is a finding's full text for formats with room for it.
func findingDetails(f lint.Finding, opts Options) string {
	var b strings.Builder
	where := f.Phase.String()
	if f.Hop > 0 {
		where += fmt.Sprintf(", redirect %d (%s)", f.Hop, f.URL)
	}
	fmt.Fprintf(&b, "%s %s [%s]\n%s\n", f.Severity, f.RuleID, where, f.Message)
	if f.Note != "" {
		b.WriteString(f.Note + "\n")
	}
	for _, e := range f.Evidence {
		if e != "" {
			b.WriteString("  | " + e + "\n")
		}
	}
	if c := f.ChromiumError(); c != "" {
		b.WriteString("Chromium: " + c + "\n")
	}
	if f.Rule != nil {
		fix, _ := fixFor(f.Rule, opts)
		b.WriteString("Fix: " + fix + "\n")
		b.WriteString("See " + RulesDocURL + "#" + f.RuleID + "\n")
	}
	return b.String()
}

// xmlSafe replaces the characters XML 1.0 forbids even in CDATA (control
// characters a server may put in a header value) with U+FFFD. Attributes
// need no help: encoding/xml escapes them.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, 0xD800 <= r && r <= 0xDFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}
