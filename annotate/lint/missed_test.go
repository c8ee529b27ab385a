package lint

import (
	"slices"
	"testing"
	"time"

	"spanmark/annotate"
)

func TestMissedMention(t *testing.T) {
	// Elsewhere: NATO is ORG twice, Kim is PERSON once, Apple is ORG
	// once and MISC once.
	elsewhere := doc(t, "NATO and NATO met Kim. Apple, Apple.", []span{
		{id: "n1", sub: "NATO", label: "ORG"}, {id: "n2", sub: "NATO", label: "ORG", nth: 1},
		{id: "k", sub: "Kim", label: "PERSON"},
		{id: "a1", sub: "Apple", label: "ORG"}, {id: "a2", sub: "Apple", label: "MISC", nth: 1},
	})
	elsewhere.Document.ID = "other"
	const text = "NATO said NATO’s NATOs “NATO is strong” Kim Apple NATO."
	here := doc(t, text, []span{
		{id: "tagged", sub: "NATO", label: "ORG", nth: 4},
		{id: "claim", sub: "NATO is strong", label: "CLAIM"},
	})
	surfaces := NewSurfaces()
	surfaces.Add(elsewhere)
	surfaces.Add(here)
	l, err := New(annotate.DefaultSchema(), surfaces, []string{MissedMention})
	if err != nil {
		t.Fatal(err)
	}
	l.Annotator = "ana"
	var got []int
	for _, f := range l.Document(here) {
		if f.Text != "NATO" || f.Fix == nil || f.Fix.Put == nil || f.Fix.Put.Label != "ORG" || f.Fix.Put.Annotator != "ana" {
			t.Errorf("finding %+v", f)
		}
		got = append(got, f.Start)
	}
	// 0 is bare; "NATO’s" and "NATOs" are other tokens (the tokenizer
	// keeps a possessive in its word, and a mention must start and end
	// on token boundaries, as a suggestion must); the one inside the
	// claim is an untagged entity still; the last is tagged. Kim (once)
	// and Apple (two labels) are not reported.
	if want := []int{0, 24}; !slices.Equal(got, want) {
		t.Errorf("missed mentions at %v, want %v", got, want)
	}
	fixed, edit, n := l.FixDocument(here, []string{MissedMention}, time.Now())
	if n != 2 || len(edit.PutAnnotations) != 2 {
		t.Errorf("fixed %d with %d puts, want 2", n, len(edit.PutAnnotations))
	}
	if fs := l.Document(fixed); len(fs) != 0 {
		t.Errorf("after the fix: %+v", fs)
	}
	surfaces.Reject(annotate.Rejection{DocumentID: "d1", Start: 0, End: 4, Label: "ORG", Text: "NATO"})
	if fs := l.Document(here); len(fs) != 0 {
		t.Errorf("a rejected string is still reported: %+v", fs)
	}
}
