package annotate_test

import (
	"slices"
	"testing"

	"spanmark/annotate"
)

func TestSessionAccept(t *testing.T) {
	tests := []struct {
		name      string
		before    string // label the word is tagged with first, "" none
		label     string // of the suggestion
		wantLabel []string
		wantStep  bool // an undo step was made
	}{
		{"new annotation", "", "PERSON", []string{"PERSON"}, true},
		{"relabels an annotation over exactly its span", "ORG", "PERSON", []string{"PERSON"}, true},
		{"adds nothing where the annotation is there", "PERSON", "PERSON", []string{"PERSON"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := openArticle(t)
			start, end := span(t, s, "Shoigu")
			if tt.before != "" {
				if _, err := s.Tag(start, end, tt.before); err != nil {
					t.Fatal(err)
				}
			}
			sg := annotate.Suggestion{DocumentID: s.Document().ID, Start: start, End: end, Label: tt.label, Source: "model", Score: 0.9}
			if err := st.PutSuggestions("model", map[string][]annotate.Suggestion{sg.DocumentID: {sg}}); err != nil {
				t.Fatal(err)
			}
			stepBefore, _ := s.CanUndo()
			if _, err := s.Accept([]annotate.Suggestion{sg}); err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, a := range s.Over(start, end) {
				labels = append(labels, a.Label)
			}
			if !slices.Equal(labels, tt.wantLabel) {
				t.Errorf("labels over the span = %v, want %v", labels, tt.wantLabel)
			}
			assertOnDisk(t, s, st)
			left, err := st.Suggestions(s.Document().ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(left) != 0 {
				t.Errorf("the store still holds %v", left)
			}
			if step, _ := s.CanUndo(); (step != stepBefore) != tt.wantStep {
				t.Fatalf("undo step %q after %q; want a new one: %v", step, stepBefore, tt.wantStep)
			}
			if !tt.wantStep {
				return
			}
			if _, err := s.Undo(); err != nil {
				t.Fatal(err)
			}
			labels = labels[:0]
			for _, a := range s.Over(start, end) {
				labels = append(labels, a.Label)
			}
			if want := []string{tt.before}; tt.before == "" && len(labels) != 0 || tt.before != "" && !slices.Equal(labels, want) {
				t.Errorf("after undo the labels over the span are %v, want %q", labels, tt.before)
			}
			assertOnDisk(t, s, st)
		})
	}
}
