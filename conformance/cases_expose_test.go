//go:build browser

package conformance

// aceh is the header that exposes response headers to the script.
const aceh = "Access-Control-Expose-Headers: "

// exposeCases measure which response headers a script can read: the page
// calls response.headers.get() for each name in reads, and the names that
// come back null must be those the engine's response-header-not-exposed
// reports. Every case sends the headers it reads unless its desc says
// otherwise, so a null is CORS hiding the header, not its absence. All but
// x435 are allowed fetches: the script reads nothing of a blocked one.
func exposeCases() []testCase {
	// get is a GET without credentials answered 200 with ACAO * and lines.
	get := func(id, desc string, reads []string, lines ...string) testCase {
		return testCase{id: id, desc: "expose: " + desc, reads: reads,
			hops: []hop{{role: r1, actual: answer(200, append([]string{acao + "*"}, lines...)...)}}}
	}
	// cred is the same with credentials, answered with ACAO and ACAC.
	cred := func(id, desc string, reads []string, lines ...string) testCase {
		c := get(id, desc, reads)
		c.creds = true
		c.hops[0].actual = answer(200, append([]string{acao + "{origin}", acac + "true"}, lines...)...)
		return c
	}
	ab := []string{"X-A", "X-B"}
	xab := []string{"X-A: 1", "X-B: 2"}
	return []testCase{
		get("x401", "X-Total-Count sent, no ACEH", []string{"X-Total-Count"}, "X-Total-Count: 42"),
		get("x402", "X-Total-Count listed in ACEH", []string{"X-Total-Count"}, "X-Total-Count: 42", aceh+"X-Total-Count"),
		get("x403", "ACEH lists the name in other cases than the script and the response", []string{"x-total-count"}, "X-TOTAL-COUNT: 42", aceh+"X-Total-Count"),
		get("x404", "ACEH over two lines, X-A and X-B; X-C not listed", []string{"X-A", "X-B", "X-C"}, "X-A: 1", "X-B: 2", "X-C: 3", aceh+"X-A", aceh+"X-B"),
		get("x405", "ACEH * without credentials", []string{"X-A", "Location"}, "X-A: 1", "Location: /orders/2", aceh+"*"),
		cred("x406", "ACEH * with credentials is a literal name", []string{"X-A"}, "X-A: 1", aceh+"*"),
		cred("x407", "ACEH *, X-A with credentials: X-A only", ab, "X-A: 1", "X-B: 2", aceh+"*, X-A"),
		get("x408", "ACEH \"X-A X-B\" (a space, not a comma)", ab, "X-A: 1", "X-B: 2", aceh+"X-A X-B"),
		get("x409", "ACEH \"x-a;\"", []string{"X-A"}, "X-A: 1", aceh+"x-a;"),
		get("x410", "ACEH with one bad token among good ones", []string{"X-A", "X-C"}, "X-A: 1", "X-C: 3", aceh+"X-A, X-B;, X-C"),
		get("x411", "ACEH with an empty element: X-A,,X-B", ab, "X-A: 1", "X-B: 2", aceh+"X-A,,X-B"),
		get("x412", "ACEH with a trailing comma: X-A,", []string{"X-A"}, "X-A: 1", aceh+"X-A,"),
		get("x413", "ACEH with a leading comma: , X-A", []string{"X-A"}, "X-A: 1", aceh+", X-A"),
		get("x414", "ACEH with a blank element: X-A, ,X-B", ab, "X-A: 1", "X-B: 2", aceh+"X-A, ,X-B"),
		get("x415", "two ACEH lines, the first empty", []string{"X-A"}, "X-A: 1", aceh, aceh+"X-A"),
		get("x416", "two ACEH lines, the second empty", []string{"X-A"}, "X-A: 1", aceh+"X-A", aceh),
		get("x417", "the safelisted names, none listed",
			[]string{"Content-Type", "Content-Length", "Cache-Control", "Pragma", "Expires", "Last-Modified", "Content-Language"},
			"Pragma: no-cache", "Expires: 0", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT", "Content-Language: en"),
		{id: "x418", desc: "expose: Location on a 201 to a POST, not listed", method: "POST", header: []string{"Content-Type: text/plain"}, body: "x",
			reads: []string{"Location"}, hops: []hop{{role: r1, actual: answer(201, acao+"*", "Location: /orders/2")}}},
		{id: "x419", desc: "expose: Location on a 201 to a POST, listed", method: "POST", header: []string{"Content-Type: text/plain"}, body: "x",
			reads: []string{"Location"}, hops: []hop{{role: r1, actual: answer(201, acao+"*", "Location: /orders/2", aceh+"Location")}}},
		cred("x420", "Set-Cookie and Set-Cookie2 listed, with credentials", []string{"Set-Cookie", "Set-Cookie2"},
			"Set-Cookie: sid=1; Path=/", "Set-Cookie2: sid=1", aceh+"Set-Cookie, Set-Cookie2"),
		get("x421", "Set-Cookie with ACEH * without credentials", []string{"Set-Cookie"}, "Set-Cookie: sid=1; Path=/", aceh+"*"),
		get("x422", "X-A listed and X-B not, neither sent: null either way", ab, aceh+"X-A"),
		get("x423", "X-A with an empty value, listed; X-B empty, not listed", ab, "X-A:", "X-B:", aceh+"X-A"),
		get("x424", "two X-A lines, listed", []string{"X-A"}, "X-A: 1", "X-A: 2", aceh+"X-A"),
		get("x425", "two X-A lines, not listed", []string{"X-A"}, "X-A: 1", "X-A: 2"),
		{id: "x426", desc: "expose: ACEH on the preflight only", method: "PUT", reads: []string{"X-A"},
			hops: []hop{{role: r1, preflight: pf(204, acao+"*", acam+"PUT", aceh+"X-A"), actual: answer(200, acao+"*", "X-A: 1")}}},
		{id: "x427", desc: "expose: ACEH on the redirect, not on the final response", reads: []string{"X-A"},
			hops: []hop{{role: r1, actual: answer(302, acao+"*", aceh+"X-A", "X-A: 0", loc)}, {role: r2, actual: answer(200, acao+"*", "X-A: 1")}}},
		{id: "x428", desc: "expose: after a redirect, ACEH on the final response", reads: []string{"X-A"},
			hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, {role: r2, actual: answer(200, acao+"*", "X-A: 1", aceh+"X-A")}}},
		get("x429", "ACEH elements padded with tabs", ab, append(xab, aceh+"\tX-A\t,\tX-B")...),
		get("x430", "ACEH with a quoted name", []string{"X-A"}, "X-A: 1", aceh+"\"X-A\""),
		get("x431", "ACEH empty", []string{"X-A"}, "X-A: 1", aceh),
		get("x432", "ACEH * and a bad token, without credentials", []string{"X-A"}, "X-A: 1", aceh+"*, x-b;"),
		get("x433", "the script reads ACAO, not listed", []string{"Access-Control-Allow-Origin"}),
		get("x434", "ACEH lists ACAO and itself", []string{"Access-Control-Allow-Origin", "Access-Control-Expose-Headers"},
			aceh+"Access-Control-Allow-Origin, Access-Control-Expose-Headers"),
		{id: "x435", desc: "expose: a blocked fetch: the script reads nothing, nothing is compared", reads: []string{"X-A"},
			hops: []hop{{role: r1, actual: answer(200, "X-A: 1", aceh+"X-A")}}, want: "MissingAllowOriginHeader"},
	}
}
