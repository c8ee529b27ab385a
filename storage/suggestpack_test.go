package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

func TestPackSuggestions(t *testing.T) {
	ss := []annotate.Suggestion{
		sg("d", 300, 310, "ORG", "m", 0.25), sg("d", 0, 5, "PERSON", "m", 1),
		sg("d", 0, 5, "LOC", "m", 1.0/3), sg("d", 1<<20, 1<<20+1, "Ünïcode", "m", 0),
	}
	v := packSuggestions(ss)
	got, err := unpackSuggestions(nil, "d", "m", v)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(ss) {
		t.Errorf("round trip: %v, %v; want %v", got, err, ss)
	}
	if n, err := packedCount(v); n != 4 || err != nil {
		t.Errorf("packedCount = %d, %v", n, err)
	}
	// Every cut of a value, and trailing bytes, is damage, never a panic.
	for cut := range len(v) {
		if _, err := unpackSuggestions(nil, "d", "m", v[:cut]); !errors.Is(err, errCorrupt) {
			t.Errorf("cut at %d: %v, want errCorrupt", cut, err)
		}
	}
	if _, err := unpackSuggestions(nil, "d", "m", append(v, 0)); !errors.Is(err, errCorrupt) {
		t.Errorf("trailing byte: %v, want errCorrupt", err)
	}
}

// TestSuggestionCountsKept checks the counts bucket through every change
// of suggestions: put, reject, accept, a second source, deletion.
func TestSuggestionCountsKept(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Apple and Kyiv and Apple.")
	addDoc(t, s, "d2", "Other text")
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"put", func() error {
			return s.PutSuggestions("m", map[string][]annotate.Suggestion{
				"d1": {sg("d1", 0, 5, "ORG", "m", 1), sg("d1", 10, 14, "LOC", "m", 1), sg("d1", 19, 24, "ORG", "m", 1)},
				"d2": {sg("d2", 0, 5, "MISC", "m", 1)}})
		}, "map[d1:3 d2:1]"},
		{"second source", func() error {
			return s.PutSuggestions("n", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "n", 0.5)}})
		}, "map[d1:4 d2:1]"},
		{"reject both sources' at a place", func() error {
			return s.Reject(annotate.Rejection{DocumentID: "d1", Start: 0, End: 5, Label: "ORG", Text: "Apple"})
		}, "map[d1:2 d2:1]"},
		{"accept", func() error {
			e := annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 10, 14, "LOC")}}
			return s.Accept("d1", e, []annotate.SpanLabel{{Start: 10, End: 14, Label: "LOC"}})
		}, "map[d1:1 d2:1]"},
		{"emptied", func() error {
			return s.PutSuggestions("m", map[string][]annotate.Suggestion{"d2": nil})
		}, "map[d1:1]"},
		{"document deleted", func() error { return s.DeleteDocument("d1") }, "map[]"},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := s.SuggestionCounts()
		if err != nil || fmt.Sprint(got) != st.want {
			t.Fatalf("%s: SuggestionCounts() = %v, %v; want %s", st.name, got, err, st.want)
		}
	}
}

// TestCompactKeepsSuggestions compacts a project with suggestions and
// rejections: the copy has them all, and the counts.
func TestCompactKeepsSuggestions(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.spanmark")
	s, err := Open(src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", "Apple and Kyiv and Apple.")
	if err := s.PutSuggestions("m", map[string][]annotate.Suggestion{
		"d1": {sg("d1", 0, 5, "ORG", "m", 0.5), sg("d1", 10, 14, "LOC", "m", 1)}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Reject(annotate.Rejection{DocumentID: "d1", Start: 0, End: 5, Label: "ORG", Text: "Apple"}); err != nil {
		t.Fatal(err)
	}
	want := showSugs(t, s, "d1") + fmt.Sprint(s.Rejections()) + fmt.Sprint(s.SuggestionCounts())
	s.Close()
	dst := filepath.Join(dir, "dst.spanmark")
	if err := Compact(src, dst); err != nil {
		t.Fatal(err)
	}
	c := openProject(t, dst, testOptions())
	got := showSugs(t, c, "d1") + fmt.Sprint(c.Rejections()) + fmt.Sprint(c.SuggestionCounts())
	if got != want || want != "[{d1 10 14 LOC m 1}][{d1 0 5 ORG Apple}] <nil>map[d1:1] <nil>" {
		t.Errorf("the copy has %s, the original %s", got, want)
	}
}

// TestDamagedSuggestionRecord reads a suggestion value that is not one:
// an error naming the document, no panic.
func TestDamagedSuggestionRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", "Apple pie")
	if err := s.PutSuggestions("m", map[string][]annotate.Suggestion{"d1": {sg("d1", 0, 5, "ORG", "m", 1)}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	editBolt(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSuggest).Bucket([]byte("d1")).Bucket(bucketSug).Put([]byte("m"), []byte{1, 0, 5})
	})
	c := openProject(t, path, testOptions())
	if _, err := c.Suggestions("d1"); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "d1") {
		t.Errorf("Suggestions of a damaged record: %v", err)
	}
}
