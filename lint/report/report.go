// Package report renders a lint.Report. Renderers decide nothing: verdicts,
// findings, severities and redaction all come from the engine.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/corslint/corslint/lint"
)

// Options tune rendering.
type Options struct {
	// Color enables ANSI colors (text only).
	Color bool
	// Verbose shows every exchange, also for clean results.
	Verbose bool
	// ShowSuppressed includes suppressed findings.
	ShowSuppressed bool
	// FailOn is the --fail-on threshold: in JUnit, unsuppressed findings
	// at or above it are failures, the others are logged.
	FailOn lint.Severity
	// Platform is a --platform ID: findings show the fix in that
	// platform's terms when their rule has one, the generic fix otherwise.
	Platform string
}

// fixFor returns the fix to show for a rule, and the platform it is written
// for ("" for the generic fix).
func fixFor(r *lint.Rule, opts Options) (fix, platform string) {
	if text := r.Platforms[opts.Platform]; opts.Platform != "" && text != "" {
		return text, opts.Platform
	}
	return r.Fix, ""
}

type writerFunc func(io.Writer, *lint.Report, Options) error

var writers = map[string]writerFunc{
	"text":     writeText,
	"json":     writeJSON,
	"sarif":    writeSARIF,
	"junit":    writeJUnit,
	"github":   writeGitHub,
	"markdown": writeMarkdown,
}

// Formats lists the output formats, sorted.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for name := range writers {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Write renders r in the named format.
func Write(w io.Writer, format string, r *lint.Report, opts Options) error {
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats(), ", "))
	}
	return write(w, r, opts)
}

// Known reports whether format names an output format.
func Known(format string) bool {
	_, ok := writers[format]
	return ok
}
