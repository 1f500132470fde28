//go:build browser

package conformance

import "fmt"

// ownCases are the suite's own: the seed story's variants, the
// Access-Control-Allow-Origin values that separate InvalidAllowOriginValue
// from AllowOriginMismatch, redirect targets Chromium refuses, redirects that
// rewrite the request, duplicate header lines, mixed content, and the
// response headers a script can read.
func ownCases() []testCase {
	var cases []testCase
	cases = append(cases, storyCases()...)
	cases = append(cases, hostCases()...)
	cases = append(cases, ruleCases()...)
	cases = append(cases, schemeCases()...)
	cases = append(cases, redirectCases()...)
	cases = append(cases, duplicateCases()...)
	cases = append(cases, mixedContentCases()...)
	return append(cases, exposeCases()...)
}

// storyCases replay the seed story on the wire: a page posts JSON with a
// bearer token and credentials to an API behind a CDN, a gateway (a JWT
// authorizer and a static OPTIONS answer) and a function. Each case is one
// of the story's setups, scripted statically.
func storyCases() []testCase {
	post := func(id, desc string, preflight *reply, actual reply, want string) testCase {
		return testCase{
			id: id, desc: "story: " + desc, method: "POST", creds: true,
			header: []string{"Authorization: Bearer demo-jwt", "Content-Type: application/json"}, body: `{"item":"coffee beans","qty":2}`,
			hops: []hop{{role: r1, preflight: preflight, actual: actual}}, want: want,
		}
	}
	const (
		methods = acam + "GET, POST, OPTIONS"
		headers = acah + "authorization, content-type"
		vary    = "Vary: Origin"
	)
	goodPreflight := pf(204, acao+"{origin}", vary, acac+"true", methods, headers, "Access-Control-Max-Age: 600")
	created := answer(201, "Content-Type: application/json", acao+"{origin}", vary, acac+"true")
	return []testCase{
		post("x01", "broken: the authorizer answers the preflight 401 without CORS headers", pf(401, "Content-Type: application/json"), answer(201, acao+"*"), "PreflightMissingAllowOriginHeader"),
		post("x02", "the authorizer's 401 carries CORS headers: still not an ok status", pf(401, acao+"{origin}", vary, acac+"true"), created, "PreflightInvalidStatus"),
		post("x03", "wildcard-with-credentials on the preflight", pf(204, acao+"*", acac+"true", methods, headers), answer(201, acao+"*", acac+"true"), "PreflightWildcardOriginNotAllowed"),
		post("x04", "wildcard-with-credentials on the function's response only", goodPreflight, answer(201, acao+"*", acac+"true"), "WildcardOriginNotAllowed"),
		post("x05", "authorization-not-allowed: ACAH lists content-type only", pf(204, acao+"{origin}", vary, acac+"true", methods, acah+"content-type"), created, "HeaderDisallowedByPreflightResponse"),
		post("x06", "post-missing-credentials: the function omits ACAC", goodPreflight, answer(201, acao+"{origin}", vary), "InvalidAllowCredentials"),
		post("x07", "origin-typo: http:/ in the static OPTIONS answer", pf(204, acao+"http:/localhost:{port}", acac+"true", methods, headers), created, "PreflightAllowOriginMismatch"),
		post("x08", "cdn-drops-origin: the allow-list never sees Origin", pf(204, vary, acac+"true", methods, headers), answer(201, vary, acac+"true"), "PreflightMissingAllowOriginHeader"),
		post("x09", "cdn-reflects-origin: every call works", pf(204, acao+"{origin}", acac+"true", methods, headers), answer(201, acao+"{origin}", acac+"true"), ""),
		post("x10", "fixed", goodPreflight, created, ""),
		post("x11", "fixed, but the function's error has no CORS headers", goodPreflight, answer(500, "Content-Type: application/json"), "MissingAllowOriginHeader"),
		post("x12", "fixed: an expired token's 401 carries CORS headers, so the page reads it", goodPreflight, answer(401, acao+"{origin}", vary, acac+"true"), ""),
		post("x13", "the gateway's 401 for an expired token lacks CORS headers", goodPreflight, answer(401, "Content-Type: application/json"), "MissingAllowOriginHeader"),
		post("x14", "ACAM without POST: POST is safelisted", pf(204, acao+"{origin}", acac+"true", acam+"GET, OPTIONS", headers), created, ""),
		post("x15", "ACAC TRUE on the preflight", pf(204, acao+"{origin}", acac+"TRUE", methods, headers), created, "PreflightInvalidAllowCredentials"),
		{id: "x16", desc: "story: fixed, GET with the token", creds: true, header: []string{"Authorization: Bearer demo-jwt"}, hops: []hop{{role: r1, preflight: goodPreflight, actual: answer(200, acao+"{origin}", vary, acac+"true")}}},
		{id: "x17", desc: "story: GET without credentials, ACAO * (public data)", header: []string{"Authorization: Bearer demo-jwt"}, hops: []hop{{role: r1, preflight: pf(204, acao+"*", acah+"authorization"), actual: answer(200, acao+"*")}}},
	}
}

// hostCases are Access-Control-Allow-Origin values that parse as a URL or
// not depending on details of Chromium's GURL: percent escapes in the host,
// IPv4 and IPv6 literals, the port. A value GURL accepts is a mismatch; one
// it rejects is invalid.
func hostCases() []testCase {
	const (
		invalid  = "InvalidAllowOriginValue"
		mismatch = "AllowOriginMismatch"
	)
	values := []struct {
		id, value, want string
	}{
		{id: "x20", value: "http://localhost:99999", want: invalid},
		{id: "x21", value: "{origin}x", want: invalid},
		{id: "x22", value: "http://", want: invalid},
		{id: "x23", value: "http://%6Cocalhost:{port}", want: mismatch},
		{id: "x24", value: "http://loc<alhost:{port}", want: invalid},
		{id: "x25", value: "http://user@localhost:{port}", want: mismatch},
		{id: "x26", value: "http://[::1]:{port}", want: mismatch},
		{id: "x27", value: "mailto:x", want: mismatch},
		{id: "x28", value: "https://localhost:443", want: mismatch},
		{id: "x29", value: "http:\\\\localhost:{port}", want: mismatch},
		{id: "x101", value: "http://local%20host:{port}", want: mismatch},
		{id: "x102", value: "http://%zz:{port}", want: invalid},
		{id: "x103", value: "http://%25:{port}", want: invalid},
		{id: "x104", value: "http://%C3%A9:{port}", want: mismatch},
		{id: "x105", value: "http://a%2Fb:{port}", want: invalid},
		{id: "x106", value: "http://a_b:{port}", want: mismatch},
		{id: "x107", value: "http://a^b:{port}", want: invalid},
		{id: "x108", value: "http://localhost:", want: mismatch},
		{id: "x109", value: "http://127.0.0.256:{port}", want: invalid},
		{id: "x110", value: "http://[::g]:{port}", want: invalid},
		{id: "x111", value: "http://..:{port}", want: mismatch},
		{id: "x112", value: "file://localhost", want: mismatch},
		{id: "x113", value: "ws://", want: invalid},
		{id: "x114", value: "1http://localhost:{port}", want: invalid},
		{id: "x115", value: "http://a|b:{port}", want: invalid},
		{id: "x116", value: "http://a\"b:{port}", want: mismatch},
		{id: "x117", value: "http://a`b:{port}", want: mismatch},
		{id: "x118", value: "http://a{b}:{port}", want: mismatch},
		{id: "x119", value: "http://a[b:{port}", want: invalid},
		{id: "x120", value: "http://a]b:{port}", want: invalid},
		{id: "x121", value: "http://0x7f.1:{port}", want: mismatch},
		{id: "x122", value: "http://1.2.3.4.5:{port}", want: invalid},
		{id: "x123", value: "http://999999999999:{port}", want: invalid},
		{id: "x124", value: "http://foo.123:{port}", want: invalid},
		{id: "x125", value: "http://0x:{port}", want: mismatch},
		{id: "x126", value: "http://[::1:{port}", want: invalid},
		{id: "x127", value: "http://[1.2.3.4]:{port}", want: invalid},
		{id: "x128", value: "http://[fe80::1%25eth0]:{port}", want: invalid},
		{id: "x129", value: "http://a%2Ab:{port}", want: mismatch},
		{id: "x130", value: "http://%7F:{port}", want: invalid},
		{id: "x131", value: "http://1.2.3.09:{port}", want: invalid},
		{id: "x132", value: "http://localhost.:{port}", want: mismatch},
		{id: "x133", value: "http://a;b=c:{port}", want: mismatch},
		{id: "x134", value: "http://%00:{port}", want: invalid},
		{id: "x135", value: "http://%ff:{port}", want: invalid},
		{id: "x136", value: "http://a%3Ab:{port}", want: invalid},
		{id: "x137", value: "http://a%5Bb:{port}", want: invalid},
		{id: "x138", value: "http://a%40b:{port}", want: invalid},
		{id: "x139", value: "http://a%23b:{port}", want: invalid},
		{id: "x140", value: "http://a%3Fb:{port}", want: invalid},
		{id: "x141", value: "http://a%5Eb:{port}", want: invalid},
		{id: "x142", value: "http://a%7Cb:{port}", want: invalid},
		{id: "x143", value: "http://a%3Cb:{port}", want: invalid},
		{id: "x144", value: "http://a%5Cb:{port}", want: invalid},
		{id: "x145", value: "http://a%22b:{port}", want: mismatch},
		{id: "x146", value: "http://a%09b:{port}", want: invalid},
		{id: "x147", value: "http://xn--a:{port}", want: mismatch},
		{id: "x148", value: "http://a%E2%80%8Bb:{port}", want: mismatch},
	}
	cases := make([]testCase, len(values))
	for i, v := range values {
		cases[i] = testCase{
			id: v.id, desc: fmt.Sprintf("ACAO %q", v.value),
			hops: []hop{{role: r1, actual: answer(200, acao+v.value)}}, want: v.want,
		}
	}
	return cases
}

// ruleCases fill in blocked and allowed cases for rules the reference
// covers thinly.
func ruleCases() []testCase {
	ok := answer(200, acao+"*")
	return []testCase{
		{id: "x30", desc: "ACAO * padded, credentialed", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"  *  ", acac+"true")}}, want: "WildcardOriginNotAllowed"},
		{id: "x34", desc: "redirect to a relative URL", hops: []hop{{role: r1, actual: answer(302, acao+"*", "Location: {next-path}")}, {role: r1, actual: ok}}},
		{id: "x35", desc: "redirect to a URL with a fragment", hops: []hop{{role: r1, actual: answer(302, acao+"*", "Location: {next}#frag")}, {role: r1, actual: ok}}},
		{id: "x36", desc: "300 with Location is not followed", hops: []hop{{role: r1, actual: answer(300, acao+"*", loc)}, {role: r1, actual: answer(200)}}},
		{id: "x37", desc: "PUT, ACAM lists it among others", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET,PUT,DELETE"), actual: ok}}},
		{id: "x38", desc: "X-Foo and X-Bar, ACAH lists X-Bar only", header: []string{"X-Foo: 1", "X-Bar: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"X-Bar"), actual: ok}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "x39", desc: "sandboxed, credentialed PUT, ACAO null and ACAC true", sandbox: true, method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"null", acac+"true", acam+"PUT"), actual: answer(200, acao+"null", acac+"true")}}},
		{id: "x40", desc: "sandboxed, credentialed, ACAO *", sandbox: true, creds: true, hops: []hop{{role: r1, actual: ok}}, want: "WildcardOriginNotAllowed"},
		{id: "x41", desc: "sandboxed, r1 -> r2, ACAO null", sandbox: true, hops: []hop{{role: r1, actual: answer(302, acao+"null", loc)}, {role: r2, actual: answer(200, acao+"null")}}},
		{id: "x42", desc: "sandboxed, preflighted PUT, ACAO *", sandbox: true, method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok}}},
	}
}

// schemeCases are responses Chromium fails outside the CORS check, or
// before it: redirects to schemes it does not fetch, and Location lines
// that disagree.
func schemeCases() []testCase {
	ok := answer(200, acao+"*")
	to := func(location string) []hop {
		return []hop{{role: r1, actual: answer(302, acao+"*", "Location: "+location)}}
	}
	return []testCase{
		{id: "x31", desc: "redirect to an ftp: URL", hops: to("ftp://127.0.0.1/x"), want: "CorsDisabledScheme"},
		{id: "x32", desc: "redirect to a file: URL", hops: to("file:///etc/hosts"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x33", desc: "redirect to an unparsable URL", hops: to("http://[bad"), want: "net::ERR_INVALID_REDIRECT"},
		{id: "x201", desc: "redirect to a javascript: URL", hops: to("javascript:alert(1)"), want: "CorsDisabledScheme"},
		{id: "x202", desc: "redirect to about:blank", hops: to("about:blank"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x203", desc: "redirect to a mailto: URL", hops: to("mailto:a@b.c"), want: "CorsDisabledScheme"},
		{id: "x204", desc: "redirect to a ws: URL", hops: to("ws://127.0.0.1:1/x"), want: "CorsDisabledScheme"},
		{id: "x205", desc: "redirect to a blob: URL", hops: to("blob:http://127.0.0.1/abc"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x206", desc: "redirect to an app's own scheme", hops: to("myapp://callback"), want: "CorsDisabledScheme"},
		{id: "x207", desc: "redirect to a chrome: URL", hops: to("chrome://version"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x208", desc: "same-origin redirect to an ftp: URL", hops: []hop{{role: page, actual: answer(302, "Location: ftp://127.0.0.1/x")}}, want: "CorsDisabledScheme"},
		{id: "x209", desc: "two different Location lines on a 200", hops: []hop{{role: r1, actual: answer(200, acao+"*", "Location: /a", "Location: /b")}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x210", desc: "redirect to ftp: without ACAO: the CORS check comes first", hops: []hop{{role: r1, actual: answer(302, "Location: ftp://127.0.0.1/x")}}, want: "MissingAllowOriginHeader"},
		{id: "x211", desc: "redirect to data: without ACAO: the CORS check comes first", hops: []hop{{role: r1, actual: answer(302, "Location: data:,x")}}, want: "MissingAllowOriginHeader"},
		{id: "x212", desc: "two different Location lines and no ACAO: the network error comes first", hops: []hop{{role: r1, actual: answer(302, loc, "Location: {next}?x")}, {role: r1, actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x213", desc: "redirect to a filesystem: URL", hops: to("filesystem:http://127.0.0.1/temporary/x"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x215", desc: "a Location line and an empty one", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc, "Location: ")}, {role: r1, actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x216", desc: "redirect to a devtools: URL", hops: to("devtools://devtools/x"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x217", desc: "redirect to a chrome-untrusted: URL", hops: to("chrome-untrusted://x/"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x218", desc: "redirect to a chrome-extension: URL", hops: to("chrome-extension://abcdefghijklmnopabcdefghijklmnop/x"), want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "x219", desc: "redirect to an isolated-app: URL", hops: to("isolated-app://x/"), want: "net::ERR_UNKNOWN_URL_SCHEME"},
		{id: "x220", desc: "redirect to a view-source: URL", hops: to("view-source:http://127.0.0.1/"), want: "blocked:other"},
		{id: "x221", desc: "two different Location lines on a preflight", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT", "Location: /a", "Location: /b"), actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x222", desc: "two different Location lines on a 301 preflight", method: "PUT", hops: []hop{{role: r1, preflight: pf(301, acao+"*", acam+"PUT", "Location: /a", "Location: /b"), actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x223", desc: "two different Location lines on a same-origin redirect", hops: []hop{{role: page, actual: answer(302, loc, "Location: {next}?x")}, {role: page, actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x224", desc: "redirect to a wss: URL", hops: to("wss://127.0.0.1:1/x"), want: "CorsDisabledScheme"},
	}
}

// redirectCases follow redirects that change the request: method rewrites
// that drop the body, Authorization across origins, taint that persists.
func redirectCases() []testCase {
	ok := answer(200, acao+"*")
	return []testCase{
		{id: "x50", desc: "POST text/plain 301 -> GET, no preflight", method: "POST", header: []string{"Content-Type: text/plain"}, body: "x", hops: []hop{{role: r1, actual: answer(301, acao+"*", loc)}, {role: r1, actual: ok}}},
		{id: "x51", desc: "POST json 302 -> GET drops Content-Type, no preflight after", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"content-type"), actual: answer(302, acao+"*", loc)}, {role: r1, actual: ok}}},
		{id: "x52", desc: "POST json 307 -> r2 keeps the body, preflight at r2", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"content-type"), actual: answer(307, acao+"*", loc)}, {role: r2, preflight: pf(200, acao+"*", acah+"content-type"), actual: ok}}},
		{id: "x53", desc: "PUT 308 -> r2, r2 preflight names the page (tainted)", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(308, acao+"*", loc)}, {role: r2, preflight: pf(200, acao+"{origin}", acam+"PUT"), actual: answer(200, acao+"{origin}")}}, want: "PreflightAllowOriginMismatch"},
		{id: "x54", desc: "PUT + X-Foo 303 -> GET keeps X-Foo, preflight for it", method: "PUT", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT", acah+"x-foo"), actual: answer(303, acao+"*", loc)}, {role: r1, preflight: pf(200, acao+"*", acah+"x-foo"), actual: ok}}},
		{id: "x55", desc: "Authorization is dropped on a cross-origin redirect: no preflight at r2", header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"authorization"), actual: answer(302, acao+"*", loc)}, {role: r2, actual: ok}}},
		{id: "x56", desc: "Authorization on a same-origin redirect is kept and preflighted again", header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"authorization"), actual: answer(302, acao+"*", loc)}, {role: r1, preflight: pf(200, acao+"*", acah+"authorization"), actual: ok}}},
		{id: "x57", desc: "r1 -> r2 -> r1: the taint persists", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: answer(302, acao+"*", loc)}, {role: r1, actual: answer(200, acao+"{origin}")}}, want: "AllowOriginMismatch"},
		{id: "x58", desc: "r1 -> r2 -> r1, ACAO null at the end", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: answer(302, acao+"*", loc)}, {role: r1, actual: answer(200, acao+"null")}}},
		{id: "x59", desc: "creds: r1 -> page, ACAO null and ACAC true", creds: true, hops: []hop{{role: r1, actual: answer(302, acao+"{origin}", acac+"true", loc)}, {role: page, actual: answer(200, acao+"null", acac+"true")}}},
		{id: "x60", desc: "preflighted PUT redirected, second preflight 403", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(307, acao+"*", loc)}, {role: r1, preflight: pf(403, acao+"*", acam+"PUT"), actual: ok}}, want: "PreflightInvalidStatus"},
		{id: "x61", desc: "page -> page -> r1 with creds, ACAO origin and ACAC", creds: true, hops: []hop{{role: page, actual: answer(302, loc)}, {role: page, actual: answer(302, loc)}, {role: r1, actual: answer(200, acao+"{origin}", acac+"true")}}},
		{id: "x62", desc: "r1 -> page -> page: tainted, then same-origin hops", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: page, actual: answer(302, acao+"*", loc)}, {role: page, actual: answer(200, acao+"{origin}")}}, want: "AllowOriginMismatch"},
	}
}

// duplicateCases repeat header lines: the browser joins them with ", "
// before parsing, which turns a valid value into an invalid one or back.
func duplicateCases() []testCase {
	ok := answer(200, acao+"*")
	return []testCase{
		{id: "x70", desc: "two ACAM lines, the first not a token list", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET PUT", acam+"PUT"), actual: ok}}, want: "InvalidAllowMethodsPreflightResponse"},
		{id: "x71", desc: "two ACAH lines, one empty", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-foo", acah), actual: ok}}},
		{id: "x72", desc: "two ACAC lines, true and empty", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"true", acac)}}, want: "InvalidAllowCredentials"},
		{id: "x73", desc: "two ACAC true lines on the preflight", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acac+"true", acam+"PUT"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightInvalidAllowCredentials"},
		{id: "x74", desc: "two ACAO * lines on the preflight", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acao+"*", acam+"PUT"), actual: ok}}, want: "PreflightMultipleAllowOriginValues"},
		{id: "x75", desc: "two ACAO lines on a redirect", hops: []hop{{role: r1, actual: answer(302, acao+"*", acao+"*", loc)}, {role: r1, actual: ok}}, want: "MultipleAllowOriginValues"},
		{id: "x76", desc: "two identical Location lines", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc, loc)}, {role: r1, actual: ok}}},
		{id: "x77", desc: "two different Location lines", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc, "Location: {next}?other")}, {role: r1, actual: ok}}, want: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"},
		{id: "x78", desc: "two ACAM lines, * and PUT, credentialed", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*", acam+"PUT"), actual: answer(200, acao+"{origin}", acac+"true")}}},
		{id: "x79", desc: "ACAH split over three lines with the needed names apart", header: []string{"X-A: 1", "X-B: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-a", acah+"x-c", acah+"x-b"), actual: ok}}},
		{id: "x80", desc: "two Access-Control-Max-Age lines do not matter to the verdict", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT", "Access-Control-Max-Age: 5", "Access-Control-Max-Age: 10"), actual: ok}}},
	}
}
