package lint

import (
	"slices"
	"testing"

	"spanmark/annotate"
)

// TestPartialTokenEdges checks the cases where a span's boundary has word
// characters on both sides and only the tokens tell whether it is inside
// a word, with tokens made on demand (Document) and made beforehand
// (DocumentIn).
func TestPartialTokenEdges(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []span
		want  []string
	}{
		// A combining mark after a symbol belongs to the symbol's token:
		// the letter after it starts a word.
		{"mark after a symbol, then a word", "see ©\u0301abc now", []span{{id: "a", sub: "abc", label: "MISC"}}, nil},
		{"mark inside a word", "see cafe\u0301s now", []span{{id: "a", sub: "cafe\u0301", label: "MISC"}}, []string{"partial-token a: \"cafe\u0301\""}},
		{"the text's ends", "Kyiv", []span{{id: "a", sub: "Kyiv", label: "LOC"}}, nil},
		{"inside at the start of the text", "Kyivan", []span{{id: "a", sub: "Kyiv", label: "LOC"}}, []string{`partial-token a: "Kyiv"`}},
		{"a number's separator", "paid 6,000 dollars", []span{{id: "a", sub: "6,0", label: "QUANTITY"}}, []string{`partial-token a: "6,0"`}},
		{"invalid UTF-8 beside a letter", "ab\xffcd", []span{{id: "a", sub: "cd", label: "MISC"}}, nil},
		{"CJK", "我爱北京天安门", []span{{id: "a", sub: "北京", label: "LOC"}}, []string{`partial-token a: "北京"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(t, tt.text, tt.spans)
			l, err := New(annotate.DefaultSchema(), nil, []string{PartialToken})
			if err != nil {
				t.Fatal(err)
			}
			if g := got(d, l.Document(d)); !slices.Equal(g, tt.want) {
				t.Errorf("Document: got %q, want %q", g, tt.want)
			}
			if g := got(d, l.DocumentIn(d, NewText(d.Document.Text))); !slices.Equal(g, tt.want) {
				t.Errorf("DocumentIn: got %q, want %q", g, tt.want)
			}
		})
	}
}
