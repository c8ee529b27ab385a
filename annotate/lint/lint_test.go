package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"spanmark/annotate"
)

// span places an annotation on the nth (0-based) occurrence of sub in
// text; sub may carry surrounding characters that are part of the span.
type span struct {
	id, sub, label string
	nth            int
	attrs          annotate.Attributes
}

// doc builds a document of text with the spans and claim→source links
// (pairs of span ids).
func doc(t *testing.T, text string, spans []span, links ...[2]string) *annotate.DocumentData {
	t.Helper()
	d := &annotate.DocumentData{Document: annotate.Document{ID: "d1", Title: "Doc", Text: text, Status: annotate.StatusInProgress}}
	for _, s := range spans {
		at := -1
		for i, from := 0, 0; i <= s.nth; i++ {
			k := strings.Index(text[from:], s.sub)
			if k < 0 {
				t.Fatalf("%q: occurrence %d of %q not found", text, s.nth, s.sub)
			}
			at = from + k
			from = at + 1
		}
		start := utf8.RuneCountInString(text[:at])
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: s.id, DocumentID: "d1", Start: start, End: start + utf8.RuneCountInString(s.sub),
			Label: s.label, Attributes: s.attrs,
		})
	}
	annotate.SortAnnotations(d.Annotations)
	for i, l := range links {
		d.Relations = append(d.Relations, annotate.Relation{
			ID: fmt.Sprintf("r%d", i), DocumentID: "d1", Type: annotate.RelationAttributedTo, From: l[0], To: l[1],
		})
	}
	return d
}

// got lists findings as "rule id: text", the fix as "→ fixed text" or
// "→ delete".
func got(d *annotate.DocumentData, fs []Finding) []string {
	x := annotate.NewIndex(d.Document.Text)
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s %s: %q", f.Rule, f.Annotation, f.Text)
		switch {
		case f.Fix != nil && f.Fix.Put != nil:
			s += fmt.Sprintf(" → %q", x.Slice(f.Fix.Put.Start, f.Fix.Put.End))
		case f.Fix != nil:
			s += " → delete " + f.Fix.Delete
		}
		out = append(out, s)
	}
	return out
}

func TestDocumentRules(t *testing.T) {
	const text = "“Sanctions work,” said Ms. Lee of the U.S. Treasury. Russian officials (anonymous) disagreed: Shoigu’s pro-Kremlin aides."
	tests := []struct {
		name  string
		rule  string
		spans []span
		links [][2]string
		want  []string
	}{
		{"claim without source", ClaimWithoutSource,
			[]span{{id: "c", sub: "Sanctions work", label: "CLAIM"}, {id: "s", sub: "Ms. Lee", label: "SOURCE"}},
			nil, []string{`claim-without-source c: "Sanctions work"`}},
		{"linked claim", ClaimWithoutSource,
			[]span{{id: "c", sub: "Sanctions work", label: "CLAIM"}, {id: "s", sub: "Ms. Lee", label: "SOURCE"}},
			[][2]string{{"c", "s"}}, nil},
		{"source without claim", SourceWithoutClaim,
			[]span{{id: "c", sub: "Sanctions work", label: "CLAIM"}, {id: "s", sub: "Ms. Lee", label: "SOURCE"}, {id: "s2", sub: "Russian officials", label: "SOURCE"}},
			[][2]string{{"c", "s"}}, []string{`source-without-claim s2: "Russian officials"`}},
		{"space at either end", BoundarySpace,
			[]span{{id: "a", sub: " Ms. Lee", label: "PERSON"}, {id: "b", sub: "Treasury. ", label: "ORG"}, {id: "ok", sub: "Shoigu", label: "PERSON"}},
			nil, []string{`boundary-space a: " Ms. Lee" → "Ms. Lee"`, `boundary-space b: "Treasury. " → "Treasury."`}},
		{"only space has no fix", BoundarySpace,
			[]span{{id: "a", sub: " ", label: "MISC"}}, nil, []string{`boundary-space a: " "`}},
		{"punctuation", BoundaryPunct,
			[]span{
				{id: "stop", sub: "Treasury.", label: "ORG"},
				{id: "us", sub: "U.S.", label: "LOC"},
				{id: "ms", sub: "Ms.", label: "MISC"},
				{id: "colon", sub: "disagreed:", label: "MISC"},
				{id: "quote", sub: "“Sanctions work", label: "CLAIM"},
				{id: "closed", sub: "“Sanctions work,”", label: "MISC"},
				{id: "paren", sub: "anonymous)", label: "MISC"},
				{id: "pair", sub: "(anonymous)", label: "MISC"},
				{id: "apos", sub: "Shoigu’", label: "PERSON"},
			},
			nil, []string{
				`boundary-punct quote: "“Sanctions work" → "Sanctions work"`,
				`boundary-punct ms: "Ms." → "Ms"`,
				`boundary-punct stop: "Treasury." → "Treasury"`,
				`boundary-punct paren: "anonymous)" → "anonymous"`,
				`boundary-punct colon: "disagreed:" → "disagreed"`,
			}},
		{"partial token", PartialToken,
			[]span{{id: "r", sub: "Russia", label: "LOC"}, {id: "o", sub: "fficials", label: "MISC"}, {id: "w", sub: "Shoigu’s", label: "PERSON"}, {id: "s", sub: "Shoigu", label: "PERSON"}},
			nil, []string{`partial-token r: "Russia"`, `partial-token o: "fficials"`}},
		{"a possessive or a hyphen is a word's edge", PartialToken,
			[]span{{id: "s", sub: "Shoigu", label: "PERSON"}, {id: "w", sub: "Shoigu’s", label: "PERSON"}, {id: "sw", sub: "Shoigu’", label: "PERSON"}, {id: "k", sub: "Kremlin", label: "ORG"}},
			nil, nil},
		{"duplicate", Duplicate,
			[]span{{id: "a", sub: "Ms. Lee", label: "PERSON"}, {id: "b", sub: "Ms. Lee", label: "PERSON"}, {id: "c", sub: "Ms. Lee", label: "SOURCE"}},
			nil, []string{`duplicate b: "Ms. Lee" → delete b`}},
		{"same-label overlap", SameLabelOverlap,
			[]span{{id: "a", sub: "Ms. Lee of", label: "MISC"}, {id: "b", sub: "Lee of the U.S.", label: "MISC"}, {id: "c", sub: "Lee", label: "PERSON"}, {id: "d", sub: "Ms. Lee of", label: "MISC"}},
			nil, []string{`same-label-overlap b: "Lee of the U.S."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(t, text, tt.spans, tt.links...)
			l, err := New(annotate.DefaultSchema(), nil, []string{tt.rule})
			if err != nil {
				t.Fatal(err)
			}
			if g := got(d, l.Document(d)); !slices.Equal(g, tt.want) {
				t.Errorf("findings\n got %q\nwant %q", g, tt.want)
			}
		})
	}
}

func TestEmptyDoneAndRequiredAttributes(t *testing.T) {
	schema := annotate.DefaultSchema()
	for i := range schema.Attributes {
		switch schema.Attributes[i].Name {
		case "verdict", "topic":
			schema.Attributes[i].Required = true
		}
	}
	d := doc(t, "Prices rose.", []span{
		{id: "set", sub: "Prices", label: "CLAIM", attrs: annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})},
		{id: "unset", sub: "rose", label: "CLAIM"},
	})
	l, err := New(schema, nil, []string{AttributeUnset, EmptyDone})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`attribute-unset : ""`, `attribute-unset unset: "rose"`}
	if g := got(d, l.Document(d)); !slices.Equal(g, want) {
		t.Errorf("findings\n got %q\nwant %q", g, want)
	}
	d.Annotations, d.Document.Status = nil, annotate.StatusDone
	d.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("economy")})
	want = []string{`empty-done : ""`}
	if g := got(d, l.Document(d)); !slices.Equal(g, want) {
		t.Errorf("findings\n got %q\nwant %q", g, want)
	}
}

func TestInconsistentLabel(t *testing.T) {
	surfaces := NewSurfaces()
	other := doc(t, "Shoigu met Shoigu and Shoigu. Apple.", []span{
		{id: "1", sub: "Shoigu", label: "PERSON"}, {id: "2", sub: "Shoigu", label: "PERSON", nth: 1},
		{id: "3", sub: "Shoigu", label: "SOURCE", nth: 2}, {id: "4", sub: "Apple", label: "ORG"},
	})
	surfaces.Add(other)
	here := doc(t, "Shoigu and Apple and Apple.", []span{
		{id: "minor", sub: "Shoigu", label: "ORG"}, {id: "tie", sub: "Apple", label: "MISC"},
	})
	surfaces.Add(here)
	l, err := New(annotate.DefaultSchema(), surfaces, []string{InconsistentLabel})
	if err != nil {
		t.Fatal(err)
	}
	fs := l.Document(here)
	want := []string{`inconsistent-label minor: "Shoigu"`, `inconsistent-label tie: "Apple"`}
	if g := got(here, fs); !slices.Equal(g, want) {
		t.Fatalf("findings\n got %q\nwant %q", g, want)
	}
	if fs[0].Message != "ORG here; in the project PERSON 2, ORG 1" {
		t.Errorf("message %q", fs[0].Message)
	}
	// The majority label is not reported, a tie on both sides is, and a
	// count removed is gone.
	want = []string{`inconsistent-label 4: "Apple"`}
	if g := got(other, l.Document(other)); !slices.Equal(g, want) {
		t.Errorf("other document\n got %q\nwant %q", g, want)
	}
	surfaces.Remove(here)
	if fs := l.Document(here); len(fs) != 0 {
		t.Errorf("after Remove: %q", got(here, fs))
	}
}

func TestNewRefusesUnknownRule(t *testing.T) {
	if _, err := New(annotate.DefaultSchema(), nil, []string{"boundary-spaces"}); err == nil || !strings.Contains(err.Error(), `"boundary-spaces"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := New(annotate.DefaultSchema(), nil, []string{InconsistentLabel}); err == nil {
		t.Error("a project rule without surfaces was accepted")
	}
}
