package storage

import (
	"fmt"
	"testing"

	"spanmark/annotate"
)

// TestSchemaChangeRelabelsSuggestions renames ORG and removes MISC, and
// finds the stored suggestions and rejections under the new names, those
// of MISC gone, and the counts following; a change that renames nothing
// leaves them as they were.
func TestSchemaChangeRelabelsSuggestions(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Apple and Kyiv and Apple.")
	err := s.PutSuggestions("model", map[string][]annotate.Suggestion{"d1": {
		sg("d1", 0, 5, "ORG", "model", 0.5), sg("d1", 10, 14, "LOC", "model", 0.9), sg("d1", 10, 14, "MISC", "model", 0.3)}})
	if err != nil {
		t.Fatal(err)
	}
	err = s.PutSuggestions(annotate.SourceStrings, map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "MISC", annotate.SourceStrings, 1)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []annotate.Rejection{
		{DocumentID: "d1", Start: 19, End: 24, Label: "ORG", Text: "Apple"},
		{DocumentID: "d1", Start: 19, End: 24, Label: "MISC", Text: "Apple"},
	} {
		if err := s.Reject(r); err != nil {
			t.Fatal(err)
		}
	}
	schema, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	same := schema.Clone()
	same.Labels[0].Color = "#123456" // a change that renames nothing
	if err := s.SetSchema(same, annotate.SchemaChange{}); err != nil {
		t.Fatal(err)
	}
	before := "[{d1 0 5 MISC strings 1} {d1 0 5 ORG model 0.5} {d1 10 14 LOC model 0.9} {d1 10 14 MISC model 0.3}]"
	if got := showSugs(t, s, "d1"); got != before {
		t.Fatalf("after a colour change: %s, want %s", got, before)
	}
	next, err := same.RenameLabel("ORG", "ORGANIZATION")
	if err == nil {
		next, err = next.RemoveLabel("MISC")
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSchema(next, annotate.SchemaChange{Labels: map[string]string{"ORG": "ORGANIZATION"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := showSugs(t, s, "d1"), "[{d1 0 5 ORGANIZATION model 0.5} {d1 10 14 LOC model 0.9}]"; got != want {
		t.Errorf("after renaming ORG and removing MISC: %s, want %s", got, want)
	}
	rs, err := s.Rejections()
	if got, want := fmt.Sprint(rs), "[{d1 19 24 ORGANIZATION Apple}]"; err != nil || got != want {
		t.Errorf("Rejections() = %s, %v; want %s", got, err, want)
	}
	counts, err := s.SuggestionCounts()
	if err != nil || counts["d1"] != 2 {
		t.Errorf("SuggestionCounts() = %v, %v; want d1: 2", counts, err)
	}
}
