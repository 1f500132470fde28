// Package config reads corslint's configuration file: the endpoints a team
// owns, the requests its pages make to them, the origins that must be let in
// and those that must be kept out, and per-endpoint rule overrides. It turns
// them into lint.Targets.
//
// Parsing is strict: an unknown key, a value of the wrong type, a URL a
// script could not fetch or an origin a browser could not send is an *Error
// naming the file, the line and the key, because a typo in a CI gate must
// fail loudly rather than silently check less.
package config

import (
	_ "embed"
	"fmt"
	"os"
	"time"

	"github.com/corslint/corslint/lint"
)

// DefaultFile is the config file `corslint run` reads when -c is not given.
const DefaultFile = "corslint.yaml"

// Starter is the commented config `corslint init` writes, and the one
// docs/config.md shows.
//
//go:embed starter.yaml
var Starter string

// Error is a problem in a config file, located by line and key.
type Error struct {
	File string
	Line int // 1-based; 0 when the parser could not tell
	// Key is the path to the offending value, e.g.
	// "targets[0].paths[1].origins[0]".
	Key    string
	Reason string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, e.Line)
	}
	if e.Key == "" {
		return loc + ": " + e.Reason
	}
	return loc + ": " + e.Key + ": " + e.Reason
}

// Settings are run settings from the file. Zero values mean "not set":
// command-line flags override whatever is set here.
type Settings struct {
	Concurrency int
	// Rate is requests per second per host; nil when unset, 0 for no limit.
	Rate    *float64
	Timeout time.Duration
	FailOn  *lint.Severity
}

// Override changes how one rule's findings count for an endpoint.
type Override struct {
	// Severity, when set, replaces the rule's severity.
	Severity *lint.Severity
	// Off suppresses the rule's findings; Reason says why, for reviewers.
	Off    bool
	Reason string
}

// Config is a parsed configuration file.
type Config struct {
	File     string
	Settings Settings
	// Targets are the endpoint × request pairs to check, in file order.
	Targets []*lint.Target
	// Overrides are each target's rule overrides by rule ID, merged from
	// the top level, the target and the path (the most specific wins).
	Overrides map[*lint.Target]map[string]Override
	// Secrets are the values expanded from the environment into requests:
	// reports must never show them.
	Secrets []string
}

// Options tune loading.
type Options struct {
	// LookupEnv resolves ${VAR}; nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
}

// Load reads and parses the config file at path.
func Load(path string, opts Options) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Reason: fmt.Sprintf("cannot read config: %v", unwrapPathError(err))}
	}
	return Parse(path, data, opts)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Parse parses a config file's contents; file names it in errors.
func Parse(file string, data []byte, opts Options) (*Config, error) {
	d := &decoder{file: file, lookupEnv: opts.LookupEnv}
	if d.lookupEnv == nil {
		d.lookupEnv = os.LookupEnv
	}
	return d.decode(data)
}

// Apply applies the rule overrides to the results of a run over c.Targets:
// new severities, and suppression for rules turned off.
func (c *Config) Apply(results []*lint.Result) {
	for _, res := range results {
		overrides := c.Overrides[res.Target]
		if len(overrides) == 0 {
			continue
		}
		for i := range res.Findings {
			if o := overrides[res.Findings[i].RuleID]; o.Severity != nil {
				res.Findings[i].Severity = *o.Severity
			}
		}
		for id, o := range overrides {
			if o.Off {
				res.Suppress("turned off in "+c.File+": "+o.Reason, func(f *lint.Finding) bool { return f.RuleID == id })
			}
		}
	}
}
