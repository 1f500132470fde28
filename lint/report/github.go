package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/corslint/corslint/lint"
)

// GitHub Actions workflow commands
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// one annotation per unsuppressed finding, ::error, ::warning or ::notice by
// severity, and one ::error per unreachable target. Findings have a URL,
// not a file position, so no file= is given.
func writeGitHub(w io.Writer, r *lint.Report, opts Options) error {
	gw := &errWriter{w: w}
	for _, res := range r.Results {
		if res.Error != nil {
			gw.printf("::error title=%s::%s\n", escapeProperty("corslint: unreachable"),
				escapeData(fmt.Sprintf("%s %s from %s: %s", res.Method, res.URL, res.Origin, res.Error.Error())))
		}
		for _, f := range res.Findings {
			if f.Suppressed {
				continue
			}
			msg := fmt.Sprintf("%s %s from %s%s%s: %s", res.Method, res.URL, res.Origin, credentialsTag(res), sourceTag(res), f.Message)
			if f.Note != "" {
				msg += "\n" + f.Note
			}
			if f.Rule != nil {
				fix, _ := fixFor(f.Rule, opts)
				msg += "\nFix: " + fix
			}
			gw.printf("::%s title=%s::%s\n", githubCommand(f.Severity), escapeProperty("corslint: "+f.RuleID), escapeData(msg))
		}
	}
	plain := func(_ bool, s string) string { return s }
	gw.printf("corslint: %s\n", outcomeSummary(r, r.Summarize(), plain))
	return gw.err
}

func githubCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message, as the Actions toolkit
// does: a raw newline would end the command and print the rest as a log line.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value (title=...), where ':' and ','
// are separators too.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// errWriter keeps the first write error, so writers can print freely and
// check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
