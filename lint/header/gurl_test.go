package header_test

import (
	"testing"

	"github.com/corslint/corslint/lint/header"
)

// gurlCases are Access-Control-Allow-Origin values whose label
// (InvalidAllowOriginValue or AllowOriginMismatch) Chromium 156 gave in the
// conformance suite; the suite's case ID leads each desc.
var gurlCases = []struct {
	desc  string
	value string
	want  bool // GURL accepts it: a mismatch, not an invalid value
}{
	{desc: "a03 the origin itself", value: "http://localhost:3000", want: true},
	{desc: "x23 percent-encoded host letter", value: "http://%6Cocalhost:3000", want: true},
	{desc: "q01 percent-encoded space (Chromium still accepts it)", value: "http://local%20host:3000", want: true},
	{desc: "q02 bad percent escape", value: "http://%zz:3000", want: false},
	{desc: "q03 percent-encoded percent", value: "http://%25:3000", want: false},
	{desc: "q04 percent-encoded UTF-8", value: "http://%C3%A9:3000", want: true},
	{desc: "q35 percent-encoded byte that is not UTF-8", value: "http://%ff:3000", want: false},
	{desc: "q05 percent-encoded slash", value: "http://a%2Fb:3000", want: false},
	{desc: "q36 percent-encoded colon", value: "http://a%3Ab:3000", want: false},
	{desc: "q29 percent-encoded star", value: "http://a%2Ab:3000", want: true},
	{desc: "q45 percent-encoded quote", value: "http://a%22b:3000", want: true},
	{desc: "q16 quote", value: `http://a"b:3000`, want: true},
	{desc: "q17 backtick", value: "http://a`b:3000", want: true},
	{desc: "q18 braces", value: "http://a{b}:3000", want: true},
	{desc: "q19 bracket inside the host", value: "http://a[b:3000", want: false},
	{desc: "q07 caret", value: "http://a^b:3000", want: false},
	{desc: "q15 pipe", value: "http://a|b:3000", want: false},
	{desc: "q21 hex and short IPv4", value: "http://0x7f.1:3000", want: true},
	{desc: "q25 bare 0x is the number 0", value: "http://0x:3000", want: true},
	{desc: "q09 IPv4 octet above 255", value: "http://127.0.0.256:3000", want: false},
	{desc: "q22 five IPv4 parts", value: "http://1.2.3.4.5:3000", want: false},
	{desc: "q23 IPv4 number above 2^32", value: "http://999999999999:3000", want: false},
	{desc: "q24 name then a number", value: "http://foo.123:3000", want: false},
	{desc: "q31 bad octal part", value: "http://1.2.3.09:3000", want: false},
	{desc: "q32 trailing dot", value: "http://localhost.:3000", want: true},
	{desc: "x26 IPv6 loopback", value: "http://[::1]:3000", want: true},
	{desc: "q10 bad IPv6", value: "http://[::g]:3000", want: false},
	{desc: "q26 unclosed IPv6", value: "http://[::1:3000", want: false},
	{desc: "q27 IPv4 in brackets", value: "http://[1.2.3.4]:3000", want: false},
	{desc: "q28 IPv6 zone", value: "http://[fe80::1%25eth0]:3000", want: false},
	{desc: "x20 port above 65535", value: "http://localhost:99999", want: false},
	{desc: "q08 empty port", value: "http://localhost:", want: true},
}

func TestIsGURLValid(t *testing.T) {
	const tmpl = "%s: IsGURLValid(%q) = %t; want %t"
	for _, c := range gurlCases {
		if got := header.IsGURLValid(c.value); got != c.want {
			t.Errorf(tmpl, c.desc, c.value, got, c.want)
		}
	}
}
