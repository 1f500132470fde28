package lint

// Suppress marks the findings match selects as suppressed (a baseline, a
// rule turned off in the config), recording why, and returns how many it
// marked. When one
// of them was a blocking finding, the verdict is recomputed: the next
// blocking finding, if any, decides. Probes from origins that must be
// denied carry no blocking finding, so their verdict stays as the browser
// gave it.
func (r *Result) Suppress(why string, match func(*Finding) bool) int {
	n := 0
	redecide := false
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed || !match(f) {
			continue
		}
		f.Suppressed = true
		f.SuppressedBy = why
		n++
		redecide = redecide || f.Blocks
	}
	if redecide {
		r.Decide()
	}
	return n
}
