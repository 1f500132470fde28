//go:build browser

package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// outcome is a verdict as both sides can express it: allowed, or blocked
// with Chromium's name for the reason.
type outcome struct {
	blocked bool
	// reason is the DevTools CorsError name (corsErrorStatus.corsError),
	// "blocked:<blockedReason>" for a non-CORS block, or the net error text.
	reason string
	// param is corsErrorStatus.failedParameter for a CORS error: the
	// offending value, method or header name.
	param string
	// detail is context for a human: a status, a rule ID, an error the
	// page saw.
	detail string
	// hidden are the response headers the script reads (testCase.reads)
	// that it cannot see: those response.headers.get() returned null for
	// in the browser, those the engine reports as response-header-not-exposed
	// on the final response. Only an allowed fetch has any.
	hidden []string
	// reads is what the page's get() returned for each name, for the log.
	reads string
}

func (o outcome) String() string {
	if !o.blocked {
		return "allowed"
	}
	return "blocked " + o.reason
}

// chromium is one headless Chromium process; every case gets its own
// browser context (a fresh profile in memory) inside it.
type chromium struct {
	ctx     context.Context
	version string // "Chromium 156.0.8078.108 (/usr/bin/chromium)"
}

// chromiumFlags are the switches the suite runs Chromium with. The machine
// has no internet: without the background-networking switches Chromium
// keeps dialling out. The resolver rules send "localhost" and the suite's
// other names to 127.0.0.1 (and nowhere else: not [::1]), as the engine's
// --resolve does; the TLS listeners' certificate is self-signed.
func chromiumFlags() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Flag("headless", "new"),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("host-resolver-rules", resolverRules()),
		chromedp.Flag("ignore-certificate-errors", true),
		// Every case opens a window, and each window would load the
		// omnibox popup's WebUI in a renderer of its own: browser chrome,
		// not web content, and about a third of the window's cost.
		chromedp.Flag("disable-features", "WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup"),
	}
}

// resolverRules maps every name the suite uses to 127.0.0.1.
func resolverRules() string {
	var rules []string
	for _, h := range mappedHosts() {
		rules = append(rules, "MAP "+h+" 127.0.0.1")
	}
	return strings.Join(rules, ", ")
}

// findChromium locates Debian's chromium. There is no fallback to a
// download: the suite tests the browser the project installs.
func findChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", errors.New("no chromium or chromium-browser on PATH; install Debian's chromium package (make deps does)")
}

// startChromium starts the browser or fails the test: the suite never skips.
func startChromium(t *testing.T) *chromium {
	t.Helper()
	path, err := findChromium()
	if err != nil {
		t.Fatalf("cannot run the Chromium conformance suite: %v", err)
	}
	opts := append(chromiumFlags(), chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	// The first Run starts the browser and binds it to ctx, so it must not
	// carry a timeout; the version query bounds the wait instead.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium (%s) did not start: %v", path, err)
	}
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.CallBrowser(vctx, browser.GetVersion, struct{}{})
	if err != nil {
		t.Fatalf("chromium (%s) started but does not answer: %v", path, err)
	}
	// The product reads "Chrome/156.0.8078.108" whatever the build.
	_, number, _ := strings.Cut(v.Product, "/")
	return &chromium{ctx: ctx, version: fmt.Sprintf("Chromium %s (%s)", number, path)}
}

// fetchCall is the script's fetch(), as JSON for the page.
type fetchCall struct {
	URL         string      `json:"url"`
	Method      string      `json:"method"`
	Headers     [][2]string `json:"headers"`
	Body        *string     `json:"body"`
	Credentials string      `json:"credentials"`
	// Reads are the response header names the script reads once the fetch
	// resolves; never nil, so the page gets an array.
	Reads []string `json:"reads"`
}

// fetchScript runs one fetch() in the page and reports how it settled and,
// when it resolved, what response.headers.get() returned for each name the
// case reads: a string, or null for a header the script cannot see.
const fetchScript = `(async (c) => {
  const init = {method: c.method, headers: c.headers, credentials: c.credentials};
  if (c.body !== null) init.body = c.body;
  try {
    const r = await fetch(c.url, init);
    const reads = c.reads.map((name) => ({name: name, value: r.headers.get(name)}));
    await r.text();
    return {ok: true, status: r.status, error: "", reads: reads};
  } catch (e) {
    return {ok: false, status: 0, error: String(e), reads: []};
  }
})(%s)`

type fetchResult struct {
	OK     bool         `json:"ok"`
	Status int          `json:"status"`
	Error  string       `json:"error"`
	Reads  []headerRead `json:"reads"`
}

// headerRead is one response.headers.get(name) in the page.
type headerRead struct {
	Name  string  `json:"name"`
	Value *string `json:"value"` // nil: get() returned null
}

// readOutcome is the hidden names and the log line of the page's reads.
func readOutcome(reads []headerRead) (hidden []string, summary string) {
	var parts []string
	for _, r := range reads {
		if r.Value == nil {
			hidden = append(hidden, r.Name)
			parts = append(parts, r.Name+"=null")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=%q", r.Name, *r.Value))
	}
	return hidden, strings.Join(parts, " ")
}

// errAttach marks a failure to attach to a case's tab, before its script
// runs.
var errAttach = errors.New("attach to the tab")

// run performs one case's fetch in a fresh browser context. match is the
// path prefix of the case's URLs, which tells its requests from the page's.
//
// Attaching can fail with "Cannot find default execution context": chromedp
// evaluates a script as it attaches, and the tab may be committing the
// page's navigation just then (more often for the https page, whose TLS
// handshake shifts the timing). Nothing of the case has been sent yet, so
// it is tried again in a fresh context.
func (c *chromium) run(pageURL string, call fetchCall, match string) (outcome, error) {
	for attempt := 1; ; attempt++ {
		o, err := c.runOnce(pageURL, call, match)
		if !errors.Is(err, errAttach) || attempt == 3 {
			return o, err
		}
	}
}

// runOnce is one attempt at run.
func (c *chromium) runOnce(pageURL string, call fetchCall, match string) (outcome, error) {
	// A fresh browser context per case: no cache, cookie, connection or
	// preflight cache entry is shared with another case. Its tab opens on
	// the page directly, which spares a navigation.
	bc, err := chromedp.CallBrowser(c.ctx, target.CreateBrowserContext, target.CreateBrowserContextParams{})
	if err != nil {
		return outcome{}, fmt.Errorf("Target.createBrowserContext: %w", err)
	}
	id := bc.BrowserContextID
	defer func() {
		_, _ = chromedp.CallBrowser(c.ctx, target.DisposeBrowserContext, target.DisposeBrowserContextParams{BrowserContextID: id})
	}()
	// A new browser context has no window to hold a tab yet.
	newWindow := true
	tab, err := chromedp.CallBrowser(c.ctx, target.CreateTarget, target.CreateTargetParams{URL: pageURL, BrowserContextID: id, NewWindow: &newWindow})
	if err != nil {
		return outcome{}, fmt.Errorf("Target.createTarget: %w", err)
	}
	tctx, cancel := chromedp.NewContext(c.ctx, chromedp.WithTargetID(tab.TargetID))
	defer cancel()

	var mu sync.Mutex
	// DevTools reports a preflight as a request of its own (type Other or
	// Preflight) on the same URL; the verdict is on the fetch's request.
	ours := map[network.RequestID]bool{}
	var failures []*network.EventLoadingFailed
	err = chromedp.Listen(tctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if strings.Contains(ev.Request.URL, match) && ev.Type == network.ResourceTypeFetch {
				ours[ev.RequestID] = true
			}
		case *network.EventLoadingFailed:
			failures = append(failures, ev)
		}
	})
	if err != nil {
		return outcome{}, fmt.Errorf("%w: %w", errAttach, err)
	}
	ctx, cancelRun := context.WithTimeout(tctx, 30*time.Second)
	defer cancelRun()
	// The tab may still hold its initial empty document, or be loading
	// the page: a script evaluated now could run in the wrong document.
	ready := fmt.Sprintf("location.href === %q && document.readyState === 'complete'", pageURL)
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
		if err == nil && done {
			break
		}
		if ctx.Err() != nil {
			return outcome{}, fmt.Errorf("load %s: %w", pageURL, ctx.Err())
		}
		time.Sleep(10 * time.Millisecond)
	}
	arg, err := json.Marshal(call)
	if err != nil {
		return outcome{}, err
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[fetchResult](fmt.Sprintf(fetchScript, arg), chromedp.EvalAwaitPromise))
	if err != nil {
		return outcome{}, fmt.Errorf("fetch: %w", err)
	}
	if res.OK {
		hidden, reads := readOutcome(res.Reads)
		return outcome{detail: fmt.Sprintf("status %d", res.Status), hidden: hidden, reads: reads}, nil
	}
	// The promise can settle before DevTools reports why: wait for it.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		for _, f := range failures {
			if !ours[f.RequestID] {
				continue
			}
			mu.Unlock()
			return failureOutcome(f, res.Error), nil
		}
		mu.Unlock()
	}
	return outcome{blocked: true, reason: "no Network.loadingFailed", detail: res.Error}, nil
}

// failureOutcome names a failed fetch the way the engine's chromium_error
// does: the CorsError, else the blocked reason, else the net error.
func failureOutcome(f *network.EventLoadingFailed, pageError string) outcome {
	switch {
	case f.CorsErrorStatus != nil:
		return outcome{blocked: true, reason: string(f.CorsErrorStatus.CorsError), param: f.CorsErrorStatus.FailedParameter}
	case f.BlockedReason != "":
		return outcome{blocked: true, reason: "blocked:" + string(f.BlockedReason), detail: f.ErrorText}
	}
	return outcome{blocked: true, reason: f.ErrorText, detail: pageError}
}
