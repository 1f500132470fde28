package lint

import (
	"github.com/corslint/corslint/lint/origin"
)

// PlanOptions tune which probes a plan holds.
type PlanOptions struct {
	// Only, when non-empty, narrows every target to this origin (the
	// --origin flag of a configured run).
	Only *origin.Origin
	// Attackers, when set, derives attacker origins for a target from its
	// allowed origins; each is probed with the target's request.
	Attackers func(t *Target) []Probe
}

// Plan expands targets into probes, in a deterministic order: for each
// target, its allowed origins, then its must-deny origins, then the
// attacker origins derived from the allowed ones.
func Plan(targets []*Target, opts PlanOptions) []Probe {
	var probes []Probe
	for _, t := range targets {
		for _, o := range t.Origins {
			if opts.Only != nil && o.String() != opts.Only.String() {
				continue
			}
			probes = append(probes, Probe{Target: t, Origin: o, Source: Source{Kind: SourceAllowed}})
		}
		if opts.Only != nil && !containsOrigin(t.Origins, *opts.Only) && !containsOrigin(t.Denied, *opts.Only) {
			// Narrowed to an origin the target does not list: probe it
			// as the page the developer is debugging.
			probes = append(probes, Probe{Target: t, Origin: *opts.Only, Source: Source{Kind: SourceAllowed}})
		}
		for _, o := range t.Denied {
			if opts.Only != nil && o.String() != opts.Only.String() {
				continue
			}
			probes = append(probes, Probe{Target: t, Origin: o, Source: Source{Kind: SourceDenied}})
		}
		if opts.Attackers != nil && opts.Only == nil {
			probes = append(probes, opts.Attackers(t)...)
		}
	}
	return probes
}

func containsOrigin(list []origin.Origin, o origin.Origin) bool {
	for _, x := range list {
		if x.String() == o.String() {
			return true
		}
	}
	return false
}
