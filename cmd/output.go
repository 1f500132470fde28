package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

	// The CI flags, registered by registerCI.
	outputs        []string // --output FORMAT=FILE
	only, skip     []string // rule IDs
	baseline       string
	showSuppressed bool

	// Set by validate.
	files       []outputFile
	baselineSet *baseline
}

// outputFile is one --output FORMAT=FILE.
type outputFile struct {
	format, path string
}

func (o *outputFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&o.format, "format", "text", "output format on stdout: "+strings.Join(report.Formats(), ", "))
	c.Flags().StringVar(&o.color, "color", "auto", "color the text output: auto, always or never (NO_COLOR is honoured)")
	c.Flags().StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding reaches this severity: error, warning, info or never")
	c.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "show every request and response, also for clean results")
	c.Flags().StringVar(&o.platform, "platform", "", "show each finding's fix for this platform: "+strings.Join(rules.PlatformIDs(), ", "))
}

// registerCI adds the flags of commands that gate CI: report files, rule
// selection and baselines.
func (o *outputFlags) registerCI(c *cobra.Command) {
	c.Flags().StringArrayVar(&o.outputs, "output", nil, "also write a report to a file, FORMAT=FILE, e.g. sarif=corslint.sarif (repeatable)")
	o.registerRuleSelection(c)
	c.Flags().StringVar(&o.baseline, "baseline", "", "report the findings recorded in this file (corslint baseline) as suppressed, and fail only on new ones")
	c.Flags().BoolVar(&o.showSuppressed, "show-suppressed", false, "also show suppressed findings (baseline, rules turned off in the config)")
}

// registerRuleSelection adds --only and --skip.
func (o *outputFlags) registerRuleSelection(c *cobra.Command) {
	c.Flags().StringSliceVar(&o.only, "only", nil, "run only these rules (IDs, comma-separated or repeated); a blocking rule left out no longer decides the verdict")
	c.Flags().StringSliceVar(&o.skip, "skip", nil, "do not run these rules (IDs, comma-separated or repeated)")
}

// validate checks the output flags before any request is sent, and loads
// the baseline: a typo must not cost a whole run.
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
	o.files = nil
	for _, spec := range o.outputs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return 0, report.Options{}, usageErrorf("invalid --output %q: want FORMAT=FILE, e.g. sarif=corslint.sarif", spec)
		}
		if !report.Known(format) {
			return 0, report.Options{}, usageErrorf("invalid --output %q: unknown format %q, want one of %v", spec, format, report.Formats())
		}
		if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
			return 0, report.Options{}, usageErrorf("invalid --output %q: directory %s does not exist", spec, filepath.Dir(path))
		}
		o.files = append(o.files, outputFile{format: format, path: path})
	}
	if _, err := o.selectRules(); err != nil {
		return 0, report.Options{}, err
	}
	if o.baseline != "" {
		if o.baselineSet, err = readBaseline(o.baseline); err != nil {
			return 0, report.Options{}, err
		}
	}
	opts := report.Options{Color: colored && o.format == "text", Verbose: o.verbose, ShowSuppressed: o.showSuppressed, FailOn: threshold, Platform: o.platform}
	return threshold, opts, nil
}

// selectRules applies --only and --skip to the catalogue.
func (o *outputFlags) selectRules() ([]*lint.Rule, error) {
	for _, list := range []struct {
		flag string
		ids  []string
	}{{"--only", o.only}, {"--skip", o.skip}} {
		for _, id := range list.ids {
			if rules.ByID(id) == nil {
				return nil, usageErrorf("invalid %s: unknown rule %q (corslint rules lists them)", list.flag, id)
			}
		}
	}
	var out []*lint.Rule
	for _, r := range rules.All() {
		if (len(o.only) == 0 || slices.Contains(o.only, r.ID)) && !slices.Contains(o.skip, r.ID) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, usageErrorf("--only and --skip leave no rule to run")
	}
	return out, nil
}

// finish applies the baseline, renders the report on stdout and to every
// --output file, and turns it into the command's exit status.
func (o *outputFlags) finish(e *env, r *lint.Report, opts report.Options, threshold lint.Severity) error {
	if o.baselineSet != nil {
		o.baselineSet.apply(r)
	}
	if err := report.Write(e.stdout, o.format, r, opts); err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	fileOpts := opts
	fileOpts.Color = false
	for _, f := range o.files {
		if err := writeReportFile(f, r, fileOpts); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
	}
	return exitStatus(r, threshold)
}

func writeReportFile(f outputFile, r *lint.Report, opts report.Options) error {
	w, err := os.Create(f.path)
	if err != nil {
		return fmt.Errorf("cannot write %s report: %w", f.format, err)
	}
	if err := report.Write(w, f.format, r, opts); err != nil {
		_ = w.Close()
		return fmt.Errorf("cannot write %s report to %s: %w", f.format, f.path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("cannot write %s report to %s: %w", f.format, f.path, err)
	}
	return nil
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
