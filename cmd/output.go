package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/report"
	"github.com/corslint/corslint/rules"
)

// outputFlags are shared by every command that produces a report.
type outputFlags struct {
	format  string
	color   string
	failOn  string
	verbose bool
	// platform picks the platform whose fix each finding shows.
	platform string
}

func (o *outputFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	c.Flags().StringVar(&o.color, "color", "auto", "color the text output: auto, always or never (NO_COLOR is honoured)")
	c.Flags().StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding reaches this severity: error, warning, info or never")
	c.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "show every request and response, also for clean results")
	c.Flags().StringVar(&o.platform, "platform", "", "show each finding's fix for this platform: "+strings.Join(rules.PlatformIDs(), ", "))
}

// validate checks the output flags before any request is sent.
func (o *outputFlags) validate(e *env) (lint.Severity, report.Options, error) {
	threshold, err := lint.ParseSeverity(o.failOn)
	if err != nil {
		return 0, report.Options{}, usageErrorf("invalid --fail-on: %v", err)
	}
	if _, ok := rules.LookupPlatform(o.platform); o.platform != "" && !ok {
		return 0, report.Options{}, usageErrorf("invalid --platform %q: want one of %s", o.platform, strings.Join(rules.PlatformIDs(), ", "))
	}
	if !report.Known(o.format) {
		return 0, report.Options{}, usageErrorf("invalid --format %q: want one of %v", o.format, report.Formats())
	}
	colored, err := colorEnabled(o.color, e.stdoutIsTTY)
	if err != nil {
		return 0, report.Options{}, err
	}
	return threshold, report.Options{Color: colored && o.format == "text", Verbose: o.verbose, Platform: o.platform}, nil
}

// finish renders a report and turns it into the command's exit status.
func finish(e *env, r *lint.Report, format string, opts report.Options, threshold lint.Severity) error {
	if err := report.Write(e.stdout, format, r, opts); err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	return exitStatus(r, threshold)
}

// exitStatus is the exit contract: unreachable targets outrank findings,
// because a run that could not look proves nothing.
func exitStatus(r *lint.Report, threshold lint.Severity) error {
	if down := r.Unreachable(); len(down) > 0 {
		err := fmt.Errorf("could not reach %s", down[0].Error)
		if len(down) > 1 {
			err = fmt.Errorf("%d probes could not reach their target; first: %s", len(down), down[0].Error)
		}
		return &exitError{code: ExitUnreachable, err: err}
	}
	if r.Fails(threshold) {
		return &exitError{code: ExitFindings}
	}
	return nil
}
