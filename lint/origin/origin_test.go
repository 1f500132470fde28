package origin_test

import (
	"errors"
	"net/url"
	"testing"

	"github.com/corslint/corslint/lint/origin"
)

var parseCases = []struct {
	desc, input string
	want        string // serialization; "" when Parse must fail
	suggestion  string
}{
	{desc: "https", input: "https://app.example.com", want: "https://app.example.com"},
	{desc: "http with port", input: "http://localhost:3000", want: "http://localhost:3000"},
	{desc: "IPv4", input: "http://127.0.0.1:8080", want: "http://127.0.0.1:8080"},
	{desc: "IPv6", input: "http://[::1]:8080", want: "http://[::1]:8080"},
	{desc: "punycode", input: "https://xn--bcher-kva.example", want: "https://xn--bcher-kva.example"},
	{desc: "null", input: "null", want: "null"},
	{desc: "multi-label suffix", input: "https://shop.example.co.uk", want: "https://shop.example.co.uk"},
	{desc: "empty", input: ""},
	{desc: "star", input: "*"},
	{desc: "trailing slash", input: "https://app.example.com/", suggestion: "https://app.example.com"},
	{desc: "path", input: "https://app.example.com/login", suggestion: "https://app.example.com"},
	{desc: "query", input: "https://app.example.com?x=1", suggestion: "https://app.example.com"},
	{desc: "missing scheme", input: "app.example.com", suggestion: "https://app.example.com"},
	{desc: "slash typo", input: "https:/example.com", suggestion: "https://example.com"},
	{desc: "upper case", input: "HTTPS://App.Example.com", suggestion: "https://app.example.com"},
	{desc: "default port", input: "https://app.example.com:443", suggestion: "https://app.example.com"},
	{desc: "unicode host", input: "https://bücher.example", suggestion: ""},
	{desc: "userinfo", input: "https://user@app.example.com", suggestion: "https://app.example.com"},
	{desc: "other scheme", input: "ftp://example.com"},
	{desc: "whitespace", input: " https://app.example.com", suggestion: "https://app.example.com"},
	{desc: "bad port", input: "http://localhost:99999"},
	{desc: "empty host", input: "http://:80"},
	{desc: "short IPv4", input: "http://127.1", suggestion: ""},
}

func TestParse(t *testing.T) {
	const tmpl = "%s: Parse(%q) = %q, %v; want %q (suggestion %q)"
	for _, c := range parseCases {
		got, err := origin.Parse(c.input)
		if c.want != "" {
			if err != nil || got.String() != c.want {
				t.Errorf(tmpl, c.desc, c.input, got.String(), err, c.want, "")
			}
			continue
		}
		var pe *origin.ParseError
		if !errors.As(err, &pe) {
			t.Errorf(tmpl, c.desc, c.input, got.String(), err, "an error", c.suggestion)
			continue
		}
		if c.suggestion != "" && pe.Suggestion != c.suggestion {
			t.Errorf(tmpl, c.desc, c.input, got.String(), err, "an error", c.suggestion)
		}
	}
}

func TestRegistrableDomain(t *testing.T) {
	cases := []struct{ in, want string }{
		{in: "https://app.example.com", want: "example.com"},
		{in: "https://shop.example.co.uk", want: "example.co.uk"},
		{in: "https://user.github.io", want: "user.github.io"},
		{in: "http://localhost:3000", want: "localhost"},
		{in: "http://127.0.0.1:8080", want: "127.0.0.1"},
		{in: "http://[::1]:8080", want: "::1"},
	}
	for _, c := range cases {
		if got := origin.MustParse(c.in).RegistrableDomain(); got != c.want {
			t.Errorf("RegistrableDomain(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestSameOriginAndSite(t *testing.T) {
	cases := []struct {
		a, b                 string
		sameOrigin, sameSite bool
	}{
		{a: "https://a.example.com", b: "https://a.example.com", sameOrigin: true, sameSite: true},
		{a: "https://a.example.com", b: "https://b.example.com", sameSite: true},
		{a: "https://a.example.com", b: "http://a.example.com"},
		{a: "http://localhost:3000", b: "http://127.0.0.1:3000"},
		{a: "null", b: "null"},
	}
	for _, c := range cases {
		a, b := origin.MustParse(c.a), origin.MustParse(c.b)
		if got := origin.SameOrigin(a, b); got != c.sameOrigin {
			t.Errorf("SameOrigin(%s, %s) = %t; want %t", c.a, c.b, got, c.sameOrigin)
		}
		if got := origin.SameSite(a, b); got != c.sameSite {
			t.Errorf("SameSite(%s, %s) = %t; want %t", c.a, c.b, got, c.sameSite)
		}
	}
}

func TestFromURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{in: "HTTPS://API.Example.com:443/x?y", want: "https://api.example.com"},
		{in: "http://example.com:80/", want: "http://example.com"},
		{in: "http://example.com:8080", want: "http://example.com:8080"},
		{in: "http://[::1]:80/", want: "http://[::1]"},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.in)
		o, err := origin.FromURL(u)
		if err != nil || o.String() != c.want {
			t.Errorf("FromURL(%q) = %q, %v; want %q", c.in, o.String(), err, c.want)
		}
	}
}

// FuzzParse: Parse never panics, and whatever it accepts is a fixed point
// of serialization; every suggestion it makes is itself accepted.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.input)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := origin.Parse(s)
		if err == nil {
			if o.String() != s {
				t.Fatalf("Parse(%q) accepted a value that serializes as %q", s, o.String())
			}
			again, err := origin.Parse(o.String())
			if err != nil || again != o {
				t.Fatalf("Parse(%q) does not round-trip: %v", s, err)
			}
			return
		}
		var pe *origin.ParseError
		if errors.As(err, &pe) && pe.Suggestion != "" {
			if _, err := origin.Parse(pe.Suggestion); err != nil {
				t.Fatalf("Parse(%q) suggested %q, which fails: %v", s, pe.Suggestion, err)
			}
		}
	})
}

func TestIsLoopback(t *testing.T) {
	cases := []struct {
		host string
		want bool
	}{
		{host: "localhost", want: true},
		{host: "localhost.", want: true},
		{host: "api.localhost", want: true},
		{host: "127.0.0.1", want: true},
		{host: "[::1]", want: true},
		{host: "localhost.example.com"},
		{host: "10.0.0.1"},
	}
	for _, c := range cases {
		o := origin.Origin{Scheme: "http", Host: c.host}
		if got := o.IsLoopback(); got != c.want {
			t.Errorf("IsLoopback(%s) = %t; want %t", c.host, got, c.want)
		}
	}
}
