//go:build browser

package conformance

import "strings"

// Header line prefixes, so the tables read like the responses.
const (
	acao = "Access-Control-Allow-Origin: "
	acac = "Access-Control-Allow-Credentials: "
	acam = "Access-Control-Allow-Methods: "
	acah = "Access-Control-Allow-Headers: "
	loc  = "Location: {next}"
)

// answer is a scripted response with the given status and header lines.
func answer(status int, lines ...string) reply { return reply{status: status, header: lines} }

// pf is a scripted preflight response.
func pf(status int, lines ...string) *reply {
	r := answer(status, lines...)
	return &r
}

// permissive allows any method and header without credentials: the rows
// that use it are about whether Chromium preflights, which the requests the
// server saw show.
var permissive = pf(200, acao+"*", acam+"*", acah+"*")

// chain is n redirects from r1 to r1, every hop with ACAO *.
func chain(n int) []hop {
	hops := make([]hop, n+1)
	for i := range hops {
		hops[i] = hop{role: r1, actual: answer(302, acao+"*", loc)}
	}
	hops[n].actual = answer(200, acao+"*")
	return hops
}

// allCases is the whole suite: the reference's measured rows, the WPT
// cases it lists, and the suite's own.
func allCases() []testCase {
	var all []testCase
	all = append(all, referenceCases()...)
	all = append(all, wptCases()...)
	return append(all, ownCases()...)
}

// referenceCases are the server-scriptable rows of the reference's table of
// Chromium 156 measurements, with their IDs. Rows the engine cannot express
// are left out:
//   - b30, b31: Blob and FormData bodies (corslint sends a string body);
//   - b39: a DEL byte in Content-Type, which Go's HTTP client refuses to
//     send, so corslint rejects the request as a usage error;
//   - d12, d15: redirect modes "manual" and "error";
//   - e01-e07, g05, g06: the preflight cache, which needs repeated requests
//     (corslint always sends a fresh preflight);
//   - f01-f07: XMLHttpRequest, and fetch modes no-cors and same-origin.
//
// b29 (a URLSearchParams body) is sent as the string and Content-Type that
// URLSearchParams produces.
func referenceCases() []testCase {
	ok := answer(200, acao+"*")
	return []testCase{
		// The CORS check on a simple GET.
		{id: "a01", desc: "ACAO *", hops: []hop{{role: r1, actual: answer(200, acao+"*")}}},
		{id: "a02", desc: "no ACAO", hops: []hop{{role: r1, actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "a03", desc: "ACAO exact origin", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}")}}},
		{id: "a04", desc: "ACAO origin + trailing slash", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}/")}}, want: "AllowOriginMismatch"},
		{id: "a05", desc: "ACAO uppercase host", hops: []hop{{role: r1, actual: answer(200, acao+"http://LOCALHOST:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a06", desc: "ACAO uppercase scheme", hops: []hop{{role: r1, actual: answer(200, acao+"HTTP://localhost:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a07", desc: "ACAO missing port", hops: []hop{{role: r1, actual: answer(200, acao+"http://localhost")}}, want: "AllowOriginMismatch"},
		{id: "a08", desc: "ACAO \"origin, other\" in one header", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}, http://other.test")}}, want: "MultipleAllowOriginValues"},
		{id: "a09", desc: "two ACAO headers, both origin", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acao+"{origin}")}}, want: "MultipleAllowOriginValues"},
		{id: "a10", desc: "two ACAO headers, both *", hops: []hop{{role: r1, actual: answer(200, acao+"*", acao+"*")}}, want: "MultipleAllowOriginValues"},
		{id: "a11", desc: "ACAO null (non-opaque requester)", hops: []hop{{role: r1, actual: answer(200, acao+"null")}}, want: "AllowOriginMismatch"},
		{id: "a12", desc: "ACAO empty value", hops: []hop{{role: r1, actual: answer(200, acao)}}, want: "InvalidAllowOriginValue"},
		{id: "a13", desc: "ACAO no scheme localhost:port", hops: []hop{{role: r1, actual: answer(200, acao+"localhost:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a14", desc: "ACAO malformed http:/localhost:port", hops: []hop{{role: r1, actual: answer(200, acao+"http:/localhost:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a15", desc: "ACAO padded with spaces", hops: []hop{{role: r1, actual: answer(200, acao+"   {origin}   ")}}},
		{id: "a16", desc: "ACAO leading tab", hops: []hop{{role: r1, actual: answer(200, acao+"\t{origin}")}}},
		{id: "a17", desc: "ACAO * with credentials include", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"*")}}, want: "WildcardOriginNotAllowed"},
		{id: "a18", desc: "ACAO origin, creds include, no ACAC", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}")}}, want: "InvalidAllowCredentials"},
		{id: "a19", desc: "ACAC TRUE", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"TRUE")}}, want: "InvalidAllowCredentials"},
		{id: "a20", desc: "ACAC padded \"  true  \"", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"  true  ")}}},
		{id: "a21", desc: "two ACAC true headers", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"true", acac+"true")}}, want: "InvalidAllowCredentials"},
		{id: "a22", desc: "ACAO origin + ACAC true, creds include", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"true")}}},
		{id: "a23", desc: "ACAO * + ACAC true, creds omit", hops: []hop{{role: r1, actual: answer(200, acao+"*", acac+"true")}}},
		{id: "a24", desc: "ACAO * + ACAC false, default creds", hops: []hop{{role: r1, actual: answer(200, acao+"*", acac+"false")}}},
		{id: "a25", desc: "status 500 with ACAO *", hops: []hop{{role: r1, actual: answer(500, acao+"*")}}},
		{id: "a26", desc: "status 404 without ACAO", hops: []hop{{role: r1, actual: answer(404)}}, want: "MissingAllowOriginHeader"},
		{id: "a27", desc: "ACAO https scheme mismatch", hops: []hop{{role: r1, actual: answer(200, acao+"https://localhost:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a28", desc: "ACAO \"*, origin\"", hops: []hop{{role: r1, actual: answer(200, acao+"*, {origin}")}}, want: "MultipleAllowOriginValues"},
		{id: "a29", desc: "ACAO '*' quoted", hops: []hop{{role: r1, actual: answer(200, acao+"'*'")}}, want: "InvalidAllowOriginValue"},
		{id: "a30", desc: "ACAO **", hops: []hop{{role: r1, actual: answer(200, acao+"**")}}, want: "InvalidAllowOriginValue"},
		{id: "a31", desc: "ACAO origin with path", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}/path")}}, want: "AllowOriginMismatch"},
		{id: "a32", desc: "ACAO example.com (no scheme, no colon)", hops: []hop{{role: r1, actual: answer(200, acao+"example.com")}}, want: "InvalidAllowOriginValue"},
		{id: "a33", desc: "ACAO 127.0.0.1:3000 (no scheme)", hops: []hop{{role: r1, actual: answer(200, acao+"127.0.0.1:3000")}}, want: "InvalidAllowOriginValue"},
		{id: "a34", desc: "ACAO http://*.localhost:port", hops: []hop{{role: r1, actual: answer(200, acao+"http://*.localhost:{port}")}}, want: "AllowOriginMismatch"},
		{id: "a35", desc: "ACAO origin;", hops: []hop{{role: r1, actual: answer(200, acao+"{origin};")}}, want: "InvalidAllowOriginValue"},
		{id: "a36", desc: "ACAO origin + explicit :80", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}:80")}}, want: "InvalidAllowOriginValue"},
		{id: "a37", desc: "ACAC true but creds same-origin and ACAO *", hops: []hop{{role: r1, actual: answer(200, acao+"*", acac+"true")}}},
		{id: "a38", desc: "ACAO null with creds include and ACAC true", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"null", acac+"true")}}, want: "AllowOriginMismatch"},
		{id: "a39", desc: "ACAC \"true,\"", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"true,")}}, want: "InvalidAllowCredentials"},
		{id: "a40", desc: "ACAC \"True\"", creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}", acac+"True")}}, want: "InvalidAllowCredentials"},
		{id: "a41", desc: "ACAO mismatch on 4xx actual response with creds", creds: true, hops: []hop{{role: r1, actual: answer(403, acao+"http://localhost:3001", acac+"true")}}, want: "AllowOriginMismatch"},

		// Does Chromium preflight? The permissive preflight lets every
		// fetch through; the server's log says whether one was sent.
		{id: "b01", desc: "POST text/plain", method: "POST", header: []string{"Content-Type: text/plain"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b02", desc: "POST application/json", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b03", desc: "POST string body, no Content-Type", method: "POST", body: "{\"a\":1}", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b04", desc: "CT text/plain; charset=utf-8", method: "POST", header: []string{"Content-Type: text/plain; charset=utf-8"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b05", desc: "CT TEXT/PLAIN", method: "POST", header: []string{"Content-Type: TEXT/PLAIN"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b06", desc: "CT text/plain,text/plain", method: "POST", header: []string{"Content-Type: text/plain,text/plain"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b07", desc: "CT multipart with quoted boundary", method: "POST", header: []string{"Content-Type: multipart/form-data; boundary=\"x\""}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b08", desc: "CT text/plain;garbage", method: "POST", header: []string{"Content-Type: text/plain;garbage"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b09", desc: "CT text /plain", method: "POST", header: []string{"Content-Type: text /plain"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b10", desc: "Accept application/json", header: []string{"Accept: application/json"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b11", desc: "Accept with (", header: []string{"Accept: text/(x)"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b12", desc: "Accept-Language en-US,en;q=0.9", header: []string{"Accept-Language: en-US,en;q=0.9"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b13", desc: "Accept-Language with _", header: []string{"Accept-Language: en_US"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b14", desc: "X-Custom header", header: []string{"X-Custom: 1"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b15", desc: "Accept 128 bytes", header: []string{"Accept: " + strings.Repeat("a", 128)}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b16", desc: "Accept 129 bytes", header: []string{"Accept: " + strings.Repeat("a", 129)}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b17", desc: "DPR: 2 (Chromium client-hint safelist)", header: []string{"DPR: 2"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b18", desc: "Range bytes=0-", header: []string{"Range: bytes=0-"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b19", desc: "Range bytes=-5", header: []string{"Range: bytes=-5"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b20", desc: "method PUT", method: "PUT", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b21", desc: "method patch (lowercase, not normalized)", method: "patch", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b22", desc: "method HEAD", method: "HEAD", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b23", desc: "method post (lowercase -> POST)", method: "post", body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b24", desc: "credentials include alone", creds: true, hops: []hop{{role: r1, preflight: permissive, actual: ok}}, want: "WildcardOriginNotAllowed"},
		{id: "b25", desc: "8 safelisted headers x128 = 1024 bytes", header: safelisted128(8), hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b26", desc: "9 safelisted headers x128 = 1152 bytes", header: safelisted128(9), hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b27", desc: "Save-Data: on", header: []string{"Save-Data: on"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b28", desc: "Content-Language en", header: []string{"Content-Language: en"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b29", desc: "URLSearchParams body (as its string and Content-Type)", method: "POST", header: []string{"Content-Type: application/x-www-form-urlencoded;charset=UTF-8"}, body: "a=1&b=2", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b32", desc: "method OPTIONS", method: "OPTIONS", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b33", desc: "method delete (-> DELETE)", method: "delete", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b34", desc: "Content-Type header on GET (text/plain)", header: []string{"Content-Type: text/plain"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b35", desc: "Intervention header (Chromium)", header: []string{"Intervention: whatever"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b36", desc: "Authorization header", header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b37", desc: "Cookie header (forbidden, dropped)", header: []string{"Cookie: a=b"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b38", desc: "CT application/x-www-form-urlencoded;charset=UTF-8", method: "POST", header: []string{"Content-Type: application/x-www-form-urlencoded;charset=UTF-8"}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "b40", desc: "Width: 1.5 (int required)", header: []string{"Width: 1.5"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},

		// The preflight response.
		{id: "c01", desc: "PUT pre ok", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok}}},
		{id: "c02", desc: "PUT pre no ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acam+"PUT"), actual: ok}}, want: "PreflightMissingAllowOriginHeader"},
		{id: "c03", desc: "PUT pre 404 no ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(404, acam+"PUT"), actual: ok}}, want: "PreflightMissingAllowOriginHeader"},
		{id: "c04", desc: "PUT pre 404 with ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(404, acao+"*", acam+"PUT"), actual: ok}}, want: "PreflightInvalidStatus"},
		{id: "c05", desc: "PUT pre 204", method: "PUT", hops: []hop{{role: r1, preflight: pf(204, acao+"*", acam+"PUT"), actual: ok}}},
		{id: "c06", desc: "PUT pre 301 redirect", method: "PUT", hops: []hop{
			{role: r1, preflight: pf(301, acao+"*", acam+"PUT", loc), actual: ok},
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok},
		}, want: "PreflightDisallowedRedirect"},
		{id: "c07", desc: "PUT pre 304 with ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(304, acao+"*", acam+"PUT"), actual: ok}}, want: "PreflightInvalidStatus"},
		{id: "c08", desc: "PUT pre no ACAM", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: ok}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "c09", desc: "PUT, ACAM put", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"put"), actual: ok}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "c10", desc: "patch, ACAM PATCH", method: "patch", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PATCH"), actual: ok}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "c11", desc: "patch, ACAM patch", method: "patch", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"patch"), actual: ok}}},
		{id: "c12", desc: "PUT, ACAM * (no creds)", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"*"), actual: ok}}},
		{id: "c13", desc: "PUT, ACAM * with creds", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "c14", desc: "PUT, ACAM trailing comma", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"POST, GET, OPTIONS, PUT,"), actual: ok}}},
		{id: "c15", desc: "PUT, ACAM \"GET PUT\"", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET PUT"), actual: ok}}, want: "InvalidAllowMethodsPreflightResponse"},
		{id: "c16", desc: "GET+X-Foo, ACAM invalid", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"Bad method name", acah+"x-foo"), actual: ok}}, want: "InvalidAllowMethodsPreflightResponse"},
		{id: "c17", desc: "X-Foo, no ACAH", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: ok}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "c18", desc: "X-Foo, ACAH X-FOO", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"X-FOO"), actual: ok}}},
		{id: "c19", desc: "X-Foo, ACAH *", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"*"), actual: ok}}},
		{id: "c20", desc: "X-Foo creds, ACAH *", header: []string{"X-Foo: 1"}, creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acah+"*"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "c21", desc: "Authorization, ACAH *", header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"*"), actual: ok}}},
		{id: "c22", desc: "Authorization, ACAH authorization", header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"authorization"), actual: ok}}},
		{id: "c23", desc: "X-Foo, ACAH \",x-bar, ,,X-Foo\"", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+",x-bar, ,,X-Foo"), actual: ok}}},
		{id: "c24", desc: "X-Foo, ACAH \"x-foo;\"", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-foo;"), actual: ok}}, want: "InvalidAllowHeadersPreflightResponse"},
		{id: "c25", desc: "X-Foo, two ACAH headers", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-bar", acah+"x-foo"), actual: ok}}},
		{id: "c26", desc: "PUT, two ACAM headers", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET", acam+"PUT"), actual: ok}}},
		{id: "c27", desc: "PUT creds, pre ACAO *", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acac+"true", acam+"PUT"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightWildcardOriginNotAllowed"},
		{id: "c28", desc: "PUT creds, pre no ACAC", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acam+"PUT"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightInvalidAllowCredentials"},
		{id: "c29", desc: "PUT creds, actual no ACAC", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"PUT"), actual: answer(200, acao+"{origin}")}}, want: "InvalidAllowCredentials"},
		{id: "c30", desc: "PUT pre ok, actual no ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "c31", desc: "PUT pre ACAO origin/", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}/", acam+"PUT"), actual: ok}}, want: "PreflightAllowOriginMismatch"},
		{id: "c32", desc: "PUT pre two ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acao+"{origin}", acam+"PUT"), actual: ok}}, want: "PreflightMultipleAllowOriginValues"},
		{id: "c33", desc: "method * creds, ACAM * literal", method: "*", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acam+"*"), actual: answer(200, acao+"{origin}", acac+"true")}}},
		{id: "c34", desc: "CT json, ACAH content-type", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"content-type"), actual: ok}}},
		{id: "c35", desc: "CT json, no ACAH", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: ok}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "c36", desc: "PUT, pre ACAC TRUE no creds", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acac+"TRUE", acam+"PUT"), actual: ok}}},
		{id: "c37", desc: "PUT + X-Foo, both missing (order)", method: "PUT", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: ok}}, want: "MethodDisallowedByPreflightResponse"},
		{id: "c38", desc: "X-B + X-A, ACAH none (which is reported)", header: []string{"X-B: 1", "X-A: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*"), actual: ok}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "c39", desc: "PUT pre 500 no ACAO", method: "PUT", hops: []hop{{role: r1, preflight: pf(500), actual: ok}}, want: "PreflightMissingAllowOriginHeader"},
		{id: "c40", desc: "PUT ACAM \"PUT\" quoted", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"\"PUT\""), actual: ok}}, want: "InvalidAllowMethodsPreflightResponse"},
		{id: "c41", desc: "X-Foo ACAH \"x-foo x-bar\"", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-foo x-bar"), actual: ok}}, want: "InvalidAllowHeadersPreflightResponse"},
		{id: "c42", desc: "PUT, ACAM * but ACAH invalid", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"*", acah+"a b"), actual: ok}}, want: "InvalidAllowHeadersPreflightResponse"},
		{id: "c43", desc: "GET safelisted method, ACAM PUT only, X-Foo allowed", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT", acah+"X-Foo"), actual: ok}}},
		{id: "c44", desc: "PUT pre 200 ACAO null", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"null", acam+"PUT"), actual: ok}}, want: "PreflightAllowOriginMismatch"},
		{id: "c45", desc: "PUT pre status 299", method: "PUT", hops: []hop{{role: r1, preflight: pf(299, acao+"*", acam+"PUT"), actual: ok}}},
		{id: "c46", desc: "PUT pre status 300 without Location", method: "PUT", hops: []hop{{role: r1, preflight: pf(300, acao+"*", acam+"PUT"), actual: ok}}, want: "PreflightInvalidStatus"},
		{id: "c47", desc: "authorizer guards OPTIONS: pre 401 with ACAO", method: "POST", creds: true, header: []string{"Authorization: Bearer x", "Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(401, acao+"{origin}", acac+"true"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightInvalidStatus"},
		{id: "c48", desc: "authorizer guards OPTIONS: pre 401 without CORS headers", method: "POST", creds: true, header: []string{"Authorization: Bearer x"}, body: "x", hops: []hop{{role: r1, preflight: pf(401), actual: ok}}, want: "PreflightMissingAllowOriginHeader"},
		{id: "c49", desc: "JWT flow fixed", method: "POST", creds: true, header: []string{"Authorization: Bearer x", "Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(204, acao+"{origin}", acac+"true", acam+"POST", acah+"authorization, content-type"), actual: answer(200, acao+"{origin}", acac+"true")}}},
		{id: "c50", desc: "JWT flow: actual POST lacks ACAC", method: "POST", creds: true, header: []string{"Authorization: Bearer x", "Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(204, acao+"{origin}", acac+"true", acam+"POST", acah+"authorization, content-type"), actual: answer(200, acao+"{origin}")}}, want: "InvalidAllowCredentials"},
		{id: "c51", desc: "JWT flow: ACAH lists content-type only", method: "POST", creds: true, header: []string{"Authorization: Bearer x", "Content-Type: application/json"}, body: "{}", hops: []hop{{role: r1, preflight: pf(204, acao+"{origin}", acac+"true", acam+"POST", acah+"content-type"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "c52", desc: "JWT flow: typo http:/ ACAO on preflight", method: "POST", creds: true, header: []string{"Authorization: Bearer x"}, body: "x", hops: []hop{{role: r1, preflight: pf(204, acao+"http:/localhost:{port}", acac+"true", acam+"POST", acah+"authorization"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightAllowOriginMismatch"},
		{id: "c53", desc: "PUT pre ACAO example.com (no scheme)", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"example.com", acam+"PUT"), actual: ok}}, want: "PreflightInvalidAllowOriginValue"},

		// Redirects.
		{id: "d01", desc: "r1 302 -> r1, ACAO * both", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r1, actual: ok}}},
		{id: "d02", desc: "r1 302 without ACAO -> r1", hops: []hop{{role: r1, actual: answer(302, loc)}, {role: r1, actual: ok}}, want: "MissingAllowOriginHeader"},
		{id: "d03", desc: "r1 -> r2, r2 ACAO origin (tainted)", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: answer(200, acao+"{origin}")}}, want: "AllowOriginMismatch"},
		{id: "d04", desc: "r1 -> r2, r2 ACAO null", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: answer(200, acao+"null")}}},
		{id: "d05", desc: "r1 -> r2, r2 ACAO *", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: ok}}},
		{id: "d06", desc: "r1 -> page origin, ACAO *", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: page, actual: ok}}},
		{id: "d07", desc: "page -> r1, r1 ACAO origin", hops: []hop{{role: page, actual: answer(302, loc)}, {role: r1, actual: answer(200, acao+"{origin}")}}},
		{id: "d08", desc: "r1 -> user:pass@r2", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc), userinfo: "user:pass"}, {role: r2, actual: ok}}, want: "RedirectContainsCredentials"},
		{id: "d09", desc: "PUT preflighted r1 307 -> r1", method: "PUT", hops: []hop{
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(307, acao+"*", loc)},
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok},
		}},
		{id: "d10", desc: "PUT preflighted r1 307 -> r2, r2 pre ACAO *", method: "PUT", hops: []hop{
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(307, acao+"*", loc)},
			{role: r2, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok},
		}},
		{id: "d11", desc: "PUT preflighted r1 307 -> r2, r2 pre ACAO origin", method: "PUT", hops: []hop{
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(307, acao+"*", loc)},
			{role: r2, preflight: pf(200, acao+"{origin}", acam+"PUT"), actual: answer(200, acao+"{origin}")},
		}, want: "PreflightAllowOriginMismatch"},
		{id: "d13", desc: "creds: r1 (ACAO origin, ACAC) -> r2 ACAO null ACAC true", creds: true, hops: []hop{
			{role: r1, actual: answer(302, acao+"{origin}", acac+"true", loc)},
			{role: r2, actual: answer(200, acao+"null", acac+"true")},
		}},
		{id: "d14", desc: "creds: r1 -> r2 ACAO *", creds: true, hops: []hop{
			{role: r1, actual: answer(302, acao+"{origin}", acac+"true", loc)},
			{role: r2, actual: answer(200, acao+"*", acac+"true")},
		}, want: "WildcardOriginNotAllowed"},
		{id: "d16", desc: "POST json 303 -> r1 (method -> GET)", method: "POST", header: []string{"Content-Type: application/json"}, body: "{}", hops: []hop{
			{role: r1, preflight: pf(200, acao+"*", acah+"content-type"), actual: answer(303, acao+"*", loc)},
			{role: r1, preflight: pf(200, acao+"*", acah+"content-type"), actual: ok},
		}},
		{id: "d17", desc: "r1 -> user:pass@r1", hops: []hop{{role: r1, actual: answer(302, acao+"*", loc), userinfo: "user:pass"}, {role: r1, actual: ok}}, want: "RedirectContainsCredentials"},
		{id: "d18", desc: "same-origin page 302 -> page URL with user:pass@", hops: []hop{{role: page, actual: answer(302, loc), userinfo: "user:pass"}, {role: page, actual: answer(200)}}, want: "blocked:origin"},

		// Header-parsing corner cases.
		{id: "g01", desc: "ACAO header name upper-cased", hops: []hop{{role: r1, actual: answer(200, "ACCESS-CONTROL-ALLOW-ORIGIN: *")}}},
		{id: "g02", desc: "ACAO \"origin,\" trailing comma", hops: []hop{{role: r1, actual: answer(200, acao+"{origin},")}}, want: "MultipleAllowOriginValues"},
		{id: "g03", desc: "PUT, ACAM \"GET, *\"", method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"GET, *"), actual: ok}}},
		{id: "g04", desc: "X-Foo, ACAH \"x-foo, x/bar\"", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acah+"x-foo, x/bar"), actual: ok}}, want: "InvalidAllowHeadersPreflightResponse"},
		{id: "g07", desc: "X-HTTP-Method-Override: TRACE (forbidden -> dropped)", header: []string{"X-HTTP-Method-Override: TRACE"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g08", desc: "X-HTTP-Method-Override: PUT (ordinary custom header)", header: []string{"X-HTTP-Method-Override: PUT"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g09", desc: "Content-Type 129 bytes text/plain;x=...", method: "POST", header: []string{"Content-Type: text/plain;x=" + strings.Repeat("a", 116)}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g10", desc: "Content-Type 128 bytes text/plain;x=...", method: "POST", header: []string{"Content-Type: text/plain;x=" + strings.Repeat("a", 115)}, body: "x", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g11", desc: "Authorization + creds, ACAH *", creds: true, header: []string{"Authorization: Bearer x"}, hops: []hop{{role: r1, preflight: pf(200, acao+"{origin}", acac+"true", acah+"*"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "HeaderDisallowedByPreflightResponse"},
		{id: "g12", desc: "method Put (mixed case -> PUT)", method: "Put", hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g13", desc: "pAtCh, ACAM *", method: "pAtCh", hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"*"), actual: ok}}},
		{id: "g14", desc: "Sec-Foo header (forbidden, dropped)", header: []string{"Sec-Foo: 1"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g15", desc: "PUT, pre status 201", method: "PUT", hops: []hop{{role: r1, preflight: pf(201, acao+"*", acam+"PUT"), actual: ok}}},
		{id: "g16", desc: "DELETE + X-Foo, ACAM * and ACAH *, no creds", method: "DELETE", header: []string{"X-Foo: 1"}, hops: []hop{{role: r1, preflight: permissive, actual: ok}}},
		{id: "g17", desc: "ACAO with internal tab", hops: []hop{{role: r1, actual: answer(200, acao+"{origin}\tx")}}, want: "InvalidAllowOriginValue"},
		{id: "g18", desc: "PUT creds, pre ACAO * without ACAC", method: "PUT", creds: true, hops: []hop{{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(200, acao+"{origin}", acac+"true")}}, want: "PreflightWildcardOriginNotAllowed"},

		// A sandboxed page: its origin is opaque, serialized "null".
		{id: "s01", desc: "sandboxed: ACAO *", sandbox: true, hops: []hop{{role: r1, actual: ok}}},
		{id: "s02", desc: "sandboxed: ACAO null", sandbox: true, hops: []hop{{role: r1, actual: answer(200, acao+"null")}}},
		{id: "s03", desc: "sandboxed: ACAO page origin", sandbox: true, hops: []hop{{role: r1, actual: answer(200, acao+"{origin}")}}, want: "AllowOriginMismatch"},
		{id: "s04", desc: "sandboxed: creds include, ACAO null + ACAC true", sandbox: true, creds: true, hops: []hop{{role: r1, actual: answer(200, acao+"null", acac+"true")}}},
		{id: "s05", desc: "sandboxed: fetch own server origin, no ACAO", sandbox: true, hops: []hop{{role: page, actual: answer(200)}}, want: "MissingAllowOriginHeader"},
		{id: "s06", desc: "sandboxed: PUT, pre ACAO null", sandbox: true, method: "PUT", hops: []hop{{role: r1, preflight: pf(200, acao+"null", acam+"PUT"), actual: answer(200, acao+"null")}}},

		// More redirects.
		{id: "h01", desc: "20 redirects (21 hops) r1->r1", hops: chain(20)},
		{id: "h02", desc: "21 redirects (22 hops) r1->r1", hops: chain(21), want: "net::ERR_TOO_MANY_REDIRECTS"},
		{id: "h03", desc: "redirect to data: URL", hops: []hop{{role: r1, actual: answer(302, acao+"*", "Location: data:text/plain,hi")}}, want: "net::ERR_UNSAFE_REDIRECT"},
		{id: "h04", desc: "preflighted PUT, 307 response lacks ACAO", method: "PUT", hops: []hop{
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: answer(307, loc)},
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok},
		}, want: "MissingAllowOriginHeader"},
		{id: "h05", desc: "r1 302 with mismatching ACAO", hops: []hop{{role: r1, actual: answer(302, acao+"http://other.test", loc)}, {role: r1, actual: ok}}, want: "AllowOriginMismatch"},
		{id: "h06", desc: "same-origin page -> r1 PUT (preflight after redirect)", method: "PUT", hops: []hop{
			{role: page, actual: answer(307, loc)},
			{role: r1, preflight: pf(200, acao+"*", acam+"PUT"), actual: ok},
		}},
		{id: "h07", desc: "r1 -> page with creds, ACAO origin", creds: true, hops: []hop{
			{role: r1, actual: answer(302, acao+"{origin}", acac+"true", loc)},
			{role: page, actual: answer(200, acao+"{origin}", acac+"true")},
		}, want: "AllowOriginMismatch"},
	}
}

// safelisted128 returns n of Chromium's safelisted request headers with
// 128-byte values, in the reference's order: their total decides whether
// they all become CORS-unsafe (more than 1024 bytes).
func safelisted128(n int) []string {
	names := []string{"Accept", "Accept-Language", "Content-Language", "DPR", "Width", "Viewport-Width", "Device-Memory", "RTT", "Downlink"}
	out := make([]string, n)
	for i, name := range names[:n] {
		fill := "1"
		if i < 3 {
			fill = "a"
		}
		out[i] = name + ": " + strings.Repeat(fill, 128)
	}
	return out
}
