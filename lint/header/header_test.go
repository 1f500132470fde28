package header_test

import (
	"strings"
	"testing"

	"github.com/corslint/corslint/lint/header"
)

const page = "http://localhost:3000"

// accessCases are the CORS-check rows of the reference's Chromium
// measurements (IDs in desc) and of WPT cors/origin.htm.
var accessCases = []struct {
	desc         string
	acao, acac   []string
	credentialed bool
	origin       string
	want         header.Access
	wantParam    string
}{
	{desc: "a01 *", acao: []string{"*"}, want: header.AccessOK},
	{desc: "a02 absent", want: header.AccessMissing},
	{desc: "a03 exact", acao: []string{page}, want: header.AccessOK},
	{desc: "a04 trailing slash", acao: []string{page + "/"}, want: header.AccessMismatch, wantParam: page + "/"},
	{desc: "a05 upper-case host", acao: []string{"http://LOCALHOST:3000"}, want: header.AccessMismatch, wantParam: "http://LOCALHOST:3000"},
	{desc: "a06 upper-case scheme", acao: []string{"HTTP://localhost:3000"}, want: header.AccessMismatch, wantParam: "HTTP://localhost:3000"},
	{desc: "a07 missing port", acao: []string{"http://localhost"}, want: header.AccessMismatch, wantParam: "http://localhost"},
	{desc: "a08 two origins on one line", acao: []string{page + ", http://other.test"}, want: header.AccessMultiple, wantParam: page + ", http://other.test"},
	{desc: "a09 two identical lines", acao: []string{page, page}, want: header.AccessMultiple, wantParam: page + ", " + page},
	{desc: "a10 two * lines", acao: []string{"*", "*"}, want: header.AccessMultiple, wantParam: "*, *"},
	{desc: "a11 null from a normal origin", acao: []string{"null"}, want: header.AccessMismatch, wantParam: "null"},
	{desc: "a12 empty", acao: []string{""}, want: header.AccessInvalid},
	{desc: "a13 no scheme with port", acao: []string{"localhost:3000"}, want: header.AccessMismatch, wantParam: "localhost:3000"},
	{desc: "a14 https:/ typo", acao: []string{"http:/localhost:3000"}, want: header.AccessMismatch, wantParam: "http:/localhost:3000"},
	{desc: "a17 * with credentials", acao: []string{"*"}, credentialed: true, want: header.AccessWildcardCreds},
	{desc: "a18 no ACAC", acao: []string{page}, credentialed: true, want: header.AccessCredentialsNotTrue},
	{desc: "a19 ACAC TRUE", acao: []string{page}, acac: []string{"TRUE"}, credentialed: true, want: header.AccessCredentialsNotTrue, wantParam: "TRUE"},
	{desc: "a21 two ACAC lines", acao: []string{page}, acac: []string{"true", "true"}, credentialed: true, want: header.AccessCredentialsNotTrue, wantParam: "true, true"},
	{desc: "a22 credentialed ok", acao: []string{page}, acac: []string{"true"}, credentialed: true, want: header.AccessOK},
	{desc: "a23 ACAC ignored without credentials", acao: []string{"*"}, acac: []string{"true"}, want: header.AccessOK},
	{desc: "a28 *, origin", acao: []string{"*, " + page}, want: header.AccessMultiple, wantParam: "*, " + page},
	{desc: "a29 quoted *", acao: []string{"'*'"}, want: header.AccessInvalid, wantParam: "'*'"},
	{desc: "a30 **", acao: []string{"**"}, want: header.AccessInvalid, wantParam: "**"},
	{desc: "a31 path", acao: []string{page + "/path"}, want: header.AccessMismatch, wantParam: page + "/path"},
	{desc: "a32 bare host", acao: []string{"example.com"}, want: header.AccessInvalid, wantParam: "example.com"},
	{desc: "a33 bare IP and port", acao: []string{"127.0.0.1:3000"}, want: header.AccessInvalid, wantParam: "127.0.0.1:3000"},
	{desc: "a34 wildcard subdomain", acao: []string{"http://*.localhost:3000"}, want: header.AccessMismatch, wantParam: "http://*.localhost:3000"},
	{desc: "a35 trailing semicolon", acao: []string{page + ";"}, want: header.AccessInvalid, wantParam: page + ";"},
	{desc: "a36 two ports", acao: []string{page + ":80"}, want: header.AccessInvalid, wantParam: page + ":80"},
	{desc: "a38 null with credentials", acao: []string{"null"}, acac: []string{"true"}, credentialed: true, want: header.AccessMismatch, wantParam: "null"},
	{desc: "a39 ACAC true,", acao: []string{page}, acac: []string{"true,"}, credentialed: true, want: header.AccessCredentialsNotTrue, wantParam: "true,"},
	{desc: "g02 trailing comma", acao: []string{page + ","}, want: header.AccessMultiple, wantParam: page + ","},
	{desc: "g17 internal tab", acao: []string{page + "\tx"}, want: header.AccessInvalid, wantParam: page + "\tx"},
	{desc: "s02 null from an opaque origin", acao: []string{"null"}, origin: "null", want: header.AccessOK},
	{desc: "s03 page origin from an opaque origin", acao: []string{page}, origin: "null", want: header.AccessMismatch, wantParam: page},
	{desc: "s04 null credentialed from an opaque origin", acao: []string{"null"}, acac: []string{"true"}, origin: "null", credentialed: true, want: header.AccessOK},
	{desc: "ftp scheme is a URL", acao: []string{"ftp://localhost:3000"}, want: header.AccessMismatch, wantParam: "ftp://localhost:3000"},
	{desc: "port out of range", acao: []string{"http://localhost:65536"}, want: header.AccessInvalid, wantParam: "http://localhost:65536"},
	{desc: "userinfo is still a URL", acao: []string{"http://u@localhost:3000"}, want: header.AccessMismatch, wantParam: "http://u@localhost:3000"},
}

func TestCheckAccess(t *testing.T) {
	const tmpl = "%s: CheckAccess(%q, %q, %t) = %v, %q; want %v, %q"
	for _, c := range accessCases {
		o := c.origin
		if o == "" {
			o = page
		}
		got, param := header.CheckAccess(c.acao, c.acac, c.credentialed, o)
		if got != c.want || param != c.wantParam {
			t.Errorf(tmpl, c.desc, c.acao, c.acac, c.credentialed, got, param, c.want, c.wantParam)
		}
	}
}

var listCases = []struct {
	desc   string
	values []string
	want   []string
	bad    string
}{
	{desc: "absent", values: nil, want: nil},
	{desc: "c14 trailing comma", values: []string{"POST, GET, OPTIONS, PUT,"}, want: []string{"POST", "GET", "OPTIONS", "PUT"}},
	{desc: "c23 blank elements", values: []string{",x-bar, ,,X-Foo"}, want: []string{"x-bar", "X-Foo"}},
	{desc: "c25 two lines", values: []string{"x-bar", "x-foo"}, want: []string{"x-bar", "x-foo"}},
	{desc: "tabs around elements", values: []string{"\tGET\t,\tPUT "}, want: []string{"GET", "PUT"}},
	{desc: "star is a token", values: []string{"GET, *"}, want: []string{"GET", "*"}},
	{desc: "c15 space separated", values: []string{"GET PUT"}, bad: "GET PUT"},
	{desc: "c40 quoted", values: []string{`"PUT"`}, bad: `"PUT"`},
	{desc: "c24 semicolon", values: []string{"x-foo;"}, bad: "x-foo;"},
	{desc: "g04 slash", values: []string{"x-foo, x/bar"}, bad: "x/bar"},
	{desc: "WPT header name with space", values: []string{"x-force-preflight,header name with space"}, bad: "header name with space"},
}

func TestParseList(t *testing.T) {
	const tmpl = "%s: ParseList(%q) = %q, %q, %t; want %q, %q"
	for _, c := range listCases {
		got, bad, ok := header.ParseList(c.values)
		if strings.Join(got, "|") != strings.Join(c.want, "|") || bad != c.bad || ok != (c.bad == "") {
			t.Errorf(tmpl, c.desc, c.values, got, bad, ok, c.want, c.bad)
		}
	}
}

var maxAgeCases = []struct {
	desc     string
	values   []string
	chromium int64
	firefox  int64
	valid    bool
}{
	{desc: "absent: 5 s default", values: nil, chromium: 5, firefox: 5},
	{desc: "e05 600", values: []string{"600"}, chromium: 600, firefox: 600, valid: true},
	{desc: "e02 0", values: []string{"0"}, chromium: 0, firefox: 0, valid: true},
	{desc: "e03 abc", values: []string{"abc"}, chromium: 5, firefox: 0},
	{desc: "e04 -1", values: []string{"-1"}, chromium: 0, firefox: 0},
	{desc: "g06 5.5", values: []string{"5.5"}, chromium: 5, firefox: 0},
	{desc: "capped", values: []string{"86400"}, chromium: 7200, firefox: 86400, valid: true},
	{desc: "over Firefox's cap", values: []string{"999999"}, chromium: 7200, firefox: 86400, valid: true},
	{desc: "two lines", values: []string{"5", "10"}, chromium: 5, firefox: 0},
	{desc: "huge", values: []string{strings.Repeat("9", 40)}, chromium: 5, firefox: 86400, valid: true},
}

func TestParseMaxAge(t *testing.T) {
	const tmpl = "%s: ParseMaxAge(%q) = %+v; want chromium %d, firefox %d, valid %t"
	for _, c := range maxAgeCases {
		got := header.ParseMaxAge(c.values)
		if got.Chromium != c.chromium || got.Firefox != c.firefox || got.Valid != c.valid {
			t.Errorf(tmpl, c.desc, c.values, got, c.chromium, c.firefox, c.valid)
		}
	}
}

func TestIsTrue(t *testing.T) {
	cases := []struct {
		values []string
		want   bool
	}{
		{values: []string{"true"}, want: true},
		{values: []string{"True"}},
		{values: []string{"TRUE"}},
		{values: []string{`"true"`}},
		{values: []string{"1"}},
		{values: []string{"true", "true"}},
		{values: nil},
	}
	for _, c := range cases {
		if got := header.IsTrue(c.values); got != c.want {
			t.Errorf("IsTrue(%q) = %t; want %t", c.values, got, c.want)
		}
	}
}
