package suggest_test

import (
	"testing"

	"github.com/corslint/corslint/lint/suggest"
)

func TestClosest(t *testing.T) {
	ids := []string{"acao-missing", "acac-not-true", "header-not-allowed"}
	cases := []struct {
		in, want string
	}{
		{in: "acao-missin", want: "acao-missing"},
		{in: "header-not-alowed", want: "header-not-allowed"},
		{in: "acac-not-tru", want: "acac-not-true"},
		{in: "something-else", want: ""},
		{in: "", want: ""},
	}
	for _, c := range cases {
		if got := suggest.Closest(c.in, ids, 4); got != c.want {
			t.Errorf("Closest(%q) = %q; want %q", c.in, got, c.want)
		}
	}
	if d := suggest.Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance(kitten, sitting) = %d; want 3", d)
	}
}
