package storage

import (
	"path/filepath"
	"reflect"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// suggestProject makes a project of synthetic documents, each with
// suggestions from two sources, every third with a rejection, and
// returns its path.
func suggestProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sugg.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(synth.Documents(synth.Options{Docs: 120, WordsPerDoc: 150, AnnotationsPerDoc: 10, Annotator: "ada", Seed: 2})); err != nil {
		t.Fatal(err)
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, source := range []string{annotate.SourceStrings, "ner"} {
		byDoc := map[string][]annotate.Suggestion{}
		for i, in := range infos {
			for k := range 5 {
				start := (i + 7*k) % (in.Runes - 4)
				byDoc[in.ID] = append(byDoc[in.ID], annotate.Suggestion{DocumentID: in.ID, Start: start, End: start + 3,
					Label: "LOC", Source: source, Score: float64(k+1) / 5})
			}
		}
		if err := s.PutSuggestions(source, byDoc); err != nil {
			t.Fatal(err)
		}
	}
	for i, in := range infos {
		if i%3 != 0 {
			continue
		}
		d := load(t, s, in.ID)
		r := annotate.Rejection{DocumentID: in.ID, Start: 1, End: 4, Label: "ORG", Text: string([]rune(d.Document.Text)[1:4])}
		if err := s.Reject(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// suggestionState returns every suggestion and rejection of s, and its
// suggestion counts, by document.
func suggestionState(t *testing.T, s *Store) (map[string][]annotate.Suggestion, map[string][]annotate.Rejection, map[string]int) {
	t.Helper()
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	sugs := map[string][]annotate.Suggestion{}
	for _, in := range infos {
		ss, err := s.Suggestions(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) > 0 {
			sugs[in.ID] = ss
		}
	}
	rs, err := s.Rejections()
	if err != nil {
		t.Fatal(err)
	}
	rejs := map[string][]annotate.Rejection{}
	for _, r := range rs {
		rejs[r.DocumentID] = append(rejs[r.DocumentID], r)
	}
	counts, err := s.SuggestionCounts()
	if err != nil {
		t.Fatal(err)
	}
	return sugs, rejs, counts
}

// TestRecoverSuggestions recovers a project with suggestions and
// rejections: from a sound file every one comes back, with no document
// lost and no problem; from a damaged one, a recovered document's
// suggestions and rejections are its own in the original, whole or none,
// and the counts agree with them.
func TestRecoverSuggestions(t *testing.T) {
	src := suggestProject(t)
	orig := openProject(t, src, Options{ReadOnly: true})
	wantSugs, wantRejs, _ := suggestionState(t, orig)
	for _, tt := range append([]damage{{"sound", func(*testing.T, string) {}, ""}}, damages[5:]...) {
		t.Run(tt.name, func(t *testing.T) {
			path := copyFile(t, src)
			tt.do(t, path)
			dst := filepath.Join(t.TempDir(), "recovered.spanmark")
			rep, err := Recover(path, dst)
			if err != nil {
				t.Fatal(err)
			}
			got := openProject(t, dst, Options{ReadOnly: true})
			sugs, rejs, counts := suggestionState(t, got)
			if tt.name == "sound" {
				if len(rep.Lost) > 0 || len(rep.Problems) > 0 {
					t.Errorf("a sound project: lost %v, problems %q", rep.Lost, rep.Problems)
				}
				if !reflect.DeepEqual(sugs, wantSugs) || !reflect.DeepEqual(rejs, wantRejs) {
					t.Errorf("recovered %d documents' suggestions and %d's rejections, want %d and %d",
						len(sugs), len(rejs), len(wantSugs), len(wantRejs))
				}
			}
			for id, ss := range sugs {
				if !reflect.DeepEqual(ss, wantSugs[id]) {
					t.Errorf("document %s: suggestions %v, want %v", id, ss, wantSugs[id])
				}
				if counts[id] != len(ss) {
					t.Errorf("document %s: counted %d suggestions, holds %d", id, counts[id], len(ss))
				}
			}
			for id, rs := range rejs {
				if !reflect.DeepEqual(rs, wantRejs[id]) {
					t.Errorf("document %s: rejections %v, want %v", id, rs, wantRejs[id])
				}
			}
			t.Logf("recovered %d documents, the suggestions of %d, the rejections of %d; problems %q",
				len(rep.Recovered), len(sugs), len(rejs), rep.Problems)
			if n := len(rep.Recovered); n > 0 && len(sugs) == 0 {
				t.Errorf("%d documents recovered, no suggestions", n)
			}
		})
	}
}
