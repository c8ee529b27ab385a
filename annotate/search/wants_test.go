package search

import (
	"testing"

	"spanmark/annotate"
)

func TestWants(t *testing.T) {
	done := []annotate.Status{annotate.StatusDone}
	todo := []annotate.Status{annotate.StatusTodo}
	tests := []struct {
		name string
		q    Query
		want bool
	}{
		{"word in the text", Query{Text: "aide"}, true},
		{"word in another case", Query{Text: "AIDE"}, true},
		{"word not in the text", Query{Text: "zebra"}, false},
		{"case-sensitive, only in another case", Query{Text: "AIDE", CaseSensitive: true}, false},
		{"non-ASCII first letter, absent", Query{Text: "école"}, false},
		{"CJK present", Query{Text: "北京"}, true},
		{"regex present", Query{Text: `U\.S\.`, Regex: true}, true},
		{"regex absent", Query{Text: `z{3}`, Regex: true}, false},
		{"status kept", Query{Text: "aide", Status: done}, true},
		{"status left out", Query{Text: "aide", Status: todo}, false},
		{"no text: listing annotations needs them", Query{Labels: []string{"PERSON"}}, true},
		{"no text, status left out", Query{Labels: []string{"PERSON"}, Status: todo}, false},
		// Wants looks at the text only: whether the filters pass is
		// known once the annotations are read.
		{"filter that will not pass", Query{Text: "aide", Labels: []string{"LOC"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.q, annotate.DefaultSchema())
			if err != nil {
				t.Fatal(err)
			}
			d := testDoc()
			if got := s.Wants(d.Document.Status, d.Document.Text); got != tt.want {
				t.Errorf("Wants = %v, want %v", got, tt.want)
			}
			n := 0
			s.Document(d, func(Result) bool { n++; return true })
			if !tt.want && n > 0 {
				t.Errorf("Wants is false but Document found %d results", n)
			}
		})
	}
}
