package browser_test

import (
	"strings"
	"testing"

	"github.com/corslint/corslint/lint/browser"
)

var methodCases = []struct {
	in, want string
	fails    bool
}{
	{in: "GET", want: "GET"},
	{in: "put", want: "PUT"},       // g12, b20
	{in: "Put", want: "PUT"},       // g12
	{in: "post", want: "POST"},     // b23
	{in: "delete", want: "DELETE"}, // b33
	{in: "patch", want: "patch"},   // b21: not in the normalization list
	{in: "pAtCh", want: "pAtCh"},   // g13
	{in: "*", want: "*"},           // c33: a token
	{in: "TRACE", fails: true},
	{in: "connect", fails: true},
	{in: "Track", fails: true},
	{in: "GET PUT", fails: true},
	{in: "", fails: true},
}

func TestNormalizeMethod(t *testing.T) {
	for _, c := range methodCases {
		got, err := browser.NormalizeMethod(c.in)
		if (err != nil) != c.fails || got != c.want {
			t.Errorf("NormalizeMethod(%q) = %q, %v; want %q, failure %t", c.in, got, err, c.want, c.fails)
		}
	}
}

// safelistCases come from the reference's Chromium rows (b*) and from WPT
// cors/cors-safelisted-request-header.any.js and
// fetch/api/cors/resources/not-cors-safelisted.json.
var safelistCases = []struct {
	desc, name, value string
	chromium, spec    bool
}{
	{desc: "b04", name: "Content-Type", value: "text/plain; charset=utf-8", chromium: true, spec: true},
	{desc: "b05", name: "Content-Type", value: "TEXT/PLAIN", chromium: true, spec: true},
	{desc: "b08", name: "Content-Type", value: "text/plain;garbage", chromium: true, spec: true},
	{desc: "WPT text/plain;", name: "Content-Type", value: "text/plain;", chromium: true, spec: true},
	{desc: "WPT multipart", name: "Content-Type", value: "multipart/form-data", chromium: true, spec: true},
	{desc: "b38", name: "Content-Type", value: "application/x-www-form-urlencoded;charset=UTF-8", chromium: true, spec: true},
	{desc: "b06", name: "Content-Type", value: "text/plain,text/plain"},
	{desc: "b07", name: "Content-Type", value: `multipart/form-data; boundary="x"`},
	{desc: "b09", name: "Content-Type", value: "text /plain"},
	{desc: "WPT tabs", name: "Content-Type", value: "text\t/\tplain"},
	{desc: "WPT trailing comma", name: "Content-Type", value: "text/plain,"},
	{desc: "WPT leading comma", name: "Content-Type", value: ",text/plain"},
	{desc: "WPT two types", name: "Content-Type", value: "text/plain,x/x"},
	{desc: "WPT VT", name: "Content-Type", value: "text/plain\v"},
	{desc: "WPT FF", name: "Content-Type", value: "text/plain\f"},
	{desc: "WPT control in params", name: "Content-Type", value: "text/plain;garbage\x01\x02"},
	{desc: "WPT wrong essence", name: "Content-Type", value: "application/www-form-urlencoded"},
	{desc: "b39 DEL", name: "Content-Type", value: "application/x-www-form-urlencoded;\x7f"},
	{desc: "WPT quote", name: "Content-Type", value: `multipart/form-data;"`},
	{desc: "text/html", name: "Content-Type", value: "text/html"},
	{desc: "g10 128 bytes", name: "Content-Type", value: "text/plain;x=" + strings.Repeat("a", 115), chromium: true, spec: true},
	{desc: "g09 129 bytes", name: "Content-Type", value: "text/plain;x=" + strings.Repeat("a", 116)},
	{desc: "b10", name: "Accept", value: "application/json", chromium: true, spec: true},
	{desc: "b11", name: "Accept", value: "text/(x)"},
	{desc: "b15", name: "Accept", value: strings.Repeat("a", 128), chromium: true, spec: true},
	{desc: "b16", name: "Accept", value: strings.Repeat("a", 129)},
	{desc: "WPT accept quote", name: "accept", value: `"`},
	{desc: "b12", name: "Accept-Language", value: "en-US,en;q=0.9", chromium: true, spec: true},
	{desc: "b13", name: "Accept-Language", value: "en_US"},
	{desc: "WPT accept-language @", name: "accept-language", value: "@"},
	{desc: "b28", name: "Content-Language", value: "en", chromium: true, spec: true},
	{desc: "WPT content-language control", name: "content-language", value: "\x01"},
	{desc: "b18", name: "Range", value: "bytes=0-", chromium: true, spec: true},
	{desc: "WPT range", name: "Range", value: "bytes=100-200", chromium: true, spec: true},
	{desc: "b19 suffix", name: "Range", value: "bytes=-5"},
	{desc: "WPT no unit", name: "Range", value: "100-200"},
	{desc: "WPT other unit", name: "Range", value: "MB=100-200"},
	{desc: "WPT space before =", name: "Range", value: "bytes =100-200"},
	{desc: "WPT space after =", name: "Range", value: "bytes=  100-200"},
	{desc: "WPT space before -", name: "Range", value: "bytes=100 -200"},
	{desc: "WPT trailing text", name: "Range", value: "bytes=100-200hello"},
	{desc: "WPT letters", name: "Range", value: "bytes=abc-def"},
	{desc: "WPT two ranges", name: "Range", value: "bytes=100-200,300-400"},
	{desc: "WPT reversed", name: "Range", value: "bytes=200-100"},
	{desc: "WPT huge number", name: "Range", value: "bytes=" + strings.Repeat("1", 61) + "-"},
	{desc: "WPT leading comma", name: "Range", value: ",bytes=100-200"},
	{desc: "b17 DPR", name: "DPR", value: "2", chromium: true},
	{desc: "DPR decimal", name: "DPR", value: "1.5", chromium: true},
	{desc: "b40 Width decimal", name: "Width", value: "1.5"},
	{desc: "b27 Save-Data", name: "Save-Data", value: "on", chromium: true},
	{desc: "b35 Intervention", name: "Intervention", value: "whatever", chromium: true},
	{desc: "ECT", name: "ECT", value: "4g", chromium: true},
	{desc: "ECT unknown", name: "ECT", value: "5g"},
	{desc: "b36 Authorization", name: "Authorization", value: "Bearer x"},
	{desc: "b14 custom", name: "X-Custom", value: "1"},
}

func TestIsSafelisted(t *testing.T) {
	const tmpl = "%s: IsSafelisted(%q, %q, %s) = %t; want %t"
	for _, c := range safelistCases {
		if got := browser.IsSafelisted(c.name, c.value, browser.Chromium); got != c.chromium {
			t.Errorf(tmpl, c.desc, c.name, c.value, "Chromium", got, c.chromium)
		}
		if got := browser.IsSafelisted(c.name, c.value, browser.Spec); got != c.spec {
			t.Errorf(tmpl, c.desc, c.name, c.value, "Spec", got, c.spec)
		}
	}
}

func TestDecidePreflight(t *testing.T) {
	eight := []browser.Field{
		{Name: "Accept", Value: strings.Repeat("a", 128)},
		{Name: "Accept-Language", Value: strings.Repeat("a", 128)},
		{Name: "Content-Language", Value: strings.Repeat("a", 128)},
		{Name: "DPR", Value: strings.Repeat("1", 128)},
		{Name: "Width", Value: strings.Repeat("1", 128)},
		{Name: "Viewport-Width", Value: strings.Repeat("1", 128)},
		{Name: "Device-Memory", Value: strings.Repeat("1", 128)},
		{Name: "RTT", Value: strings.Repeat("1", 128)},
	}
	cases := []struct {
		desc   string
		method string
		fields []browser.Field
		needed bool
		acrh   string
	}{
		{desc: "b01 simple POST", method: "POST", fields: []browser.Field{{Name: "Content-Type", Value: "text/plain"}}},
		{desc: "b02 JSON POST", method: "POST", fields: []browser.Field{{Name: "Content-Type", Value: "application/json"}}, needed: true, acrh: "content-type"},
		{desc: "b20 PUT", method: "PUT", needed: true},
		{desc: "b32 OPTIONS", method: "OPTIONS", needed: true},
		{desc: "b22 HEAD", method: "HEAD"},
		{desc: "c38 sorted names", method: "GET", fields: []browser.Field{{Name: "X-B", Value: "1"}, {Name: "X-A", Value: "1"}}, needed: true, acrh: "x-a,x-b"},
		{desc: "b25 1024 bytes of safelisted values", method: "GET", fields: eight},
		{desc: "b26 1152 bytes", method: "GET", fields: append(append([]browser.Field(nil), eight...), browser.Field{Name: "Downlink", Value: strings.Repeat("1", 128)}), needed: true,
			acrh: "accept,accept-language,content-language,device-memory,downlink,dpr,rtt,viewport-width,width"},
		{desc: "duplicate names listed once", method: "GET", fields: []browser.Field{{Name: "X-Foo", Value: "1"}, {Name: "x-foo", Value: "2"}}, needed: true, acrh: "x-foo"},
	}
	for _, c := range cases {
		d := browser.DecidePreflight(c.method, c.fields)
		if d.Needed != c.needed || strings.Join(d.UnsafeHeaders, ",") != c.acrh {
			t.Errorf("%s: DecidePreflight = %t %q; want %t %q", c.desc, d.Needed, strings.Join(d.UnsafeHeaders, ","), c.needed, c.acrh)
		}
	}
}

func TestHeaderList(t *testing.T) {
	fields, notes := browser.HeaderList([]browser.Field{
		{Name: "Cookie", Value: "a=b"},                   // b37
		{Name: "Sec-Foo", Value: "1"},                    // g14
		{Name: "X-HTTP-Method-Override", Value: "TRACE"}, // g07
		{Name: "X-HTTP-Method-Override", Value: "PUT"},   // g08: kept
		{Name: "Proxy-Authorization", Value: "Basic x"},  // forbidden prefix
		{Name: "X-Foo", Value: "1"},
		{Name: "x-foo", Value: "2"},
	})
	var got []string
	for _, f := range fields {
		got = append(got, f.String())
	}
	want := "X-HTTP-Method-Override: PUT|X-Foo: 1, 2"
	if strings.Join(got, "|") != want || len(notes) != 4 {
		t.Errorf("HeaderList = %q with %d notes; want %q with 4 notes", got, len(notes), want)
	}
}

var headerLineCases = []struct {
	in, name, value string
	fails           bool
}{
	{in: "Authorization: Bearer x", name: "Authorization", value: "Bearer x"},
	{in: "X-Empty;", name: "X-Empty", value: ""},
	{in: "X-Empty:", name: "X-Empty", value: ""},
	{in: "X-Pad:   v  ", name: "X-Pad", value: "v"},
	{in: "X-Colon: a:b", name: "X-Colon", value: "a:b"},
	{in: "no colon", fails: true},
	{in: "Bad Name: x", fails: true},
	{in: ": x", fails: true},
	{in: "X-NUL: a\x00b", fails: true},
	{in: "X-LF: a\nb", fails: true},
}

func TestParseHeaderLine(t *testing.T) {
	for _, c := range headerLineCases {
		f, err := browser.ParseHeaderLine(c.in)
		if (err != nil) != c.fails || f.Name != c.name || f.Value != c.value {
			t.Errorf("ParseHeaderLine(%q) = %q, %q, %v; want %q, %q, failure %t", c.in, f.Name, f.Value, err, c.name, c.value, c.fails)
		}
	}
}

func TestRedirectMethod(t *testing.T) {
	cases := []struct {
		status       int
		method, want string
		keepsBody    bool
	}{
		{status: 301, method: "POST", want: "GET"},
		{status: 302, method: "POST", want: "GET"},
		{status: 302, method: "PUT", want: "PUT", keepsBody: true},
		{status: 303, method: "PUT", want: "GET"},
		{status: 303, method: "HEAD", want: "HEAD", keepsBody: true},
		{status: 307, method: "POST", want: "POST", keepsBody: true},
		{status: 308, method: "DELETE", want: "DELETE", keepsBody: true},
	}
	for _, c := range cases {
		got, keeps := browser.RedirectMethod(c.status, c.method)
		if got != c.want || keeps != c.keepsBody {
			t.Errorf("RedirectMethod(%d, %s) = %s, %t; want %s, %t", c.status, c.method, got, keeps, c.want, c.keepsBody)
		}
	}
}

// FuzzSafelist: the safelist never panics, Chromium's list is a superset
// of the standard's, and a parsed MIME essence is lower-case type/subtype.
func FuzzSafelist(f *testing.F) {
	for _, c := range safelistCases {
		f.Add(c.name, c.value)
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		spec := browser.IsSafelisted(name, value, browser.Spec)
		if spec && !browser.IsSafelisted(name, value, browser.Chromium) {
			t.Fatalf("%q: %q safelisted by the standard but not by Chromium", name, value)
		}
		if essence, ok := browser.MIMEEssence(value); ok {
			if strings.Count(essence, "/") != 1 || strings.ToLower(essence) != essence {
				t.Fatalf("MIMEEssence(%q) = %q", value, essence)
			}
		}
	})
}

// FuzzHeaderLine: an accepted header line has a token name and a value a
// browser can send.
func FuzzHeaderLine(f *testing.F) {
	for _, c := range headerLineCases {
		f.Add(c.in)
	}
	for _, c := range methodCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if fld, err := browser.ParseHeaderLine(line); err == nil {
			// Only HTTP whitespace is trimmed: a vertical tab is a value byte.
			if strings.ContainsAny(fld.Value, "\x00\r\n") || fld.Name == "" || strings.Trim(fld.Value, " \t") != fld.Value {
				t.Fatalf("ParseHeaderLine(%q) = %+v", line, fld)
			}
		}
		if m, err := browser.NormalizeMethod(line); err == nil && !strings.EqualFold(m, line) {
			t.Fatalf("NormalizeMethod(%q) = %q", line, m)
		}
	})
}
