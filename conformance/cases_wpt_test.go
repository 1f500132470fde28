//go:build browser

package conformance

import (
	"fmt"
	"strings"
)

// wptCases port the web-platform-tests the reference lists, as far as a
// scripted server can serve them. Left out: values holding control bytes
// (Go's HTTP client refuses to send them, so corslint rejects such a
// request), the preflight-cache tests, XHR-only tests, and the expectations
// the reference flags as stale.
func wptCases() []testCase {
	var cases []testCase
	cases = append(cases, wptPreflightStar()...)
	cases = append(cases, wptPreflightStatus()...)
	cases = append(cases, wptPreflight()...)
	cases = append(cases, wptSafelist()...)
	cases = append(cases, wptOrigin()...)
	cases = append(cases, wptRedirects()...)
	return cases
}

// wptPreflightStar is fetch/api/cors/cors-preflight-star.any.js: "*" is a
// wildcard in Access-Control-Allow-Methods and -Headers only without
// credentials. Its credentialed server sends the page's origin and ACAC true.
func wptPreflightStar() []testCase {
	credOK := answer(200, acao+"{origin}", acac+"true")
	return []testCase{
		{id: "w01", desc: "preflight-star: GET + X-Test, ACAM get, ACAH x-test", header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"get", acah+"x-test"), actual: answer(200, acao+"*")}}},
		{id: "w02", desc: "preflight-star: SUPER + X-Test, ACAM *, ACAH x-test", method: "SUPER", header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"*", acah+"x-test"), actual: answer(200, acao+"*")}}},
		{id: "w03", desc: "preflight-star: OK + X-Test, ACAM *, ACAH *", method: "OK", header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"*", acah+"*"), actual: answer(200, acao+"*")}}},
		{id: "w04", desc: "preflight-star: creds, OK + X-Test, ACAM *, ACAH *", method: "OK", creds: true, header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*", acah+"*"), actual: credOK}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "w05", desc: "preflight-star: creds, PUT, ACAM *, ACAH empty", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*", acah), actual: credOK}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "w06", desc: "preflight-star: creds, PUT, ACAM PUT, ACAH *", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"PUT", acah+"*"), actual: credOK}}},
		{id: "w07", desc: "preflight-star: creds, GET + X-Test, ACAM get, ACAH *", creds: true, header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"get", acah+"*"), actual: credOK}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "w08", desc: "preflight-star: creds, GET + X-Test, ACAM *, ACAH *", creds: true, header: []string{"X-Test: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*", acah+"*"), actual: credOK}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "w09", desc: "preflight-star: creds, method * + header *, ACAM *, ACAH * (literal match)", method: "*", creds: true, header: []string{"*: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*", acah+"*"), actual: credOK}}},
		{id: "w10", desc: "preflight-star: creds, PUT, ACAM put, ACAH *", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"put", acah+"*"), actual: credOK}}, want: "MethodDisallowedByPreflightResponse"},
	}
}

// wptPreflightStatus is fetch/api/cors/cors-preflight-status.any.js, with
// statuses of cors/preflight-failure.htm: only 200-299 pass. A 3xx without
// Location is no redirect, just a status that is not ok.
func wptPreflightStatus() []testCase {
	var cases []testCase
	for i, status := range []int{200, 202, 203, 205, 206, 301, 302, 303, 305, 306, 307, 308, 400, 401, 403, 405, 410, 417, 501, 502, 503, 505, 680, 790} {
		c := testCase{
			id:     fmt.Sprintf("w%02d", 11+i),
			desc:   fmt.Sprintf("preflight-status: preflight answers %d", status),
			header: []string{"X-Force-Preflight: 1"},
			hops:   []hop{{role: r1, preflight: pf(status, acao+"*", acah+"x-force-preflight"), actual: answer(200, acao+"*")}},
		}
		if status > 299 {
			c.want = "PreflightInvalidStatus"
		}
		cases = append(cases, c)
	}
	return cases
}

// wptPreflight is fetch/api/cors/cors-preflight.any.js and
// cors-preflight-response-validation.any.js: methods and headers the
// preflight must name, and lists that do not parse.
func wptPreflight() []testCase {
	custom := []string{
		"X-Test-Header1: header1", "X-Test-Header2: header2", "X-Test-Header3: header3",
		"x-test-header-D: D", "x-test-header-C: C", "x-test-header-b: b", "x-test-header-a: a",
		"Content-Type: allowedOrRefused",
		"Accept: *", "Accept-Language: bzh", "Content-Language: eu",
	}
	allNames := "x-test-header1, X-TEST-HEADER2, x-test-header3, x-test-header-a, x-test-header-b, x-test-header-c, x-test-header-d, content-type"
	cases := []testCase{
		{id: "w40", desc: "preflight-response-validation: ACAH with a name holding spaces", header: []string{"X-Force-Preflight: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-force-preflight,header name with space"), actual: answer(200, acao+"*")}}, want: "InvalidAllowHeadersPreflightResponse"},
		{id: "w41", desc: "preflight-response-validation: GET forced by a header, ACAM Bad method name", header: []string{"X-Force-Preflight: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"Bad method name", acah+"x-force-preflight"), actual: answer(200, acao+"*")}}, want: "InvalidAllowMethodsPreflightResponse"},
		{id: "w42", desc: "preflight: seven custom headers and a bad Content-Type, all allowed", header: custom, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+allNames), actual: answer(200, acao+"*")}}},
		{id: "w43", desc: "preflight: seven custom headers and a bad Content-Type, content-type not allowed", header: custom, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+strings.TrimSuffix(allNames, ", content-type")), actual: answer(200, acao+"*")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "w44", desc: "preflight: PUT with safelisted headers only sends no ACRH", method: "PUT", header: []string{"Accept: *", "Accept-Language: bzh", "Content-Language: eu"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(200, acao+"*")}}},
	}
	for i, m := range []string{"DELETE", "PUT", "PATCH", "NEW"} {
		cases = append(cases,
			testCase{id: fmt.Sprintf("w%02d", 45+2*i), desc: "preflight: " + m + " named by ACAM", method: m, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET, "+m), actual: answer(200, acao+"*")}}},
			testCase{id: fmt.Sprintf("w%02d", 46+2*i), desc: "preflight: " + m + " not named by ACAM", method: m, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET, POST"), actual: answer(200, acao+"*")}}, want: "MethodDisallowedByPreflightResponse"},
		)
	}
	return cases
}

// wptSafelist is cors/cors-safelisted-request-header.any.js (a POST with
// body "data") and fetch/api/cors/cors-preflight-not-cors-safelisted.any.js.
// A request that must not be preflighted gets a 404 for any preflight; one
// that must be preflighted gets a preflight that allows no header, so the
// verdict itself says whether, and for which header, Chromium preflighted.
func wptSafelist() []testCase {
	noPreflight := []string{
		"Content-Type: text/plain;",
		"Content-Type: text/plain;garbage",
		"Content-Type: multipart/form-data",
		"Range: bytes=100-200",
		"Range: bytes=200-",
	}
	preflight := []string{
		"Content-Type: text /plain",
		"Content-Type: text\t/\tplain",
		"Content-Type: text/plain,",
		"Content-Type: ,text/plain",
		"Content-Type: text/plain,text/plain",
		"Content-Type: text/plain,x/x",
		"Content-Type: application/www-form-urlencoded",
		"Content-Type: multipart/form-data;\"",
		"Range: 100-200",
		"Range: MB=100-200",
		"Range: bytes =100-200",
		"Range: bytes\t=100-200",
		"Range: bytes=  100-200",
		"Range: bytes=100 -200",
		"Range: bytes=100- 200",
		"Range: bytes=100-200hello",
		"Range: bytes=abc-def",
		"Range: bytes=100-200,300-400",
		"Range: bytes=-200",
		"Range: bytes=200-100",
		"Range: bytes=" + strings.Repeat("1", 61) + "-",
		"Range: bytes 100-200",
		"Range: bytes = 100-200",
		"Range: ,bytes=100-200",
		"Range: bytes=,100-200",
		// cors-preflight-not-cors-safelisted.any.js
		"Accept: \"",
		"Accept-Language: @",
		"Authorization: basics",
		"Content-Language: @",
		"Content-Type: text/html",
		"Content-Type: text/plain; long=" + strings.Repeat("a", 128),
		"Test: hi",
	}
	var cases []testCase
	n := 55
	for _, h := range noPreflight {
		cases = append(cases, testCase{
			id: fmt.Sprintf("w%02d", n), desc: "safelisted, no preflight: " + h, method: "POST", header: []string{h}, body: "data",
			hops: []hop{{role: r1, actual: answer(200, acao+"*")}},
		})
		n++
	}
	for _, h := range preflight {
		cases = append(cases, testCase{
			id: fmt.Sprintf("w%02d", n), desc: "not safelisted, preflight: " + h, method: "POST", header: []string{h}, body: "data",
			hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: answer(200, acao+"*")}},
			want: "HeaderDisallowedByPreflightResponse",
		})
		n++
	}
	return cases
}

// wptOrigin is cors/origin.htm (Access-Control-Allow-Origin values),
// cors/credentials-flag.htm (Access-Control-Allow-Credentials values),
// cors/request-headers.htm and fetch/api/cors/cors-origin.any.js. Values the
// reference rows a01-a41 already cover, and values with a NUL byte, are
// left out. The IDs are fixed: generated cases must keep them.
func wptOrigin() []testCase {
	values := []struct {
		id, value, want string
	}{
		{id: "w101", value: " *  "},
		{id: "w102", value: "\t*"},
		{id: "w103", value: " {origin}"},
		{id: "w104", value: " {origin}   \t "},
		{id: "w105", value: "\"*\"", want: "InvalidAllowOriginValue"},
		{id: "w106", value: "* *", want: "MultipleAllowOriginValues"},
		{id: "w107", value: "* null", want: "MultipleAllowOriginValues"},
		{id: "w108", value: "* {origin}", want: "MultipleAllowOriginValues"},
		{id: "w109", value: "*.localhost", want: "InvalidAllowOriginValue"},
		{id: "w110", value: "*http://*", want: "InvalidAllowOriginValue"},
		{id: "w111", value: "*{origin}", want: "InvalidAllowOriginValue"},
		{id: "w112", value: "-", want: "InvalidAllowOriginValue"},
		{id: "w113", value: ".localhost", want: "InvalidAllowOriginValue"},
		{id: "w114", value: "//localhost:{port}", want: "InvalidAllowOriginValue"},
		{id: "w115", value: "://localhost:{port}", want: "InvalidAllowOriginValue"},
		{id: "w116", value: "HTTP://LOCALHOST:{port}", want: "AllowOriginMismatch"},
		{id: "w117", value: "ftp://localhost:{port}", want: "AllowOriginMismatch"},
		{id: "w118", value: "http:://localhost:{port}", want: "InvalidAllowOriginValue"},
		{id: "w119", value: "http://.localhost:{port}", want: "AllowOriginMismatch"},
		{id: "w120", value: "http://example.net", want: "AllowOriginMismatch"},
		{id: "w121", value: "http://sub.localhost:{port}", want: "AllowOriginMismatch"},
		{id: "w122", value: "http:localhost:{port}", want: "AllowOriginMismatch"},
		{id: "w123", value: "null *", want: "MultipleAllowOriginValues"},
		{id: "w124", value: "null {origin}", want: "MultipleAllowOriginValues"},
		{id: "w125", value: "{origin} /", want: "MultipleAllowOriginValues"},
		{id: "w126", value: "{origin}#", want: "AllowOriginMismatch"},
		{id: "w127", value: "{origin}%23", want: "InvalidAllowOriginValue"},
		{id: "w128", value: "{origin}, *", want: "MultipleAllowOriginValues"},
		{id: "w129", value: "{origin}/page", want: "AllowOriginMismatch"},
		{id: "w130", value: "{origin}?", want: "AllowOriginMismatch"},
		{id: "w131", value: "{self}", want: "AllowOriginMismatch"},
	}
	var cases []testCase
	for _, v := range values {
		verb := "fails"
		if v.want == "" {
			verb = "passes"
		}
		cases = append(cases, testCase{
			id: v.id, desc: fmt.Sprintf("origin.htm: ACAO %q %s", v.value, verb),
			hops: []hop{{role: r1, actual: answer(200, acao+v.value)}}, want: v.want,
		})
	}
	printOK := pf(200, acao+"*", acah+"x-print")
	return append(cases,
		testCase{id: "w132", desc: "origin.htm: two ACAO lines, empty and *", hops: []hop{{role: r1, actual: answer(200, acao, acao+"*")}}, want: "MultipleAllowOriginValues"},
		testCase{id: "w133", desc: "origin.htm: two ACAO lines, * and empty", hops: []hop{{role: r1, actual: answer(200, acao+"*", acao)}}, want: "MultipleAllowOriginValues"},
		testCase{id: "w134", desc: "origin.htm: two ACAO lines, empty and the origin", hops: []hop{{role: r1, actual: answer(200, acao, acao+"{origin}")}}, want: "MultipleAllowOriginValues"},
		testCase{id: "w135", desc: "origin.htm: two ACAO lines, * and the origin", hops: []hop{{role: r1, actual: answer(200, acao+"*", acao+"{origin}")}}, want: "MultipleAllowOriginValues"},
		testCase{id: "w136", desc: "credentials-flag.htm: ACAC \"true\" quoted", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"\"true\"")}}, want: "InvalidAllowCredentials"},
		testCase{id: "w137", desc: "credentials-flag.htm: ACAC false", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"false")}}, want: "InvalidAllowCredentials"},
		testCase{id: "w138", desc: "credentials-flag.htm: ACAC 1", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"1")}}, want: "InvalidAllowCredentials"},
		testCase{id: "w139", desc: "credentials-flag.htm: ACAC 0", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"0")}}, want: "InvalidAllowCredentials"},
		testCase{id: "w140", desc: "request-headers.htm: x-print allowed", header: []string{"X-Print: 1"}, hops: []hop{{role: r1, preflight: printOK, actual: answer(200, acao+"*")}}},
		testCase{id: "w141", desc: "request-headers.htm: safelisted headers need not be listed", header: []string{"X-Print: 1", "Content-Type: text/plain", "Accept: test", "Accept-Language: nn", "Content-Language: nn"}, hops: []hop{{role: r1, preflight: printOK, actual: answer(200, acao+"*")}}},
		testCase{id: "w142", desc: "request-headers.htm: y-print not allowed", header: []string{"X-Print: 1", "Y-Print: 1"}, hops: []hop{{role: r1, preflight: printOK, actual: answer(200, acao+"*")}}, want: "HeaderDisallowedByPreflightResponse"},
		testCase{id: "w143", desc: "request-headers.htm: ACAH ,y-lol,x-PriNT, ,,,Y-PRINT", header: []string{"X-Print: 1", "Y-Print: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+",y-lol,x-PriNT, ,,,Y-PRINT"), actual: answer(200, acao+"*")}}},
		testCase{id: "w144", desc: "cors-origin: POST, ACAO origin", method: "POST", body: "x", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}")}}},
		testCase{id: "w145", desc: "cors-origin: HEAD, ACAO origin", method: "HEAD", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}")}}},
		testCase{id: "w146", desc: "cors-origin: preflighted PUT, ACAO origin", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acam+"PUT"), actual: answer(200, acao+"{origin}")}}},
	)
}

// wptRedirects is cors/redirect-origin.htm, fetch/api/cors/
// cors-redirect-credentials.any.js, cors-redirect-preflight.any.js and
// cors-preflight-redirect.any.js.
func wptRedirects() []testCase {
	redirect := func(status int, lines ...string) reply {
		return answer(status, append(lines, loc)...)
	}
	x := []string{"X-W3C: 1"}
	allowW3C := pf(200, acao+"*", acah+"x-w3c")
	denyW3C := pf(200, acao+"*")
	cases := []testCase{
		// redirect-origin.htm: which Origin the second hop sees.
		{id: "w201", desc: "redirect-origin: page -> r1, ACAO *", hops: []hop{{role: page, actual: redirect(302)}, {role: r1, actual: answer(200, acao+"*")}}},
		{id: "w202", desc: "redirect-origin: page -> r1, ACAO null", hops: []hop{{role: page, actual: redirect(302)}, {role: r1, actual: answer(200, acao+"null")}}, want: "AllowOriginMismatch"},
		{id: "w203", desc: "redirect-origin: page -> r1, no ACAO", hops: []hop{{role: page, actual: redirect(302)}, {role: r1, actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "w204", desc: "redirect-origin: r1 -> page, ACAO null", hops: []hop{{role: r1, actual: redirect(302, acao+"*")}, {role: page, actual: answer(200, acao+"null")}}},
		{id: "w205", desc: "redirect-origin: r1 -> page, ACAO origin", hops: []hop{{role: r1, actual: redirect(302, acao+"*")}, {role: page, actual: answer(200, acao+"{origin}")}}, want: "AllowOriginMismatch"},
		{id: "w206", desc: "redirect-origin: r1 -> page, no ACAO", hops: []hop{{role: r1, actual: redirect(302, acao+"*")}, {role: page, actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "w207", desc: "redirect-origin: r1 -> r1, ACAO origin (Origin unchanged)", hops: []hop{{role: r1, actual: redirect(302, acao+"{origin}")}, {role: r1, actual: answer(200, acao+"{origin}")}}},
		{id: "w208", desc: "redirect-origin: r1 -> r1, ACAO null", hops: []hop{{role: r1, actual: redirect(302, acao+"{origin}")}, {role: r1, actual: answer(200, acao+"null")}}, want: "AllowOriginMismatch"},
		{id: "w209", desc: "redirect-origin: r1 -> r2, no ACAO", hops: []hop{{role: r1, actual: redirect(302, acao+"{origin}")}, {role: r2, actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "w210", desc: "redirect-origin: r1 (ACAO null) -> r2", hops: []hop{{role: r1, actual: redirect(302, acao+"null")}, {role: r2, actual: answer(200, acao+"*")}}, want: "AllowOriginMismatch"},
		{id: "w211", desc: "redirect-origin: r1 -> r2, ACAO r2's own origin", hops: []hop{{role: r1, actual: redirect(302, acao+"*")}, {role: r2, actual: answer(200, acao+"{self}")}}, want: "AllowOriginMismatch"},

		// cors-redirect-credentials.any.js: userinfo in Location.
		{id: "w220", desc: "redirect-credentials: 301 page -> user:password@r1", hops: []hop{{role: page, actual: redirect(301), userinfo: "user:password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w221", desc: "redirect-credentials: 302 page -> user:password@r1", hops: []hop{{role: page, actual: redirect(302), userinfo: "user:password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w222", desc: "redirect-credentials: 303 page -> user:password@r1", hops: []hop{{role: page, actual: redirect(303), userinfo: "user:password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w223", desc: "redirect-credentials: 307 page -> user:password@r1", hops: []hop{{role: page, actual: redirect(307), userinfo: "user:password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w224", desc: "redirect-credentials: 308 page -> user:password@r1", hops: []hop{{role: page, actual: redirect(308), userinfo: "user:password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w225", desc: "redirect-credentials: r1 -> user:@page", hops: []hop{{role: r1, actual: redirect(302, acao+"*"), userinfo: "user:"}, {role: page, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w226", desc: "redirect-credentials: r1 -> :password@r1", hops: []hop{{role: r1, actual: redirect(302, acao+"*"), userinfo: ":password"}, {role: r1, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},
		{id: "w227", desc: "redirect-credentials: r1 -> user:@r2", hops: []hop{{role: r1, actual: redirect(307, acao+"*"), userinfo: "user:"}, {role: r2, actual: answer(200, acao+"*")}}, want: "RedirectContainsCredentials"},

		// cors-redirect-preflight.any.js: the preflight runs again after
		// a redirect, at the new URL.
		{id: "w230", desc: "redirect-preflight: 301 r1 -> r2, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(301, acao+"*")}, {role: r2, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w231", desc: "redirect-preflight: 302 r1 -> r2, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(302, acao+"*")}, {role: r2, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w232", desc: "redirect-preflight: 303 r1 -> r2, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(303, acao+"*")}, {role: r2, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w233", desc: "redirect-preflight: 307 r1 -> r2, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(307, acao+"*")}, {role: r2, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w234", desc: "redirect-preflight: 308 r1 -> r2, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(308, acao+"*")}, {role: r2, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w235", desc: "redirect-preflight: 307 r1 -> r2, x-w3c refused there", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(307, acao+"*")}, {role: r2, preflight: denyW3C, actual: answer(200, acao+"*")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "w236", desc: "redirect-preflight: 302 page -> r1, x-w3c allowed", header: x, hops: []hop{{role: page, actual: redirect(302)}, {role: r1, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w237", desc: "redirect-preflight: 307 page -> r1, x-w3c refused", header: x, hops: []hop{{role: page, actual: redirect(307)}, {role: r1, preflight: denyW3C, actual: answer(200, acao+"*")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "w238", desc: "redirect-preflight: 302 r1 -> page, x-w3c allowed", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(302, acao+"*")}, {role: page, preflight: allowW3C, actual: answer(200, acao+"*")}}},
		{id: "w239", desc: "redirect-preflight: 307 r1 -> page, x-w3c refused", header: x, hops: []hop{{role: r1, preflight: allowW3C, actual: redirect(307, acao+"*")}, {role: page, preflight: denyW3C, actual: answer(200, acao+"*")}}, want: "HeaderDisallowedByPreflightResponse"},
	}
	// cors-preflight-redirect.any.js: a redirected preflight fails (c06
	// is the 301).
	for i, status := range []int{302, 303, 307, 308} {
		cases = append(cases, testCase{
			id: fmt.Sprintf("w%d", 240+i), desc: fmt.Sprintf("preflight-redirect: preflight answers %d", status), header: x,
			hops: []hop{
				{role: r1, preflight: pf(status, acao+"*", acah+"x-w3c", loc), actual: answer(200, acao+"*")},
				{role: r1, preflight: allowW3C, actual: answer(200, acao+"*")},
			},
			want: "PreflightDisallowedRedirect",
		})
	}
	return cases
}
