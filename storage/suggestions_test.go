package storage

import (
	"errors"
	"fmt"
	"testing"

	"spanmark/annotate"
)

// sg makes a suggestion of document d.
func sg(d string, start, end int, label, source string, score float64) annotate.Suggestion {
	return annotate.Suggestion{DocumentID: d, Start: start, End: end, Label: label, Source: source, Score: score}
}

func showSugs(t testing.TB, s *Store, docID string) string {
	t.Helper()
	ss, err := s.Suggestions(docID)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(ss)
}

func TestSuggestionsLifecycle(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Apple and Kyiv and Apple.")
	addDoc(t, s, "d2", "Other text")
	if got := showSugs(t, s, "d1"); got != "[]" {
		t.Fatalf("a new document has suggestions %s", got)
	}
	put := func(source string, byDoc map[string][]annotate.Suggestion) {
		t.Helper()
		if err := s.PutSuggestions(source, byDoc); err != nil {
			t.Fatal(err)
		}
	}
	put("model", map[string][]annotate.Suggestion{"d1": {sg("d1", 10, 14, "LOC", "model", 0.9), sg("d1", 0, 5, "ORG", "model", 0.4)}})
	put(annotate.SourceStrings, map[string][]annotate.Suggestion{"d1": {sg("d1", 19, 24, "ORG", annotate.SourceStrings, 1)}})
	// Replacing one source's keeps the other's.
	put("model", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "model", 0.5), sg("d1", 19, 24, "ORG", "model", 0.5)}})
	want := "[{d1 0 5 ORG model 0.5} {d1 19 24 ORG model 0.5} {d1 19 24 ORG strings 1}]"
	if got := showSugs(t, s, "d1"); got != want {
		t.Errorf("after replacing model's: %s, want %s", got, want)
	}
	if err := s.Reject(annotate.Rejection{DocumentID: "d1", Start: 19, End: 24, Label: "ORG", Text: "Apple"}); err != nil {
		t.Fatal(err)
	}
	if got, want := showSugs(t, s, "d1"), "[{d1 0 5 ORG model 0.5}]"; got != want {
		t.Errorf("after rejecting [19,24) ORG: %s, want %s", got, want)
	}
	// A rejected suggestion does not come back.
	put("model", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "model", 0.5), sg("d1", 19, 24, "ORG", "model", 0.7)}})
	if got, want := showSugs(t, s, "d1"), "[{d1 0 5 ORG model 0.5}]"; got != want {
		t.Errorf("after putting the rejected one again: %s, want %s", got, want)
	}
	rs, err := s.Rejections()
	if err != nil || fmt.Sprint(rs) != "[{d1 19 24 ORG Apple}]" {
		t.Errorf("Rejections() = %v, %v", rs, err)
	}
	// Accepting makes the annotation and removes the suggestion at once.
	e := annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 0, 5, "ORG")}}
	if err := s.Accept("d1", e, []annotate.SpanLabel{{Start: 0, End: 5, Label: "ORG"}}); err != nil {
		t.Fatal(err)
	}
	if got := showSugs(t, s, "d1"); got != "[]" {
		t.Errorf("after accepting: %s, want none", got)
	}
	if d := load(t, s, "d1"); len(d.Annotations) != 1 || d.Annotations[0].Label != "ORG" {
		t.Errorf("after accepting, annotations %+v", d.Annotations)
	}
	counts, err := s.SuggestionCounts()
	if err != nil || len(counts) != 0 {
		t.Errorf("SuggestionCounts() = %v, %v, want none", counts, err)
	}
	put("model", map[string][]annotate.Suggestion{"d2": {sg("d2", 0, 5, "MISC", "model", 1)}})
	if counts, _ := s.SuggestionCounts(); counts["d2"] != 1 {
		t.Errorf("SuggestionCounts() = %v, want d2:1", counts)
	}
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatal(err)
	}
	if counts, _ := s.SuggestionCounts(); len(counts) != 0 {
		t.Errorf("after deleting d2: SuggestionCounts() = %v, want none", counts)
	}
	assertCounts(t, s)
}

func TestSuggestionsRefused(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Apple pie")
	tests := []struct {
		name  string
		byDoc map[string][]annotate.Suggestion
		want  error
	}{
		{"past the end", map[string][]annotate.Suggestion{"d1": {sg("d1", 6, 10, "ORG", "m", 1)}}, annotate.ErrInvalid},
		{"empty span", map[string][]annotate.Suggestion{"d1": {sg("d1", 2, 2, "ORG", "m", 1)}}, annotate.ErrInvalid},
		{"score above 1", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "m", 1.5)}}, annotate.ErrInvalid},
		{"other source", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "n", 1)}}, annotate.ErrInvalid},
		{"missing document", map[string][]annotate.Suggestion{"nope": nil}, annotate.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "m", 1)}}
			for k, v := range tt.byDoc {
				good[k] = v
			}
			if err := s.PutSuggestions("m", good); !errors.Is(err, tt.want) {
				t.Errorf("PutSuggestions: %v, want %v", err, tt.want)
			}
			if got := showSugs(t, s, "d1"); got != "[]" {
				t.Errorf("a refused put left %s", got)
			}
		})
	}
	// A failed accept changes neither annotations nor suggestions.
	if err := s.PutSuggestions("m", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "m", 1)}}); err != nil {
		t.Fatal(err)
	}
	bad := annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 0, 50, "ORG")}}
	if err := s.Accept("d1", bad, []annotate.SpanLabel{{Start: 0, End: 5, Label: "ORG"}}); err == nil {
		t.Error("accepting an annotation past the text succeeded")
	}
	if got, want := showSugs(t, s, "d1"), "[{d1 0 5 ORG m 1}]"; got != want {
		t.Errorf("after a failed accept: %s, want %s", got, want)
	}
}
