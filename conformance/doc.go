// Package conformance holds the Chromium conformance suite: it drives a real
// headless Chromium and the corslint engine through the same scripted
// loopback exchanges and checks that they reach the same verdict for the
// same reason. The suite is behind the "browser" build tag; run it with
// `make test-browser`.
package conformance
