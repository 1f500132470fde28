package attack

import (
	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/origin"
)

// Probes returns the attacker probes for a target: each derived origin,
// sent as the target's own request (same method, headers and credentials
// mode), with Source{Kind: attack, Technique: family, From: allowed origin}.
// families selects the families (nil: all, as ParseFamilies returns them).
func Probes(t *lint.Target, families []string) []lint.Probe {
	skip := make([]origin.Origin, 0, len(t.Origins)+len(t.Denied)+1)
	skip = append(skip, t.Origins...)
	skip = append(skip, t.Denied...)
	if _, self, err := lint.ParseTargetURL(t.Request.URL); err == nil {
		skip = append(skip, self)
	}
	var probes []lint.Probe
	for _, a := range Derive(t.Origins, Options{Families: families, TrustSubdomains: t.TrustSubdomains, Skip: skip}) {
		probes = append(probes, lint.Probe{
			Target: t,
			Origin: a.Origin,
			Source: lint.Source{Kind: lint.SourceAttack, Technique: a.Family, From: a.From},
		})
	}
	return probes
}

// Planner returns a lint.PlanOptions.Attackers function deriving the given
// families (nil: all) for every target.
func Planner(families []string) func(t *lint.Target) []lint.Probe {
	return func(t *lint.Target) []lint.Probe { return Probes(t, families) }
}
