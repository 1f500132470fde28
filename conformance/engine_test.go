//go:build browser

package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/corslint/corslint/cmd"
)

// engineArgs is the corslint command line for a case: the same request the
// page's script makes, from the same origin ("null" for a sandboxed page).
// --send makes corslint send the actual request whatever the method, as the
// browser does. Every host name of the case goes to 127.0.0.1, as
// Chromium's resolver rules send it, and a TLS hop's self-signed
// certificate is accepted, as Chromium accepts it.
func engineArgs(s *server, c *testCase) []string {
	origin := s.pageOrigin(c)
	if c.sandbox {
		origin = "null"
	}
	args := []string{
		"check", s.url(byEngine, c, 0, ""),
		"--origin", origin,
		"--send", "--format", "json", "--timeout", "10s",
	}
	// The hosts that are names, not 127.0.0.1: the page's and the hops'.
	origins := []string{s.pageOrigin(c)}
	insecure := false
	for _, h := range c.hops {
		origins = append(origins, s.hopOrigin(h))
		insecure = insecure || h.role.secure()
	}
	var resolve []string
	for _, o := range origins {
		if u, err := url.Parse(o); err == nil && u.Hostname() != "127.0.0.1" {
			resolve = append(resolve, u.Host)
		}
	}
	slices.Sort(resolve)
	for _, hostPort := range slices.Compact(resolve) {
		args = append(args, "--resolve", hostPort+":127.0.0.1")
	}
	if insecure {
		args = append(args, "--insecure")
	}
	if c.method != "" {
		args = append(args, "-X", c.method)
	}
	for _, h := range c.header {
		args = append(args, "-H", h)
	}
	if c.body != "" {
		args = append(args, "-d", c.body)
	}
	if c.creds {
		args = append(args, "--credentials")
	}
	for _, name := range c.reads {
		args = append(args, "--reads-header", name)
	}
	return args
}

// notExposed is the rule that reports a header the script reads but
// cannot see.
const notExposed = "response-header-not-exposed"

// engineReport is the part of corslint's JSON report the suite compares.
type engineReport struct {
	Results []struct {
		Verdict   string `json:"verdict"`
		BlockedBy *struct {
			Rule            string `json:"rule"`
			ChromiumError   string `json:"chromium_error"`
			FailedParameter string `json:"failed_parameter"`
		} `json:"blocked_by"`
		Unverified string            `json:"unverified_reason"`
		Error      string            `json:"error"`
		Redirects  []json.RawMessage `json:"redirects"`
		Findings   []struct {
			Rule  string `json:"rule"`
			Phase string `json:"phase"`
			Hop   int    `json:"hop"`
			Param string `json:"param"`
		} `json:"findings"`
	} `json:"results"`
}

// runEngine runs corslint in-process on a case and returns its verdict.
func runEngine(ctx context.Context, s *server, c *testCase) (outcome, error) {
	var stdout, stderr bytes.Buffer
	args := engineArgs(s, c)
	code := cmd.Main(ctx, args, &stdout, &stderr)
	if code != 0 && code != 1 {
		return outcome{}, fmt.Errorf("corslint %s: exit %d: %s", strings.Join(args, " "), code, strings.TrimSpace(stderr.String()))
	}
	var rep engineReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		return outcome{}, fmt.Errorf("corslint JSON: %v", err)
	}
	if len(rep.Results) != 1 {
		return outcome{}, fmt.Errorf("corslint JSON: got %d results; want 1", len(rep.Results))
	}
	r := rep.Results[0]
	switch r.Verdict {
	case "allowed":
		// The hidden headers are those of the response the fetch resolved
		// with: the actual response of the last hop.
		var hidden []string
		for _, f := range r.Findings {
			if f.Rule == notExposed && f.Phase == "actual" && f.Hop == len(r.Redirects) {
				hidden = append(hidden, f.Param)
			}
		}
		return outcome{hidden: hidden}, nil
	case "blocked":
		if r.BlockedBy == nil {
			return outcome{}, fmt.Errorf("corslint JSON: blocked without blocked_by")
		}
		o := outcome{blocked: true, reason: r.BlockedBy.ChromiumError, detail: r.BlockedBy.Rule}
		if !strings.Contains(o.reason, ":") { // a CorsError, not a net:: or blocked: reason
			o.param = r.BlockedBy.FailedParameter
		}
		return o, nil
	}
	return outcome{blocked: true, reason: "unverified", detail: r.Unverified + r.Error}, nil
}
