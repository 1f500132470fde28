package cmd_test

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/corslint/corslint/cmd"
)

// silentServer accepts connections on loopback and never answers.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String() + "/"
}

// TestNeverAnsweringServer: check ends within --timeout + 1s (or within
// --deadline), with exit 3 and a one-line error.
func TestNeverAnsweringServer(t *testing.T) {
	url := silentServer(t)
	cases := []struct {
		desc  string
		args  []string
		limit time.Duration
	}{
		{desc: "--timeout", args: []string{"--timeout", "1s"}, limit: 2 * time.Second},
		{desc: "--deadline shorter than --timeout", args: []string{"--timeout", "30s", "--deadline", "500ms"}, limit: 1500 * time.Millisecond},
	}
	for _, c := range cases {
		start := time.Now()
		_, stderr, code := run(t, append([]string{"check", url, "--origin", "https://app.example.com"}, c.args...)...)
		elapsed := time.Since(start)
		if code != cmd.ExitUnreachable || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no response within the timeout") {
			t.Errorf("%s: exit %d, stderr %q; want 3 and one line about the timeout", c.desc, code, stderr)
		}
		if elapsed > c.limit {
			t.Errorf("%s: took %s; want at most %s", c.desc, elapsed, c.limit)
		}
	}
}
