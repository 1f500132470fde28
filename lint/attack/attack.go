// Package attack derives, from the origins a CORS allow-list is meant to
// admit, the origins an attacker would try against it: the ones that slip
// through the usual matching mistakes (reflection, prefix or suffix tests,
// unescaped dots in a pattern, trusted subdomains, http next to https).
//
// Every derived origin is one a browser can really send: it parses with
// origin.Parse, and its host is one an attacker could own (a name under a
// listed public suffix, or under attacker.test, which stands for any domain
// the attacker registers). The package does no I/O: derived origins are only
// ever sent as Origin header values.
package attack

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/corslint/corslint/lint/origin"
)

// Probe families, one per matching mistake. Their names are the values of
// --probes and the Technique of an attacker probe's Source.
const (
	// Unrelated is a site with nothing in common with the allowed ones:
	// granting it means any origin is granted (reflection or a wildcard).
	Unrelated = "unrelated"
	// Null is the opaque origin of sandboxed iframes and data: documents,
	// which any page can create.
	Null = "null"
	// Prefix is the allowed host followed by the attacker's domain
	// (app.example.com.attacker.test): a startsWith test or a pattern
	// without an end anchor admits it.
	Prefix = "prefix"
	// Suffix glues a label before the registrable domain
	// (attackerexample.com): an endsWith test without the dot admits it.
	Suffix = "suffix"
	// UnescapedDot replaces a dot of the allowed host with a letter
	// (appxexample.com): a pattern written with "." for "\." admits it.
	UnescapedDot = "unescaped-dot"
	// Subdomain is a subdomain of the registrable domain
	// (attacker.example.com): a wildcard or endsWith(".example.com") admits
	// it, so any subdomain takeover or user content there becomes trusted.
	Subdomain = "subdomain"
	// Scheme is the http:// origin of an https:// one: a network attacker
	// can inject script into it.
	Scheme = "scheme"
	// SpecialChars appends a character browsers accept in hosts before the
	// attacker's domain (app.example.com_.attacker.test): server-side URL
	// parsers and \b or \w patterns that stop at it see the allowed host.
	SpecialChars = "special-chars"
	// ThirdParty is a site on a hosting platform where anyone can publish
	// (attacker.github.io, attacker.vercel.app).
	ThirdParty = "third-party"
)

var families = []string{Unrelated, Null, Prefix, Suffix, UnescapedDot, Subdomain, Scheme, SpecialChars, ThirdParty}

// Families returns every family name, in probe order.
func Families() []string { return slices.Clone(families) }

// ParseFamilies validates family names, as given to --probes, and returns
// them in probe order without repeats. "all" selects every family; an empty
// list selects none.
func ParseFamilies(names []string) ([]string, error) {
	want := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n != "all" && !slices.Contains(families, n) {
			return nil, fmt.Errorf("unknown probe family %q: want all or one of %s", n, strings.Join(families, ", "))
		}
		want[n] = true
	}
	if want["all"] {
		return Families(), nil
	}
	out := []string{} // not nil: an empty selection means no family, not all
	for _, f := range families {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// AttackerDomain stands for any domain the attacker registers. The .test
// top-level domain is reserved (RFC 6761): it never resolves, which does not
// matter since derived origins are never dialled.
const AttackerDomain = "attacker.test"

// attackerLabel names the attacker's label in derived hosts.
const attackerLabel = "attacker"

// dotReplacement replaces a dot for the UnescapedDot family: any letter
// matches an unescaped ".", and a letter keeps the host valid.
const dotReplacement = "x"

// specialChars are appended to the allowed host by the SpecialChars family.
// Browsers accept more ("!$&'()*+,;=_~" and more, per the URL standard's
// forbidden domain code points), but these two cover the parser classes:
// "_" is a word character (\w, \b patterns), "!" is not a host character to
// RFC 3986 parsers such as Node's legacy url.parse, which cut the host there.
var specialChars = []string{"_", "!"}

// hostingSuffixes are public suffixes of platforms where anyone can publish
// a site under a subdomain; a pattern admitting *.vercel.app for preview
// deployments admits every other customer's too.
var hostingSuffixes = []string{"github.io", "netlify.app", "vercel.app", "pages.dev"}

// Attacker is a derived origin and how it was derived.
type Attacker struct {
	Origin origin.Origin
	Family string
	// From is the serialized allowed origin the attacker imitates; for
	// families derived from no particular origin (unrelated, null and the
	// fixed third-party hosts), the first allowed one.
	From string
}

// Options tune Derive.
type Options struct {
	// Families to derive, in any order; nil means all.
	Families []string
	// TrustSubdomains drops the Subdomain family: the owner declared every
	// subdomain of the allowed registrable domains trusted.
	TrustSubdomains bool
	// Skip lists origins never to return: the allowed and must-deny ones
	// (probed on their own) and the target's own origin (no CORS check).
	Skip []origin.Origin
}

// Derive returns the attacker origins for an allow-list, in a fixed order:
// by family (as listed in Families), then by allowed origin, without
// repeats. Opaque allowed origins derive nothing but the target-level
// families.
func Derive(allowed []origin.Origin, opts Options) []Attacker {
	enabled := opts.Families
	if enabled == nil {
		enabled = families
	}
	seen := map[string]bool{}
	for _, o := range opts.Skip {
		seen[o.String()] = true
	}
	var tuples []origin.Origin
	for _, o := range allowed {
		seen[o.String()] = true
		if !o.IsOpaque() {
			tuples = append(tuples, o)
		}
	}
	first := ""
	if len(tuples) > 0 {
		first = tuples[0].String()
	}
	var out []Attacker
	add := func(family, from string, o origin.Origin) {
		s := o.String()
		if seen[s] || !browserValid(o) {
			return
		}
		seen[s] = true
		out = append(out, Attacker{Origin: o, Family: family, From: from})
	}
	for _, family := range families {
		if !slices.Contains(enabled, family) || (family == Subdomain && opts.TrustSubdomains) {
			continue
		}
		switch family {
		case Unrelated:
			scheme := "https"
			if len(tuples) > 0 {
				scheme = tuples[0].Scheme
			}
			add(family, first, origin.Origin{Scheme: scheme, Host: AttackerDomain})
		case Null:
			add(family, first, origin.Opaque())
		case ThirdParty:
			// Platforms the allowed origins live on first: those are the
			// wildcards most likely written.
			for _, o := range tuples {
				if suffix, ok := hostingSuffix(o); ok {
					add(family, o.String(), origin.Origin{Scheme: "https", Host: attackerLabel + "." + suffix})
				}
			}
			for _, suffix := range hostingSuffixes {
				add(family, first, origin.Origin{Scheme: "https", Host: attackerLabel + "." + suffix})
			}
		default:
			for _, o := range tuples {
				for _, d := range derive(family, o) {
					add(family, o.String(), d)
				}
			}
		}
	}
	return out
}

// derive returns the origins one family derives from one allowed origin.
func derive(family string, o origin.Origin) []origin.Origin {
	with := func(host string) origin.Origin { return origin.Origin{Scheme: o.Scheme, Host: host, Port: o.Port} }
	ipv6 := strings.HasPrefix(o.Host, "[")
	switch family {
	case Prefix:
		if !ipv6 {
			return []origin.Origin{with(o.Host + "." + AttackerDomain)}
		}
	case SpecialChars:
		if !ipv6 {
			var out []origin.Origin
			for _, c := range specialChars {
				out = append(out, with(o.Host+c+"."+AttackerDomain))
			}
			return out
		}
	case Suffix:
		if rd, ok := registrableDomain(o); ok {
			if host := attackerLabel + rd; ownable(host, rd) {
				return []origin.Origin{with(host)}
			}
		}
	case UnescapedDot:
		// Replace the leftmost dot that yields a name the attacker can
		// register: in app.example.com, appxexample.com; in example.com
		// no dot does (examplexcom is no domain), so nothing is derived.
		if rd, ok := registrableDomain(o); ok {
			for i := 0; i < len(o.Host); i++ {
				if o.Host[i] != '.' {
					continue
				}
				if host := o.Host[:i] + dotReplacement + o.Host[i+1:]; ownable(host, rd) {
					return []origin.Origin{with(host)}
				}
			}
		}
	case Subdomain:
		if rd, ok := registrableDomain(o); ok {
			return []origin.Origin{with(attackerLabel + "." + rd)}
		}
	case Scheme:
		// A loopback http origin cannot be tampered with from the network.
		if o.Scheme == "https" && !o.IsLoopback() {
			d := with(o.Host)
			d.Scheme = "http"
			if d.Port == "80" {
				d.Port = "" // the default port is never serialized
			}
			return []origin.Origin{d}
		}
	}
	return nil
}

// registrableDomain returns the registrable domain (eTLD+1) of an allowed
// origin's host when it is a name under a listed public suffix. IP
// addresses, localhost names, single-label and intranet names have none an
// attacker could imitate.
func registrableDomain(o origin.Origin) (string, bool) {
	if o.IsOpaque() || o.IsIP() || o.IsLoopback() || strings.HasSuffix(o.Host, ".") {
		return "", false
	}
	rd, err := publicsuffix.EffectiveTLDPlusOne(o.Host)
	if err != nil || !listed(rd) {
		return "", false
	}
	return rd, true
}

// ownable reports whether host is a name an attacker could register,
// outside the registrable domain rd they imitate.
func ownable(host, rd string) bool {
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	return err == nil && d != rd && listed(d)
}

// listed reports whether a domain's public suffix is on the list, rather
// than the list's implicit "*" rule for unknown top-level domains, under
// which no one can register anything. The reserved .test and .example
// (RFC 2606) count as listed: they stand for real top-level domains in test
// setups and documentation, where lookalikes must be probed just the same.
func listed(domain string) bool {
	ps, icann := publicsuffix.PublicSuffix(domain)
	return icann || strings.Contains(ps, ".") || ps == "test" || ps == "example"
}

// hostingSuffix returns the private public suffix an allowed origin lives
// under (github.io for user.github.io), if any: anyone can publish there.
func hostingSuffix(o origin.Origin) (string, bool) {
	if o.IsOpaque() || o.IsIP() || !strings.Contains(o.Host, ".") {
		return "", false
	}
	ps, icann := publicsuffix.PublicSuffix(o.Host)
	if icann || !strings.Contains(ps, ".") || ps == o.Host {
		return "", false
	}
	return ps, true
}

// browserValid reports whether o is an origin a browser can send and an
// attacker can serve a page from: it parses as a serialized origin, and its
// host fits DNS (labels of 1 to 63 bytes, 253 in all).
func browserValid(o origin.Origin) bool {
	if o.IsOpaque() {
		return true
	}
	parsed, err := origin.Parse(o.String())
	if err != nil || parsed != o {
		return false
	}
	if o.IsIP() {
		return true
	}
	if len(o.Host) > 253 {
		return false
	}
	for _, label := range strings.Split(o.Host, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
	}
	return true
}
