package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
)

// Fingerprint identifies a finding across runs, for SARIF
// partialFingerprints and baselines: the rule, the request (method,
// redacted URL, credentials mode), the page origin, where in the fetch it
// fired (phase, redirect hop, hop URL) and the failed parameter. Nothing
// that varies between identical runs (timing, response bodies, dates) goes
// in, and neither do secrets: the URL is the redacted one.
func Fingerprint(res *lint.Result, f *lint.Finding) string {
	parts := []string{
		"v1",
		f.RuleID,
		res.Method,
		res.URL,
		strconv.FormatBool(res.Credentials),
		res.Origin,
		f.Phase.String(),
		strconv.Itoa(f.Hop),
		f.URL,
		f.Param,
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(sum[:16])
}
