//go:build linux

package storage

import (
	"fmt"
	"strings"
	"testing"

	"spanmark/annotate"
)

// TestPutSuggestionsDropsResident checks that a batch of suggestions put
// after the documents were read leaves the project file's pages out of
// the resident memory: spanmark suggest reads every document between its
// puts.
func TestPutSuggestionsDropsResident(t *testing.T) {
	const docs = 32
	s := newProject(t)
	for i := range docs {
		addDoc(t, s, fmt.Sprintf("d%d", i), strings.Repeat(fmt.Sprintf("d%d is a long text. ", i), 4000))
	}
	for i := range docs {
		if _, err := s.Load(fmt.Sprintf("d%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	before := mappedKB(t, s.path)
	// No suggestion: nothing is written, so the file is not mapped anew.
	if err := s.PutSuggestions(annotate.SourceStrings, map[string][]annotate.Suggestion{"d0": nil}); err != nil {
		t.Fatal(err)
	}
	if after := mappedKB(t, s.path); before < docs*64 || after >= before/4 {
		t.Errorf("resident pages of the file: %d kB after loading every document, %d kB after PutSuggestions", before, after)
	}
}
