package rules

import (
	"strings"
	"sync"

	"github.com/corslint/corslint/lint"
)

// Platform is a place where CORS headers are configured. Most CORS bugs are
// a correct idea expressed in the wrong layer, so a fix reads best in the
// terms of the layer the reader actually edits.
type Platform struct {
	ID   string // the --platform value
	Name string // for people
}

// Platform IDs.
const (
	PlatformAPIGatewayREST = "aws-apigateway-rest"
	PlatformAPIGatewayHTTP = "aws-apigateway-http"
	PlatformCloudFront     = "cloudfront"
	PlatformLambda         = "aws-lambda"
	PlatformNginx          = "nginx"
	PlatformExpress        = "express"
	PlatformRsCors         = "go-rs-cors"
)

// platforms is in display order: the AWS chain from the edge inwards as the
// seed story meets it, then servers and middleware.
var platforms = []Platform{
	{ID: PlatformAPIGatewayREST, Name: "AWS API Gateway, REST API"},
	{ID: PlatformAPIGatewayHTTP, Name: "AWS API Gateway, HTTP API"},
	{ID: PlatformCloudFront, Name: "Amazon CloudFront"},
	{ID: PlatformLambda, Name: "AWS Lambda proxy integration"},
	{ID: PlatformNginx, Name: "nginx"},
	{ID: PlatformExpress, Name: "Express with the cors package"},
	{ID: PlatformRsCors, Name: "Go with github.com/rs/cors"},
}

// Platforms lists the platforms corslint has fixes for, in display order.
func Platforms() []Platform { return append([]Platform(nil), platforms...) }

// PlatformIDs lists the valid --platform values, in display order.
func PlatformIDs() []string {
	ids := make([]string, len(platforms))
	for i, p := range platforms {
		ids[i] = p.ID
	}
	return ids
}

// LookupPlatform returns the platform with the given ID.
func LookupPlatform(id string) (Platform, bool) {
	for _, p := range platforms {
		if p.ID == id {
			return p, true
		}
	}
	return Platform{}, false
}

var attachPlatformsOnce sync.Once

// attachPlatforms sets each rule's Platforms from platformFixes, once, the
// first time All runs: by then every rule file's init has run, whatever
// order the files initialise in, and setting it once keeps concurrent
// callers of All from writing the same fields.
func attachPlatforms(list []*lint.Rule) {
	attachPlatformsOnce.Do(func() {
		for _, r := range list {
			if fixes := platformFixesFor(r.ID); len(fixes) > 0 {
				r.Platforms = fixes
			}
		}
	})
}

// platformFixesFor returns a rule's platform fixes. A preflight variant of a
// CORS-check rule inherits the actual rule's text for each platform it has
// no text of its own for, since the header to fix is the same.
func platformFixesFor(id string) map[string]string {
	own := platformFixes[id]
	base, isVariant := strings.CutPrefix(id, "preflight-")
	if !isVariant || platformFixes[base] == nil {
		return own
	}
	merged := map[string]string{}
	for p, text := range platformFixes[base] {
		merged[p] = text
	}
	for p, text := range own {
		merged[p] = text
	}
	return merged
}

// Snippets shared by several fixes.
const (
	nginxMap = "Choose the value with a map over the request's Origin instead of echoing $http_origin: " +
		"`map $http_origin $cors_origin { default \"\"; \"https://app.example.com\" $http_origin; }` " +
		"then `add_header Access-Control-Allow-Origin $cors_origin always;` and " +
		"`add_header Vary Origin always;`. An empty value sends no header, so unlisted origins get none."
	nginxInherit = "A location (or an `if` block inside it) that has any add_header of its own inherits " +
		"none from the server block, so repeat the CORS lines there."
	restGatewayResponses = "Responses API Gateway produces itself (authorizer 401/403, throttling 429, " +
		"Missing Authentication Token 403, integration timeouts and 5XX) never reach your integration: " +
		"add the headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses, e.g. response parameter " +
		"`gatewayresponse.header.Access-Control-Allow-Origin` = `'https://app.example.com'` " +
		"(a static value in single quotes), and redeploy the stage."
	restOptionsMock = "Give the resource an OPTIONS method with authorization NONE and no API key, " +
		"backed by a MOCK integration whose integration response sets Access-Control-Allow-Origin, " +
		"-Methods and -Headers (declared in the method response first); the console's Enable CORS " +
		"action builds exactly this. With SAM, set `Auth.AddDefaultAuthorizerToCorsPreflight: false` " +
		"and `Auth.AddApiKeyRequiredToCorsPreflight: false`, which default to true."
	httpAPICors = "Configure CORS on the API itself (CorsConfiguration: AllowOrigins, AllowMethods, " +
		"AllowHeaders, AllowCredentials, MaxAge): API Gateway then answers every preflight without an " +
		"OPTIONS route, adds the headers to integration responses, and ignores CORS headers the " +
		"backend sends."
	lambdaHeaders = "In a proxy integration the function's return value is the HTTP response: return the " +
		"CORS headers in `headers` on every path, early returns and error handlers included, e.g. " +
		"`{statusCode: 401, headers: {'Access-Control-Allow-Origin': allowedOrigin, " +
		"'Access-Control-Allow-Credentials': 'true', 'Vary': 'Origin'}, body}`."
	expressFirst = "Register cors before authentication, body parsers and routers, so every response, " +
		"errors included, passes through it: `app.use(cors({origin: ['https://app.example.com'], credentials: true}))`."
	rsCorsOutermost = "Wrap the outermost handler, outside authentication and recovery middleware: " +
		"`http.ListenAndServe(addr, c.Handler(mux))`, where `c := cors.New(cors.Options{AllowedOrigins: " +
		"[]string{\"https://app.example.com\"}, AllowCredentials: true})`."
)

// Fix maps shared by several rules: the security and error-status rules
// describe the same mistake as a CORS-check rule, from the attacker's or
// the error path's side.
var (
	acaoMissingFixes = map[string]string{
		PlatformAPIGatewayREST: "With a Lambda proxy or HTTP proxy integration the backend must return the " +
			"headers itself; with a non-proxy integration, declare Access-Control-Allow-Origin in the method " +
			"response and map it in the integration response. " + restGatewayResponses,
		PlatformAPIGatewayHTTP: httpAPICors + " Check that the page's exact origin is in AllowOrigins: " +
			"for an origin not listed, API Gateway adds no CORS header at all.",
		PlatformCloudFront: "Attach a response headers policy with a CORS configuration (the page's origin " +
			"under Access-Control-Allow-Origins) to the cache behavior, so responses served from the cache " +
			"and from the origin both get the header. If the origin server is meant to answer instead, " +
			"forward Origin to it with an origin request policy (Managed-CORS-CustomOrigin, or " +
			"Managed-AllViewerExceptHostHeader in front of API Gateway): without Origin the origin sees no " +
			"CORS request and sends no CORS headers.",
		PlatformLambda: lambdaHeaders + " An unhandled exception or a timeout turns into a 502/504 made by " +
			"API Gateway, which the function cannot decorate: cover those with gateway responses (REST API) " +
			"or the API's CORS configuration (HTTP API).",
		PlatformNginx: "add_header only applies to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 " +
			"responses unless it ends with `always`, so 4xx and 5xx lose the header: write " +
			"`add_header Access-Control-Allow-Origin $cors_origin always;`. " + nginxInherit,
		PlatformExpress: expressFirst + " Requests rejected by middleware registered before cors get no " +
			"headers.",
		PlatformRsCors: rsCorsOutermost + " rs/cors adds nothing for an origin it does not allow: check " +
			"that AllowedOrigins holds the page's origin exactly (scheme, host, non-default port).",
	}
	wildcardCredentialFixes = map[string]string{
		PlatformAPIGatewayREST: "Put the page's origin, not *, in the integration response or gateway " +
			"response (`'https://app.example.com'`) together with Access-Control-Allow-Credentials " +
			"`'true'`. For several origins, pick the value from an allow-list in the integration " +
			"response mapping template (set `$context.responseOverride.header.Access-Control-Allow-Origin` " +
			"only when `$input.params('origin')` is listed), or answer from the backend.",
		PlatformAPIGatewayHTTP: "Set AllowCredentials to true and list exact origins in AllowOrigins " +
			"(https://app.example.com) instead of *.",
		PlatformCloudFront: "In the response headers policy, list the exact origins under " +
			"Access-Control-Allow-Origins instead of * and set Access-Control-Allow-Credentials to true. " +
			"Do not replace * with a CloudFront Function that copies the request's Origin into the header: " +
			"that grants every website the user's credentials.",
		PlatformLambda: "Return the request's Origin only when it is on your allow-list, never '*', with " +
			"'Access-Control-Allow-Credentials': 'true' and 'Vary': 'Origin'. Read the header " +
			"case-insensitively: REST APIs pass header names as the client sent them, HTTP API payload 2.0 " +
			"lower-cases them.",
		PlatformNginx: "Replace `add_header Access-Control-Allow-Origin *` with an allow-list. " + nginxMap +
			" Add `add_header Access-Control-Allow-Credentials true always;`.",
		PlatformExpress: "cors defaults to origin '*'. With `credentials: true`, give the allow-list: " +
			"`cors({origin: ['https://app.example.com'], credentials: true})`. Never `origin: true`, which " +
			"reflects every origin.",
		PlatformRsCors: "Set AllowedOrigins to the exact origins together with `AllowCredentials: true`; " +
			"neither leave it empty nor use \"*\" (both mean every origin), and never an AllowOriginFunc " +
			"that returns true.",
	}
	lookalikeFixes = map[string]string{
		PlatformAPIGatewayREST: "In a mapping template, compare `$input.params('origin')` with whole origins " +
			"(`==`), never with `.contains()`, `.startsWith()`, `.endsWith()` or an unanchored `.matches()`.",
		PlatformCloudFront: "A CloudFront Function that picks the header value must compare the whole Origin " +
			"with a list of exact origins; prefer a response headers policy listing them.",
		PlatformLambda: "Compare the whole Origin header, as received, with a Set of exact origins: no " +
			"startsWith, endsWith, includes, URL parsing or unanchored regular expressions.",
		PlatformNginx: "Prefer exact keys in the map (a key without `~` is compared as a whole string). A regex " +
			"key must be anchored at both ends with every dot escaped: `~^https://app\\.example\\.com$`.",
		PlatformExpress: "Prefer an array of exact strings in `origin`. A RegExp must be anchored with dots " +
			"escaped, `/^https:\\/\\/app\\.example\\.com$/`, and an origin function must compare whole strings " +
			"(`allowed.has(origin)`), without parsing the origin first.",
		PlatformRsCors: "Use exact AllowedOrigins entries. An AllowOriginFunc must compare whole strings, never " +
			"strings.HasPrefix, strings.HasSuffix, strings.Contains or an unanchored regexp.",
	}
)

// platformFixes maps rule ID to platform ID to the fix in that platform's
// terms. Rules missing here have nothing to add beyond their generic Fix.
var platformFixes = map[string]map[string]string{
	"acao-missing":                         acaoMissingFixes,
	"error-status-without-cors":            acaoMissingFixes,
	"acao-wildcard-with-credentials":       wildcardCredentialFixes,
	"acao-wildcard-credentialed-endpoint":  wildcardCredentialFixes,
	"acao-prefix-lookalike-trusted":        lookalikeFixes,
	"acao-suffix-lookalike-trusted":        lookalikeFixes,
	"acao-unescaped-dot-lookalike-trusted": lookalikeFixes,
	"acao-special-char-lookalike-trusted":  lookalikeFixes,
	"acao-any-origin-trusted": {
		PlatformAPIGatewayREST: "Never map `method.request.header.Origin` into Access-Control-Allow-Origin, in " +
			"a gateway response or an integration response, on an API called with credentials: that grants " +
			"every site. Pick the value from an allow-list in a mapping template or in the backend.",
		PlatformAPIGatewayHTTP: "With AllowCredentials, list exact origins in AllowOrigins, not * and not a " +
			"scheme-wide pattern such as https://*.",
		PlatformCloudFront: "A CloudFront Function (or Lambda@Edge) that copies the request's Origin into " +
			"Access-Control-Allow-Origin grants every site the user's credentials. Use a response headers " +
			"policy that lists the origins, or compare Origin with an allow-list in the function before " +
			"setting the header.",
		PlatformLambda: "Do not return the request's Origin unchecked: look it up in a Set of exact origins and " +
			"leave the CORS headers out when it is not there.",
		PlatformNginx: "Never `add_header Access-Control-Allow-Origin $http_origin`. " + nginxMap,
		PlatformExpress: "`origin: true`, or an origin function that always calls back true, reflects every " +
			"origin: give an array of exact origins or a function that checks a Set: " +
			"`origin: (o, cb) => cb(null, allowed.has(o))`.",
		PlatformRsCors: "Drop any AllowOriginFunc (or AllowOriginRequestFunc) that returns true, and do not " +
			"combine an empty or [\"*\"] AllowedOrigins with AllowCredentials: list the exact origins.",
	},
	"acao-null-trusted": {
		PlatformAPIGatewayHTTP: "Remove null from AllowOrigins.",
		PlatformCloudFront:     "Remove null from Access-Control-Allow-Origins and from any function's allow-list.",
		PlatformLambda:         "Remove 'null' from the allow-list the function checks.",
		PlatformNginx:          "Remove the \"null\" key from the map of $http_origin.",
		PlatformExpress:        "Remove 'null' from the `origin` array; `origin: true` reflects Origin: null as well.",
		PlatformRsCors:         "Remove \"null\" from AllowedOrigins.",
	},
	"acao-subdomain-trusted": {
		PlatformLambda:  "Replace a suffix test on the host with a list of the subdomains that need access.",
		PlatformNginx:   "Replace a regex such as `~^https://.+\\.example\\.com$` with one key per subdomain.",
		PlatformExpress: "Replace a pattern such as `/\\.example\\.com$/` with the exact origins that need access.",
		PlatformRsCors:  "An entry such as https://*.example.com trusts every subdomain: list the ones that need access.",
	},
	"acao-insecure-origin-trusted": {
		PlatformLambda:  "Compare whole origins, scheme included; keep http://localhost entries out of production.",
		PlatformNginx:   "A key such as `~^https?://app\\.example\\.com$` admits http: write `~^https://...$` or an exact key.",
		PlatformExpress: "A RegExp such as `/^https?:\\/\\//` admits http: allow https:// origins only.",
		PlatformRsCors:  "List https:// origins only in AllowedOrigins; keep http://localhost out of production builds.",
	},
	"acao-third-party-trusted": {
		PlatformAPIGatewayHTTP: "Remove platform-wide patterns such as https://*.vercel.app from AllowOrigins.",
		PlatformLambda:         "List your own deployments' origins instead of matching the hosting platform's domain.",
		PlatformNginx:          "Remove map regexes such as `~\\.vercel\\.app$` and list your deployments' origins.",
		PlatformExpress:        "Replace patterns such as `/\\.github\\.io$/` with your own deployments' exact origins.",
		PlatformRsCors:         "Remove entries such as https://*.vercel.app from AllowedOrigins; list your own deployments.",
	},
	"attacker-blocked-only-by-preflight": {
		PlatformAPIGatewayREST: "The OPTIONS mock integration rejects the origin but the backend grants it: give " +
			"the backend's actual responses the same allow-list.",
		PlatformLambda: "The function reflects Origin on actual responses: check it against the same allow-list " +
			"the preflight uses.",
	},
	"vary-origin-missing": {
		PlatformAPIGatewayREST: "Return Vary: Origin from the backend or the integration response; with stage " +
			"caching on, add the Origin header to the method's cache key parameters.",
		PlatformCloudFront: "When the origin chooses Access-Control-Allow-Origin from Origin, add Origin to the " +
			"cache policy's cache key; forwarding it in the origin request policy alone does not key the cache.",
		PlatformLambda:  "Add `'Vary': 'Origin'` to the headers of every response whose CORS headers depend on Origin.",
		PlatformNginx:   "`add_header Vary Origin always;` next to Access-Control-Allow-Origin; with proxy_cache, add $http_origin to proxy_cache_key.",
		PlatformExpress: "cors adds Vary: Origin when the allowed origin depends on the request; if you set the header yourself, call `res.vary('Origin')`.",
		PlatformRsCors:  "rs/cors adds Vary: Origin itself; a handler that calls `w.Header().Set(\"Vary\", ...)` removes it: use Add.",
	},
	"preflight-vary-origin-missing": {
		PlatformCloudFront: "If OPTIONS is among the cached methods, add Origin, Access-Control-Request-Method " +
			"and Access-Control-Request-Headers to the cache policy's cache key, or stop caching OPTIONS.",
		PlatformNginx: "Repeat `add_header Vary Origin always;` inside the `if ($request_method = OPTIONS)` block.",
	},
	"vary-request-headers-missing": {
		PlatformCloudFront: "If OPTIONS is among the cached methods, add Access-Control-Request-Headers and " +
			"Access-Control-Request-Method to the cache policy's cache key.",
		PlatformLambda:  "Answer with a fixed Access-Control-Allow-Headers list instead of echoing the request's.",
		PlatformNginx:   "Instead of echoing $http_access_control_request_headers, list the allowed headers, or add `add_header Vary Access-Control-Request-Headers always;`.",
		PlatformExpress: "Keep the Vary: Access-Control-Request-Headers that cors adds when it echoes the requested headers, or set `allowedHeaders` to a fixed list.",
	},
	"preflight-acao-missing": {
		PlatformAPIGatewayREST: "The OPTIONS request got an answer without CORS headers: usually the " +
			"resource has no OPTIONS method (API Gateway answers 403 Missing Authentication Token) or an " +
			"authorizer or API key check on ANY answered 401/403. " + restOptionsMock + " Add the headers " +
			"to the DEFAULT_4XX and DEFAULT_5XX gateway responses too.",
		PlatformAPIGatewayHTTP: httpAPICors + " With a $default route behind an authorizer, preflights " +
			"match that route: add an `OPTIONS /{proxy+}` route without authorization, which takes " +
			"precedence.",
		PlatformCloudFront: "Allow OPTIONS in the cache behavior (allowed methods GET, HEAD, OPTIONS, or " +
			"all seven), attach a response headers policy with a CORS configuration, and forward Origin, " +
			"Access-Control-Request-Method and Access-Control-Request-Headers to the origin (origin request " +
			"policy Managed-CORS-S3Origin or Managed-AllViewerExceptHostHeader). If OPTIONS responses are " +
			"cached, put those three headers in the cache policy's key as well.",
		PlatformLambda: "If OPTIONS reaches the function (an ANY method or a {proxy+} route), answer it " +
			"first, before any token check: `if (method === 'OPTIONS') return {statusCode: 204, headers: " +
			"corsHeaders}` with Access-Control-Allow-Origin, -Methods, -Headers, -Credentials and Vary: " +
			"Origin. Simpler still, let API Gateway answer preflights so they never reach the function.",
		PlatformNginx: "Answer preflights in nginx: `if ($request_method = OPTIONS) { add_header " +
			"Access-Control-Allow-Origin $cors_origin always; add_header Access-Control-Allow-Methods " +
			"\"GET, POST, PUT, DELETE\" always; add_header Access-Control-Allow-Headers \"authorization, " +
			"content-type\" always; add_header Access-Control-Allow-Credentials true always; add_header " +
			"Vary Origin always; return 204; }`. The lines must be repeated inside the `if`, which inherits " +
			"no add_header. `return` runs in the rewrite phase, before auth_basic and auth_request, so " +
			"preflights are never asked for credentials.",
		PlatformExpress: "Make preflights reach cors before anything can reject them: " +
			"`app.options('*', cors(corsOptions))` (Express 5: `app.options('/{*splat}', cors(corsOptions))`), " +
			"or `app.use(cors(corsOptions))`, registered before the authentication middleware. cors ends " +
			"the preflight itself with 204 unless preflightContinue is set.",
		PlatformRsCors: "rs/cors answers a preflight it rejects, whether for the origin, the method or a " +
			"header, with no CORS headers at all, so the cause may be a method missing from AllowedMethods " +
			"or a header missing from AllowedHeaders rather than the origin. Turn on Debug (or set Logger) " +
			"to see which check failed. " + rsCorsOutermost,
	},
	"acao-multiple-values": {
		PlatformAPIGatewayREST: "Two layers add the header. Typical: a Lambda proxy function that returns " +
			"it both in `headers` and in `multiValueHeaders` (API Gateway merges both), or a proxy or CDN " +
			"in front adding its own copy. Set it in one place, with one origin.",
		PlatformAPIGatewayHTTP: "With a CORS configuration API Gateway ignores the backend's CORS headers, " +
			"so a second copy comes from a layer in front (CloudFront, a proxy) or the value itself lists " +
			"several origins. Keep the origins in AllowOrigins, where API Gateway picks the matching one.",
		PlatformCloudFront: "When both the origin and the response headers policy set the header, set " +
			"OriginOverride to true in the policy (CloudFront then replaces the origin's value) or remove " +
			"CORS from one of the two. A CloudFront Function that sets the header must overwrite it, not add " +
			"a second value.",
		PlatformLambda: "Return the header once, in `headers` or in `multiValueHeaders` but not both: API " +
			"Gateway merges them into two values. The value is the one origin that matches the request, " +
			"never a comma-separated list of allowed origins.",
		PlatformNginx: "If the upstream already sends CORS headers, drop nginx's add_header lines, or hide " +
			"the upstream's copies with `proxy_hide_header Access-Control-Allow-Origin;` (and the other " +
			"Access-Control-* headers). For several origins use a map, never a list in one add_header. " +
			nginxMap,
		PlatformExpress: "Set the header only through cors: remove manual `res.setHeader('Access-Control-" +
			"Allow-Origin', ...)` calls and check that no proxy in front adds it too. Pass several origins as " +
			"an array: a comma-separated string is sent as it is.",
		PlatformRsCors: "rs/cors sets the header once; the other copy comes from a handler " +
			"(`w.Header().Add`) or a proxy in front. Remove it, and give several origins as separate " +
			"AllowedOrigins entries.",
	},
	"acao-invalid-value": {
		PlatformAPIGatewayREST: "A static value in a method integration response or gateway response is " +
			"written in single quotes, `'https://app.example.com'`, and the quotes are not sent; make sure " +
			"the value inside is a whole origin with its scheme, with no second pair of quotes.",
		PlatformAPIGatewayHTTP: "AllowOrigins entries must be whole origins with the scheme, " +
			"https://app.example.com, not host names.",
		PlatformCloudFront: "Access-Control-Allow-Origins entries in the response headers policy must be " +
			"whole origins with the scheme, https://app.example.com.",
		PlatformLambda: "Return a serialized origin such as https://app.example.com: not the Host header, " +
			"not a JSON-encoded string with quotes, not a URL with a path.",
		PlatformNginx: "Quote the value once: `add_header Access-Control-Allow-Origin " +
			"\"https://app.example.com\" always;`; nested quotes such as `'\"...\"'` are sent as part of the value.",
		PlatformExpress: "Give cors whole origins with the scheme: `origin: ['https://app.example.com']`, " +
			"not 'app.example.com'.",
		PlatformRsCors: "rs/cors always answers with the request's own Origin, so an invalid value comes " +
			"from another layer setting the header; remove that one.",
	},
	"acao-mismatch": {
		PlatformAPIGatewayREST: "A static value in the OPTIONS mock integration or a gateway response serves " +
			"exactly one origin. For several, choose the value in the integration response mapping template " +
			"from an allow-list (`#if($input.params('origin') == 'https://app.example.com')" +
			"#set($context.responseOverride.header.Access-Control-Allow-Origin = $input.params('origin'))#end`), " +
			"and have the backend do the same on actual responses.",
		PlatformAPIGatewayHTTP: "Add the page's exact origin (scheme, host, non-default port, no trailing " +
			"slash) to AllowOrigins.",
		PlatformCloudFront: "If the origin server chooses the value from the request's Origin, CloudFront " +
			"must forward Origin (origin request policy) and include it in the cache key (cache policy); " +
			"otherwise the first origin's cached answer is served to every other origin. A response headers " +
			"policy with a CORS configuration avoids both: CloudFront picks the value for each request from " +
			"Access-Control-Allow-Origins.",
		PlatformLambda: "Compare the request's Origin with the allow-list exactly and return that origin, " +
			"with 'Vary': 'Origin'. Header name case differs between payload versions (REST passes names " +
			"as sent, HTTP API 2.0 lower-cases them), so look Origin up case-insensitively.",
		PlatformNginx: nginxMap + " For patterns, anchor the regex: `~^https://(app|admin)\\.example\\.com$`. " +
			"If nginx caches the responses, add $http_origin to proxy_cache_key.",
		PlatformExpress: "Add the exact origin to the cors `origin` array (https://app.example.com: no " +
			"trailing slash, port only when not the default). Regular expressions must be anchored: " +
			"`/^https:\\/\\/(app|admin)\\.example\\.com$/`.",
		PlatformRsCors: "Add the exact origin to AllowedOrigins; an entry with one wildcard, " +
			"https://*.example.com, covers subdomains. rs/cors adds Vary: Origin itself.",
	},
	"acac-not-true": {
		PlatformAPIGatewayREST: "The actual response needs Access-Control-Allow-Credentials too, not only " +
			"the OPTIONS mock: return it from the Lambda proxy function or map it in the integration " +
			"response, and add `gatewayresponse.header.Access-Control-Allow-Credentials` = `'true'` to the " +
			"DEFAULT_4XX and DEFAULT_5XX gateway responses.",
		PlatformAPIGatewayHTTP: "Set AllowCredentials to true in the API's CORS configuration.",
		PlatformCloudFront: "Set Access-Control-Allow-Credentials to true in the response headers policy's " +
			"CORS configuration.",
		PlatformLambda: "Add `'Access-Control-Allow-Credentials': 'true'` (a lower-case string) to " +
			"`headers` on every response. A function that returns only statusCode and body loses it even " +
			"though the preflight passed.",
		PlatformNginx: "`add_header Access-Control-Allow-Credentials true always;` in every location and " +
			"`if` block that sets Access-Control-Allow-Origin. " + nginxInherit,
		PlatformExpress: "Pass `credentials: true` to cors.",
		PlatformRsCors:  "Set `AllowCredentials: true` in cors.Options.",
	},
	"preflight-acac-not-true": {
		PlatformAPIGatewayREST: "Add Access-Control-Allow-Credentials with the value `'true'` to the OPTIONS " +
			"method: declare it in the method response, set it in the MOCK integration response, and " +
			"redeploy.",
		PlatformLambda: "If the function answers OPTIONS, include `'Access-Control-Allow-Credentials': " +
			"'true'` in that response's headers too.",
		PlatformNginx: "Repeat `add_header Access-Control-Allow-Credentials true always;` inside the " +
			"`if ($request_method = OPTIONS)` block, which inherits no add_header.",
	},
	"preflight-redirect": {
		PlatformCloudFront: "A viewer protocol policy of Redirect HTTP to HTTPS answers OPTIONS on http:// " +
			"with a 301: call the https:// URL from the page. CloudFront Functions or Lambda@Edge code that " +
			"redirects (trailing slash, language, login) must let OPTIONS through.",
		PlatformLambda: "A function that redirects, for example to a login page, must answer OPTIONS with " +
			"204 and the CORS headers before its redirect logic runs.",
		PlatformNginx: "A location `/api/` that passes to an upstream answers a request for `/api` with a 301, " +
			"and a port 80 server usually returns 301 to https: call the exact final URL from the page.",
		PlatformExpress: "express.static and strict routing redirect paths that lack a trailing slash, and " +
			"authentication middleware may redirect to a login page: call the exact URL, and register cors " +
			"before those so it answers OPTIONS first.",
		PlatformRsCors: "http.ServeMux answers /path with a 301 to /path/ when only /path/ is registered. " +
			"c.Handler(mux) answers the preflight before the mux can redirect, but the actual request is " +
			"still redirected: call the final URL.",
	},
	"preflight-status-not-ok": {
		PlatformAPIGatewayREST: restOptionsMock + " A 403 Missing Authentication Token means the resource has " +
			"no OPTIONS method in the deployed stage.",
		PlatformAPIGatewayHTTP: httpAPICors + " If preflights still reach an authorizer (a $default route " +
			"catches OPTIONS), add an `OPTIONS /{proxy+}` route without authorization.",
		PlatformCloudFront: "Allow OPTIONS in the cache behavior's allowed methods (CloudFront refuses other " +
			"methods with 403), and check that AWS WAF rules let unauthenticated OPTIONS requests through.",
		PlatformLambda: "If OPTIONS reaches the function, return 204 with the CORS headers before looking at " +
			"tokens or cookies: a preflight never carries them.",
		PlatformNginx: "auth_basic, auth_request and allow/deny run in the access phase, after the rewrite " +
			"phase, so `if ($request_method = OPTIONS) { ...; return 204; }` answers preflights before any " +
			"authentication. A 405 means the upstream has no OPTIONS handler: answer in nginx.",
		PlatformExpress: "Register `app.options('*', cors(corsOptions))` (Express 5: `'/{*splat}'`) or " +
			"`app.use(cors(corsOptions))` before the authentication middleware; cors ends preflights with " +
			"optionsSuccessStatus (204 by default).",
		PlatformRsCors: "Wrap the whole chain, authentication included: `c.Handler(auth(mux))`. rs/cors ends " +
			"preflights itself unless OptionsPassthrough is set, so they never reach the auth check.",
	},
	"acam-unparsable": {
		PlatformAPIGatewayREST: "In the OPTIONS integration response the value is one quoted string with " +
			"commas: `'GET,POST,PUT,OPTIONS'`.",
		PlatformLambda: "Join the methods with commas: `'Access-Control-Allow-Methods': methods.join(', ')`, " +
			"not join(' ').",
		PlatformNginx: "Commas inside one quoted value: `add_header Access-Control-Allow-Methods \"GET, " +
			"POST, PUT\" always;`.",
		PlatformExpress: "Pass methods as an array, `methods: ['GET', 'PUT']`, or a comma-separated " +
			"string; a space-separated string is sent as it is.",
	},
	"acah-unparsable": {
		PlatformAPIGatewayREST: "In the OPTIONS integration response the value is one quoted string with " +
			"commas: `'Authorization,Content-Type'`.",
		PlatformLambda: "Join the header names with commas: `'Access-Control-Allow-Headers': " +
			"names.join(', ')`.",
		PlatformNginx: "Commas inside one quoted value: `add_header Access-Control-Allow-Headers " +
			"\"authorization, content-type\" always;`.",
		PlatformExpress: "Pass allowedHeaders as an array, `allowedHeaders: ['Authorization', " +
			"'Content-Type']`, or leave it unset so cors echoes the requested headers.",
	},
	"method-not-allowed": {
		PlatformAPIGatewayREST: "Add the method, in upper case, to Access-Control-Allow-Methods in the " +
			"OPTIONS integration response (`'GET,POST,PUT,DELETE,OPTIONS'`) and redeploy the stage.",
		PlatformAPIGatewayHTTP: "Add the method, in upper case, to AllowMethods in the CORS configuration.",
		PlatformCloudFront: "Add the method to Access-Control-Allow-Methods in the response headers policy, " +
			"and to the cache behavior's allowed methods.",
		PlatformLambda: "Add the method to Access-Control-Allow-Methods in the OPTIONS response the function " +
			"returns.",
		PlatformNginx: "Add the method to Access-Control-Allow-Methods in the OPTIONS block.",
		PlatformExpress: "cors allows GET, HEAD, PUT, PATCH, POST and DELETE by default; if you set " +
			"`methods`, include this one, in upper case.",
		PlatformRsCors: "AllowedMethods defaults to GET, POST and HEAD only: add PUT, PATCH, DELETE as the " +
			"page needs. rs/cors rejects such a preflight without any CORS header, so Chromium may report " +
			"the missing Access-Control-Allow-Origin instead.",
	},
	"header-not-allowed": {
		PlatformAPIGatewayREST: "Add the header to Access-Control-Allow-Headers in the OPTIONS integration " +
			"response (`'Authorization,Content-Type,X-Api-Key'`) and redeploy the stage.",
		PlatformAPIGatewayHTTP: "Add the header to AllowHeaders in the CORS configuration.",
		PlatformCloudFront:     "Add the header to Access-Control-Allow-Headers in the response headers policy.",
		PlatformLambda: "Add the header to Access-Control-Allow-Headers in the OPTIONS response the " +
			"function returns.",
		PlatformNginx: "Add the header to Access-Control-Allow-Headers in the OPTIONS block.",
		PlatformExpress: "cors echoes the requested headers unless `allowedHeaders` is set: add this one " +
			"to the list, e.g. `allowedHeaders: ['Authorization', 'Content-Type']`.",
		PlatformRsCors: "Add the header to AllowedHeaders; the default list does not include " +
			"Authorization. rs/cors rejects such a preflight without any CORS header, so Chromium may report " +
			"the missing Access-Control-Allow-Origin instead.",
	},
	"redirect-too-many": {
		PlatformCloudFront: "A classic loop: viewer protocol policy Redirect HTTP to HTTPS in front of an " +
			"origin protocol policy of HTTP only, with an origin that itself redirects to https. Use " +
			"HTTPS only (or Match viewer) as the origin protocol policy.",
		PlatformNginx: "Behind a TLS-terminating load balancer, a `return 301 https://...` based on $scheme " +
			"loops: test $http_x_forwarded_proto instead.",
		PlatformExpress: "Behind a proxy, an https redirect based on req.secure loops unless " +
			"`app.set('trust proxy', ...)` lets Express see the original scheme.",
	},
	"authorization-covered-by-wildcard": {
		PlatformAPIGatewayREST: "Write Authorization into Access-Control-Allow-Headers explicitly: " +
			"`'Authorization,Content-Type'`.",
		PlatformAPIGatewayHTTP: "List authorization in AllowHeaders instead of, or next to, *.",
		PlatformCloudFront: "List Authorization under Access-Control-Allow-Headers in the response headers " +
			"policy instead of allowing all headers.",
		PlatformLambda: "Return `'Access-Control-Allow-Headers': 'authorization, content-type'` rather " +
			"than '*'.",
		PlatformNginx: "`add_header Access-Control-Allow-Headers \"authorization, *\" always;`.",
		PlatformExpress: "Leave allowedHeaders unset (cors then echoes the requested headers) or list " +
			"'Authorization' instead of '*'.",
	},
	"acam-method-case": {
		PlatformAPIGatewayREST: "Write methods in upper case in the OPTIONS integration response.",
		PlatformAPIGatewayHTTP: "Write methods in upper case in AllowMethods.",
		PlatformLambda:         "Write methods in upper case in Access-Control-Allow-Methods.",
		PlatformNginx:          "Write methods in upper case in Access-Control-Allow-Methods.",
		PlatformExpress:        "cors sends `methods` as written: use upper case.",
	},
	"max-age-over-cap": {
		PlatformAPIGatewayREST: "Set Access-Control-Max-Age to `'7200'` or less in the OPTIONS integration " +
			"response.",
		PlatformAPIGatewayHTTP: "Set MaxAge to 7200 or less; API Gateway accepts up to 86400, which " +
			"Chromium shortens anyway.",
		PlatformCloudFront: "Set Access-Control-Max-Age (AccessControlMaxAgeSec) in the response headers " +
			"policy to 7200 or less.",
		PlatformLambda:  "Return `'Access-Control-Max-Age': '7200'` or less in the OPTIONS response.",
		PlatformNginx:   "`add_header Access-Control-Max-Age 7200 always;` or less.",
		PlatformExpress: "`maxAge: 7200` or less in the cors options.",
		PlatformRsCors:  "`MaxAge: 7200` or less in cors.Options.",
	},
	"max-age-invalid": {
		PlatformAPIGatewayREST: "The value is a quoted integer in the integration response: `'600'`.",
		PlatformLambda:         "Return an integer string: `'Access-Control-Max-Age': '600'`.",
		PlatformNginx:          "`add_header Access-Control-Max-Age 600 always;` with a whole number, once.",
		PlatformExpress:        "Give `maxAge` a whole number of seconds: `maxAge: 600`.",
	},
}
