package lint

// Report is everything one run learned. Reporters only render it.
type Report struct {
	Version string
	// Rules are the rules that ran, for rule metadata in reports.
	Rules   []*Rule
	Results []*Result
}

// Summary counts a report's verdicts and unsuppressed findings.
type Summary struct {
	Results int `json:"results"`
	// Allowed, Blocked and Unverified count the probes from origins that
	// must be let in; Probes counts the attacker and must-deny probes, and
	// ProbesFlagged those of them with a finding.
	Allowed       int            `json:"allowed"`
	Blocked       int            `json:"blocked"`
	Unverified    int            `json:"unverified"`
	Unreachable   int            `json:"unreachable"`
	Findings      map[string]int `json:"findings"` // by severity name
	Suppressed    int            `json:"suppressed"`
	Probes        int            `json:"attacker_probes"`
	ProbesFlagged int            `json:"attacker_probes_flagged"`
}

// Summarize counts verdicts and findings.
func (r *Report) Summarize() Summary {
	s := Summary{Results: len(r.Results), Findings: map[string]int{"error": 0, "warning": 0, "info": 0}}
	for _, res := range r.Results {
		if res.Source.KeptOut() {
			s.Probes++
			for _, f := range res.Findings {
				if !f.Suppressed {
					s.ProbesFlagged++
					break
				}
			}
			if res.Error != nil {
				s.Unreachable++
			}
			for _, f := range res.Findings {
				if f.Suppressed {
					s.Suppressed++
				} else {
					s.Findings[f.Severity.String()]++
				}
			}
			continue
		}
		switch res.Verdict {
		case Allowed:
			s.Allowed++
		case Blocked:
			s.Blocked++
		case Unverified:
			s.Unverified++
		}
		if res.Error != nil {
			s.Unreachable++
		}
		for _, f := range res.Findings {
			if f.Suppressed {
				s.Suppressed++
				continue
			}
			s.Findings[f.Severity.String()]++
		}
	}
	return s
}

// Fails reports whether any unsuppressed finding is at or above threshold.
func (r *Report) Fails(threshold Severity) bool {
	if threshold >= Never {
		return false
	}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			if !f.Suppressed && f.Severity >= threshold {
				return true
			}
		}
	}
	return false
}

// Unreachable returns the results whose target could not be reached.
func (r *Report) Unreachable() []*Result {
	var out []*Result
	for _, res := range r.Results {
		if res.Error != nil {
			out = append(out, res)
		}
	}
	return out
}
