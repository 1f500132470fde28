package cmd

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgress(t *testing.T) {
	saved := progressDelay
	t.Cleanup(func() { progressDelay = saved })

	cases := []struct {
		desc  string
		tty   bool
		delay time.Duration
		want  string // "" for no output at all
	}{
		{desc: "long run on a terminal", tty: true, delay: 0, want: "\rcorslint: checked 3/10 probes"},
		{desc: "short run on a terminal", tty: true, delay: time.Hour, want: ""},
		{desc: "not a terminal", tty: false, delay: 0, want: ""},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			progressDelay = tc.delay
			var stderr syncBuffer
			p := startProgress(&env{stderr: &stderr, stderrIsTTY: tc.tty}, 10)
			if p != nil {
				p.update(3, 10)
				time.Sleep(250 * time.Millisecond)
			}
			p.finish()
			got := stderr.String()
			if tc.want == "" {
				if got != "" {
					t.Errorf("progress: got %q; want nothing", got)
				}
				return
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("progress: got %q; want it to contain %q", got, tc.want)
			}
			if !strings.HasSuffix(got, "\r\x1b[K") {
				t.Errorf("progress: got %q; want the line erased at the end", got)
			}
		})
	}
}
