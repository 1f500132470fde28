package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/report"
)

// defaultBaselineFile is where `corslint baseline` writes by default.
const defaultBaselineFile = "corslint-baseline.json"

// baselineVersion is the baseline file format's version.
const baselineVersion = 1

// baselineFile is a baseline as stored: the fingerprints that identify
// accepted findings, with enough context for a reviewer to read the diff.
// Entries are in the run's order, so regenerating an unchanged baseline
// changes nothing.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Method      string `json:"method"`
	URL         string `json:"url"`
	Origin      string `json:"origin"`
	Phase       string `json:"phase"`
	Hop         int    `json:"hop,omitempty"`
}

// baseline is a loaded baseline: the fingerprints of accepted findings.
type baseline struct {
	fingerprints map[string]bool
	path         string
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, usageErrorf("cannot read baseline %s: %v", path, err)
	}
	var f baselineFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, usageErrorf("invalid baseline %s: %v", path, err)
	}
	if f.Version != baselineVersion {
		return nil, usageErrorf("invalid baseline %s: version %d, want %d (regenerate it with corslint baseline)", path, f.Version, baselineVersion)
	}
	b := &baseline{path: path, fingerprints: map[string]bool{}}
	for _, e := range f.Findings {
		b.fingerprints[e.Fingerprint] = true
	}
	return b, nil
}

// apply suppresses the findings the baseline accepted.
func (b *baseline) apply(r *lint.Report) {
	for _, res := range r.Results {
		res.Suppress("baseline "+b.path, func(f *lint.Finding) bool { return b.fingerprints[report.Fingerprint(res, f)] })
	}
}

// newBaseline records a report's unsuppressed findings.
func newBaseline(r *lint.Report) baselineFile {
	out := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	seen := map[string]bool{}
	for _, res := range r.Results {
		for i := range res.Findings {
			f := &res.Findings[i]
			fp := report.Fingerprint(res, f)
			if f.Suppressed || seen[fp] {
				continue
			}
			seen[fp] = true
			out.Findings = append(out.Findings, baselineEntry{
				Fingerprint: fp, Rule: f.RuleID, Method: res.Method, URL: res.URL, Origin: res.Origin,
				Phase: f.Phase.String(), Hop: f.Hop,
			})
		}
	}
	return out
}

func newBaselineCommand(e *env) *cobra.Command {
	f := &runFlags{}
	var path string
	c := &cobra.Command{
		Use:   "baseline [-c corslint.yaml] [-o corslint-baseline.json]",
		Short: "Record the current findings, so that run --baseline fails only on new ones",
		Long: `baseline runs the configured checks, as run does, and writes every finding to a
file. Commit it, then run with --baseline FILE: the recorded findings are
reported as suppressed and only new ones fail the run. Findings are matched by
a fingerprint of the rule, the request, the origin and where in the fetch the
rule fired, never by message or timing, so a baseline survives reworded
messages and token rotation.

Nothing is written when a target cannot be reached (exit 3): a baseline that
misses an endpoint's findings would hide them later.

` + exitCodesHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			r, _, err := f.execute(c, e)
			if err != nil {
				return err
			}
			if down := r.Unreachable(); len(down) > 0 {
				err := exitStatus(r, lint.Never)
				return &exitError{code: ExitUnreachable, err: fmt.Errorf("%v; baseline not written", err)}
			}
			b := newBaseline(r)
			data, err := json.MarshalIndent(b, "", "  ")
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
				return usageErrorf("cannot write baseline: %v", err)
			}
			fmt.Fprintf(e.stderr, "corslint: recorded %d %s from %d probes in %s\n", len(b.Findings), plural(len(b.Findings), "finding", "findings"), len(r.Results), path)
			return nil
		},
	}
	f.register(c)
	f.out.registerRuleSelection(c)
	c.Flags().StringVarP(&path, "output", "o", defaultBaselineFile, "file to write the baseline to")
	return c
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
