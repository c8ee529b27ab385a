package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"spanmark/annotate"
)

const text = "“Shoigu said,” Shoigu’s aide told U.S. media 🚀. SHOIGU left; shoigun? 我爱北京天安门。Ukraine-Russia talks."

// ann annotates the nth occurrence of sub.
func ann(id, sub string, nth int, label string, edit func(*annotate.Annotation)) annotate.Annotation {
	at := -1
	for i := 0; i <= nth; i++ {
		at += 1 + strings.Index(text[at+1:], sub)
	}
	start := utf8.RuneCountInString(text[:at])
	a := annotate.Annotation{ID: id, DocumentID: "d", Start: start, End: start + utf8.RuneCountInString(sub), Label: label}
	if edit != nil {
		edit(&a)
	}
	return a
}

func testDoc() *annotate.DocumentData {
	as := []annotate.Annotation{
		ann("p1", "Shoigu", 0, "PERSON", func(a *annotate.Annotation) { a.Annotator = "ana" }),
		ann("s1", "Shoigu’s aide", 0, "SOURCE", func(a *annotate.Annotation) {
			a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("anonymous")})
		}),
		ann("p2", "Shoigu", 1, "PERSON", func(a *annotate.Annotation) { a.Note = "Defence Minister" }),
		ann("l1", "北京", 0, "LOC", nil),
	}
	annotate.SortAnnotations(as)
	return &annotate.DocumentData{Document: annotate.Document{ID: "d", Title: "T", Text: text, Status: annotate.StatusDone}, Annotations: as}
}

// find runs q on the test document and lists the results as
// "match[labels]" or with the offsets checked against the text.
func find(t *testing.T, q Query) ([]string, error) {
	t.Helper()
	s, err := New(q, annotate.DefaultSchema())
	if err != nil {
		return nil, err
	}
	x := annotate.NewIndex(text)
	var out []string
	s.Document(testDoc(), func(r Result) bool {
		if x.Slice(r.Start, r.End) != r.Match {
			t.Errorf("%q at %d-%d is %q in the text", r.Match, r.Start, r.End, x.Slice(r.Start, r.End))
		}
		out = append(out, fmt.Sprintf("%s%v", r.Match, r.Labels))
		return true
	})
	return out, nil
}

func TestQueries(t *testing.T) {
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"case-insensitive by default", Query{Text: "shoigu"},
			[]string{"Shoigu[PERSON]", "Shoigu[PERSON SOURCE]", "SHOIGU[]", "shoigu[]"}},
		{"case-sensitive", Query{Text: "Shoigu", CaseSensitive: true},
			[]string{"Shoigu[PERSON]", "Shoigu[PERSON SOURCE]"}},
		{"whole words: not inside shoigun, yes before ’s", Query{Text: "shoigu", WholeWord: true},
			[]string{"Shoigu[PERSON]", "Shoigu[PERSON SOURCE]", "SHOIGU[]"}},
		{"whole words ending in punctuation", Query{Text: "U.S.", WholeWord: true}, []string{"U.S.[]"}},
		{"whole words: a hyphen separates", Query{Text: "Russia", WholeWord: true}, []string{"Russia[]"}},
		{"emoji", Query{Text: "🚀", WholeWord: true}, []string{"🚀[]"}},
		{"CJK: every character boundary is a word boundary", Query{Text: "北京", WholeWord: true}, []string{"北京[LOC]"}},
		{"CJK inside a run", Query{Text: "天安"}, []string{"天安[]"}},
		{"regex", Query{Text: `[A-Z]\.[A-Z]\.`, Regex: true, CaseSensitive: true}, []string{"U.S.[]"}},
		{"regex that matches empty text finds nothing", Query{Text: `x*`, Regex: true}, nil},
		{"label", Query{Text: "shoigu", Labels: []string{"SOURCE"}}, []string{"Shoigu[PERSON SOURCE]"}},
		{"kind", Query{Text: "shoigu", Kinds: []annotate.Kind{annotate.KindEntity}}, []string{"Shoigu[PERSON]", "Shoigu[PERSON SOURCE]"}},
		{"attribute", Query{Text: "aide", Attribute: "source_type=anonymous"}, []string{"aide[SOURCE]"}},
		{"note, ignoring case", Query{Text: "shoigu", Note: "defence"}, []string{"Shoigu[PERSON SOURCE]"}},
		{"annotator", Query{Text: "shoigu", Annotator: "ana"}, []string{"Shoigu[PERSON]"}},
		{"status kept", Query{Text: "aide", Status: []annotate.Status{annotate.StatusDone}}, []string{"aide[SOURCE]"}},
		{"status left out", Query{Text: "aide", Status: []annotate.Status{annotate.StatusTodo}}, nil},
		{"unannotated only", Query{Text: "shoigu", Unannotated: true}, []string{"SHOIGU[]", "shoigu[]"}},
		{"no text lists annotations", Query{Labels: []string{"PERSON", "LOC"}}, []string{"Shoigu[PERSON]", "Shoigu[PERSON SOURCE]", "北京[LOC]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := find(t, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBadQueries(t *testing.T) {
	for _, q := range []Query{
		{Text: "(", Regex: true},
		{Text: "x", Labels: []string{"PERSONS"}},
		{Text: "x", Attribute: "verdict"},
		{Text: "x", Unannotated: true, Labels: []string{"PERSON"}},
		{Unannotated: true},
	} {
		if _, err := New(q, annotate.DefaultSchema()); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
}

func TestContextInCodePoints(t *testing.T) {
	s, err := New(Query{Text: "天安门"}, annotate.DefaultSchema())
	if err != nil {
		t.Fatal(err)
	}
	var got Result
	s.Document(testDoc(), func(r Result) bool { got = r; return false })
	// Context code points to the left; to the right the text ends first.
	if n := utf8.RuneCountInString(got.Left); n != Context || !strings.HasSuffix(got.Left, "我爱北京") {
		t.Errorf("left context %q, %d code points", got.Left, n)
	}
	if got.Right != "。Ukraine-Russia talks." {
		t.Errorf("right context %q", got.Right)
	}
}

func TestCaseFolding(t *testing.T) {
	const text = "École, ÉCOLE; İstanbul istanbul ISTANBUL; Straße STRASSE; ΣΟΦΙΑ σοφια; Kite KITE kite"
	d := &annotate.DocumentData{Document: annotate.Document{ID: "f", Text: text}}
	tests := []struct {
		query string
		want  []string
	}{
		{"école", []string{"École", "ÉCOLE"}}, // a non-ASCII first letter: the folded copy
		{"ÉCOLE", []string{"École", "ÉCOLE"}},
		{"istanbul", []string{"istanbul", "ISTANBUL"}}, // İ folds to two code points: it matches only itself
		{"straße", []string{"Straße"}},                 // no full case folding: ß is not "ss"
		{"σοφια", []string{"ΣΟΦΙΑ", "σοφια"}},
		{"kITe", []string{"Kite", "KITE", "kite"}}, // an ASCII first letter: the letter in either case, then a compare
	}
	for _, tt := range tests {
		s, err := New(Query{Text: tt.query}, annotate.DefaultSchema())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		s.Document(d, func(r Result) bool { got = append(got, r.Match); return true })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.query, got, tt.want)
		}
	}
}
