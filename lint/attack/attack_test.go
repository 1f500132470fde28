package attack_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/origin"
)

// thirdParty is what the fixed third-party hosts add to every derivation.
var thirdParty = []string{
	"third-party https://attacker.github.io",
	"third-party https://attacker.netlify.app",
	"third-party https://attacker.vercel.app",
	"third-party https://attacker.pages.dev",
}

// deriveTestCases is shared by TestDerive and the fuzz seeds.
var deriveTestCases = []struct {
	desc    string
	allowed []string
	opts    attack.Options
	want    []string // "family origin", in order
}{
	{
		desc:    "registrable domain itself: no dot can be replaced into another domain",
		allowed: []string{"https://example.com"},
		want: append([]string{
			"unrelated https://attacker.test",
			"null null",
			"prefix https://example.com.attacker.test",
			"suffix https://attackerexample.com",
			"subdomain https://attacker.example.com",
			"scheme http://example.com",
			"special-chars https://example.com_.attacker.test",
			"special-chars https://example.com!.attacker.test",
		}, thirdParty...),
	},
	{
		desc:    "subdomain of a registrable domain",
		allowed: []string{"https://app.example.com"},
		want: append([]string{
			"unrelated https://attacker.test",
			"null null",
			"prefix https://app.example.com.attacker.test",
			"suffix https://attackerexample.com",
			"unescaped-dot https://appxexample.com",
			"subdomain https://attacker.example.com",
			"scheme http://app.example.com",
			"special-chars https://app.example.com_.attacker.test",
			"special-chars https://app.example.com!.attacker.test",
		}, thirdParty...),
	},
	{
		desc:    "multi-label ICANN suffix: co.uk is not the registrable domain",
		allowed: []string{"https://example.co.uk"},
		want: append([]string{
			"unrelated https://attacker.test",
			"null null",
			"prefix https://example.co.uk.attacker.test",
			"suffix https://attackerexample.co.uk",
			"unescaped-dot https://examplexco.uk",
			"subdomain https://attacker.example.co.uk",
			"scheme http://example.co.uk",
			"special-chars https://example.co.uk_.attacker.test",
			"special-chars https://example.co.uk!.attacker.test",
		}, thirdParty...),
	},
	{
		desc:    "private suffix: user.github.io is the registrable domain, attacker.github.io another site",
		allowed: []string{"https://user.github.io"},
		want: append([]string{
			"unrelated https://attacker.test",
			"null null",
			"prefix https://user.github.io.attacker.test",
			"suffix https://attackeruser.github.io",
			"unescaped-dot https://userxgithub.io",
			"subdomain https://attacker.user.github.io",
			"scheme http://user.github.io",
			"special-chars https://user.github.io_.attacker.test",
			"special-chars https://user.github.io!.attacker.test",
		}, thirdParty...),
	},
	{
		desc:    "localhost with a port: no registrable domain, no downgrade, port kept",
		allowed: []string{"http://localhost:3000"},
		want: append([]string{
			"unrelated http://attacker.test",
			"null null",
			"prefix http://localhost.attacker.test:3000",
			"special-chars http://localhost_.attacker.test:3000",
			"special-chars http://localhost!.attacker.test:3000",
		}, thirdParty...),
	},
	{
		desc:    "IPv4 with a port: no dot replaced (127x0.0.1 ends in a number, browsers reject it)",
		allowed: []string{"http://127.0.0.1:8080"},
		want: append([]string{
			"unrelated http://attacker.test",
			"null null",
			"prefix http://127.0.0.1.attacker.test:8080",
			"special-chars http://127.0.0.1_.attacker.test:8080",
			"special-chars http://127.0.0.1!.attacker.test:8080",
		}, thirdParty...),
	},
	{
		desc:    "IPv6: nothing can be glued to a bracketed host",
		allowed: []string{"http://[::1]:8080"},
		want:    append([]string{"unrelated http://attacker.test", "null null"}, thirdParty...),
	},
	{
		desc:    "https IPv4 on a LAN: the http origin is a network attacker's",
		allowed: []string{"https://10.0.0.5"},
		opts:    attack.Options{Families: []string{attack.Scheme, attack.Suffix, attack.UnescapedDot, attack.Subdomain}},
		want:    []string{"scheme http://10.0.0.5"},
	},
	{
		desc:    "https on a non-default port keeps it; https on :80 downgrades to the default http port",
		allowed: []string{"https://example.com:8443", "https://example.org:80"},
		opts:    attack.Options{Families: []string{attack.Scheme}},
		want:    []string{"scheme http://example.com:8443", "scheme http://example.org"},
	},
	{
		desc:    "loopback names: no downgrade, no subdomain, no lookalike",
		allowed: []string{"https://app.localhost"},
		opts:    attack.Options{Families: []string{attack.Suffix, attack.UnescapedDot, attack.Subdomain, attack.Scheme}},
		want:    nil,
	},
	{
		desc:    "intranet names under an unlisted suffix: nothing an attacker can register",
		allowed: []string{"https://intranet.corp", "http://intranet"},
		opts:    attack.Options{Families: []string{attack.Suffix, attack.UnescapedDot, attack.Subdomain}},
		want:    nil,
	},
	{
		desc:    "reserved test and documentation domains stand for real ones",
		allowed: []string{"http://app.example.test", "https://shop.example"},
		opts:    attack.Options{Families: []string{attack.Suffix, attack.UnescapedDot, attack.Subdomain}},
		want: []string{
			"suffix http://attackerexample.test",
			"suffix https://attackershop.example",
			"unescaped-dot http://appxexample.test",
			"subdomain http://attacker.example.test",
			"subdomain https://attacker.shop.example",
		},
	},
	{
		desc:    "deeper subdomain: the dot next to the registrable domain is replaced",
		allowed: []string{"https://api.app.example.com"},
		opts:    attack.Options{Families: []string{attack.UnescapedDot, attack.Subdomain}},
		want:    []string{"unescaped-dot https://api.appxexample.com", "subdomain https://attacker.example.com"},
	},
	{
		desc:    "trusted subdomains: the subdomain family is dropped",
		allowed: []string{"https://app.example.com"},
		opts:    attack.Options{Families: []string{attack.Subdomain, attack.Suffix}, TrustSubdomains: true},
		want:    []string{"suffix https://attackerexample.com"},
	},
	{
		desc:    "several origins: no repeats, allowed and skipped origins never derived",
		allowed: []string{"https://app.example.com", "https://www.example.com", "http://app.example.com"},
		opts: attack.Options{
			Families: []string{attack.Suffix, attack.Subdomain, attack.Scheme, attack.UnescapedDot},
			Skip:     []origin.Origin{origin.MustParse("https://appxexample.com")},
		},
		want: []string{
			"suffix https://attackerexample.com",
			"suffix http://attackerexample.com",
			"unescaped-dot https://wwwxexample.com",
			"unescaped-dot http://appxexample.com",
			"subdomain https://attacker.example.com",
			"subdomain http://attacker.example.com",
			"scheme http://www.example.com",
		},
	},
	{
		desc:    "an allowed null origin is not probed as an attacker",
		allowed: []string{"null", "https://app.example.com"},
		opts:    attack.Options{Families: []string{attack.Null, attack.Unrelated}},
		want:    []string{"unrelated https://attacker.test"},
	},
	{
		desc:    "hosting platform of an allowed origin comes first",
		allowed: []string{"https://shop.herokuapp.com"},
		opts:    attack.Options{Families: []string{attack.ThirdParty}},
		want:    append([]string{"third-party https://attacker.herokuapp.com"}, thirdParty...),
	},
	{
		desc:    "a label too long for DNS once prefixed is not derived",
		allowed: []string{"https://" + strings.Repeat("a", 58) + ".com"},
		opts:    attack.Options{Families: []string{attack.Suffix, attack.Subdomain}},
		want:    []string{"subdomain https://attacker." + strings.Repeat("a", 58) + ".com"},
	},
	{
		desc:    "no allowed origin: target-level families only",
		allowed: nil,
		want:    append([]string{"unrelated https://attacker.test", "null null"}, thirdParty...),
	},
}

func TestDerive(t *testing.T) {
	for _, tc := range deriveTestCases {
		t.Run(tc.desc, func(t *testing.T) {
			var allowed []origin.Origin
			for _, s := range tc.allowed {
				allowed = append(allowed, origin.MustParse(s))
			}
			var got []string
			for _, a := range attack.Derive(allowed, tc.opts) {
				got = append(got, a.Family+" "+a.Origin.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Derive(%q):\ngot  %q\nwant %q", tc.allowed, got, tc.want)
			}
		})
	}
}

func TestDeriveFrom(t *testing.T) {
	allowed := []origin.Origin{origin.MustParse("https://a.example.com"), origin.MustParse("https://b.example.org")}
	const tmpl = "Derive: %s %s From = %q; want %q"
	for _, a := range attack.Derive(allowed, attack.Options{}) {
		want := "https://a.example.com"
		if strings.Contains(a.Origin.Host, "example.org") {
			want = "https://b.example.org"
		}
		if a.From != want {
			t.Errorf(tmpl, a.Family, a.Origin, a.From, want)
		}
	}
}

func TestParseFamilies(t *testing.T) {
	for _, tc := range []struct {
		desc    string
		in      []string
		want    []string
		wantErr bool
	}{
		{desc: "probe order, no repeats", in: []string{"third-party", "null", "null"}, want: []string{"null", "third-party"}},
		{desc: "all", in: []string{"prefix", "all"}, want: attack.Families()},
		{desc: "spaces around names", in: []string{" suffix "}, want: []string{"suffix"}},
		{desc: "empty selects none, not all", in: nil, want: []string{}},
		{desc: "unknown name", in: []string{"reflect"}, wantErr: true},
		{desc: "unknown name next to all", in: []string{"all", "reflect"}, wantErr: true},
		{desc: "case matters", in: []string{"Null"}, wantErr: true},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := attack.ParseFamilies(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseFamilies(%q): error %v; want error %t", tc.in, err, tc.wantErr)
			}
			if !tc.wantErr && (got == nil || !slices.Equal(got, tc.want)) {
				t.Errorf("ParseFamilies(%q): got %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestProbes(t *testing.T) {
	target := &lint.Target{
		Request: lint.Request{URL: "https://api.example.com/orders", Method: "GET", Credentials: true},
		Origins: []origin.Origin{origin.MustParse("https://app.example.com")},
		Denied:  []origin.Origin{origin.MustParse("https://attacker.example.com")},
	}
	probes := attack.Probes(target, []string{attack.Subdomain, attack.Scheme, attack.Suffix})
	var got []string
	for _, p := range probes {
		if p.Target != target || p.Source.Kind != lint.SourceAttack || p.Source.From != "https://app.example.com" {
			t.Errorf("probe %s: Target or Source %+v not set", p.Origin, p.Source)
		}
		got = append(got, p.Source.Technique+" "+p.Origin.String())
	}
	// The subdomain probe is the must-deny origin, probed as such already.
	want := []string{"suffix https://attackerexample.com", "scheme http://app.example.com"}
	if !slices.Equal(got, want) {
		t.Errorf("Probes: got %q; want %q", got, want)
	}

	self := &lint.Target{
		Request: lint.Request{URL: "http://app.example.com/x"},
		Origins: []origin.Origin{origin.MustParse("https://app.example.com")},
	}
	for _, p := range attack.Probes(self, []string{attack.Scheme}) {
		t.Errorf("Probes: the target's own origin %s was derived; same-origin requests get no CORS check", p.Origin)
	}

	plan := lint.Plan([]*lint.Target{target}, lint.PlanOptions{Attackers: attack.Planner([]string{attack.Null})})
	if n := len(plan); n != 3 || plan[2].Origin.String() != "null" {
		t.Errorf("Plan with Planner: got %d probes; want allowed, denied, then null", n)
	}
}
