package annotate_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/mock"
	"spanmark/storage"
)

// openArticle opens a new project holding the sample article and a session
// on it.
func openArticle(t *testing.T) (*annotate.Session, annotate.Store) {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "p.spanmark"), storage.Options{Create: true, Annotator: "tess"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	doc, err := st.AddDocument(annotate.Document{Title: "article", Text: annotatetest.Text(t, "article.txt")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := annotate.OpenSession(st, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s, st
}

// span returns the code-point range of the first occurrence of word.
func span(t *testing.T, s *annotate.Session, word string) (int, int) {
	t.Helper()
	text := s.Document().Text
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q not in the text", word)
	}
	start := s.Index().CodePoint(i)
	return start, start + annotate.RuneLen(word)
}

// assertOnDisk checks that the store holds exactly what the session shows.
func assertOnDisk(t *testing.T, s *annotate.Session, st annotate.Store) {
	t.Helper()
	data, err := st.Load(s.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := data.Annotations, s.Annotations(); !equalAnnotations(got, want) {
		t.Errorf("annotations on disk = %+v\nin session = %+v", got, want)
	}
	rels := slices.Clone(data.Relations)
	slices.SortFunc(rels, func(a, b annotate.Relation) int { return strings.Compare(a.ID, b.ID) })
	if got, want := rels, s.Relations(); !slices.EqualFunc(got, want, equalRelation) {
		t.Errorf("relations on disk = %+v\nin session = %+v", got, want)
	}
}

func equalAnnotations(a, b []annotate.Annotation) bool {
	return slices.EqualFunc(a, b, func(x, y annotate.Annotation) bool {
		return x.ID == y.ID && x.Start == y.Start && x.End == y.End && x.Label == y.Label &&
			x.Note == y.Note && x.Annotator == y.Annotator &&
			x.Created.Equal(y.Created) && x.Updated.Equal(y.Updated) &&
			x.Attributes.Equal(y.Attributes)
	})
}

func equalRelation(x, y annotate.Relation) bool {
	return x.ID == y.ID && x.Type == y.Type && x.From == y.From && x.To == y.To
}

func TestSessionTagUndoRedo(t *testing.T) {
	s, st := openArticle(t)
	start, end := span(t, s, "Sergei Shoigu")
	a, err := s.Tag(start, end, "PERSON")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Text(a.Start, a.End); got != "Sergei Shoigu" {
		t.Errorf("tagged text = %q, want %q", got, "Sergei Shoigu")
	}
	if a.Annotator != "tess" {
		t.Errorf("annotator = %q, want tess", a.Annotator)
	}
	assertOnDisk(t, s, st)

	again, err := s.Tag(start, end, "PERSON")
	if err != nil || again.ID != a.ID {
		t.Errorf("tagging the same span twice = %v, %v; want the existing annotation", again.ID, err)
	}
	if name, ok := s.CanUndo(); !ok || name != "tag PERSON" {
		t.Errorf("CanUndo = %q, %v", name, ok)
	}
	if ok, err := s.Undo(); !ok || err != nil {
		t.Fatalf("Undo = %v, %v", ok, err)
	}
	if n := len(s.Annotations()); n != 0 {
		t.Errorf("after undo %d annotations, want 0", n)
	}
	assertOnDisk(t, s, st)
	if ok, err := s.Redo(); !ok || err != nil {
		t.Fatalf("Redo = %v, %v", ok, err)
	}
	if got := s.Annotations(); len(got) != 1 || got[0].ID != a.ID {
		t.Errorf("after redo %+v, want the same annotation back", got)
	}
	assertOnDisk(t, s, st)
	if ok, _ := s.Redo(); ok {
		t.Error("Redo with nothing to redo reported true")
	}
}

// TestSessionDeleteRestoresRelations deletes a source linked to a claim
// and undoes it: the relation must come back too.
func TestSessionDeleteRestoresRelations(t *testing.T) {
	s, st := openArticle(t)
	cs, ce := span(t, s, "has decided to send 1,000 sappers to Russia")
	ss, _ := span(t, s, "Shoigu said")
	claim, err := s.Tag(cs, ce, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	source, err := s.Tag(ss, ss+6, "SOURCE")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := s.Link(annotate.RelationAttributedTo, claim.ID, source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.RelationsOf(claim.ID); len(got) != 1 || got[0].ID != rel.ID {
		t.Fatalf("RelationsOf(claim) = %+v", got)
	}
	if err := s.Delete(source.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(s.Relations()); n != 0 {
		t.Errorf("deleting the source left %d relations", n)
	}
	assertOnDisk(t, s, st)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := s.Relations(); len(got) != 1 || !equalRelation(got[0], rel) {
		t.Errorf("after undo relations = %+v, want %+v", got, rel)
	}
	assertOnDisk(t, s, st)
}

func TestSessionRelabelDropsUnfitRelations(t *testing.T) {
	s, st := openArticle(t)
	cs, ce := span(t, s, "fraternal help from the Korean people")
	ss, se := span(t, s, "RIA Novosti")
	claim, _ := s.Tag(cs, ce, "CLAIM")
	source, _ := s.Tag(ss, se, "SOURCE")
	if _, err := s.Link(annotate.RelationAttributedTo, claim.ID, source.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Relabel(source.ID, "ORG"); err != nil {
		t.Fatal(err)
	}
	if n := len(s.Relations()); n != 0 {
		t.Errorf("an ORG cannot be a source; %d relations left", n)
	}
	assertOnDisk(t, s, st)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Annotation(source.ID); a.Label != "SOURCE" || len(s.Relations()) != 1 {
		t.Errorf("undo gave label %q and %d relations, want SOURCE and 1", a.Label, len(s.Relations()))
	}
	assertOnDisk(t, s, st)
}

func TestSessionTagAllIsOneStep(t *testing.T) {
	s, st := openArticle(t)
	text := []rune(s.Document().Text)
	var ranges [][2]int
	word := []rune("Pyongyang")
	for i := 0; i+len(word) <= len(text); i++ {
		if string(text[i:i+len(word)]) == string(word) {
			ranges = append(ranges, [2]int{i, i + len(word)})
		}
	}
	if len(ranges) < 3 {
		t.Fatalf("want several matches of Pyongyang, got %d", len(ranges))
	}
	if _, err := s.Tag(ranges[0][0], ranges[0][1], "LOC"); err != nil {
		t.Fatal(err)
	}
	n, err := s.TagAll(ranges, "LOC")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ranges)-1 {
		t.Errorf("TagAll added %d, want %d (one was tagged already)", n, len(ranges)-1)
	}
	assertOnDisk(t, s, st)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Annotations()); got != 1 {
		t.Errorf("one undo of tag-all left %d annotations, want 1", got)
	}
	assertOnDisk(t, s, st)
}

func TestSessionNote(t *testing.T) {
	s, st := openArticle(t)
	start, end := span(t, s, "Kim Jong Un")
	a, _ := s.Tag(start, end, "PERSON")
	if err := s.SetNote(a.ID, "North Korean leader"); err != nil {
		t.Fatal(err)
	}
	assertOnDisk(t, s, st)
	s.Undo()
	if got, _ := s.Annotation(a.ID); got.Note != "" {
		t.Errorf("note after undo = %q, want empty", got.Note)
	}
	assertOnDisk(t, s, st)
}

// TestSessionFailedApplyChangesNothing makes the store fail: the session
// must show what it showed before and keep its history.
func TestSessionFailedApplyChangesNothing(t *testing.T) {
	fail := errors.New("disk full")
	doc := annotate.Document{ID: "d1", Text: "Kim met Shoigu."}
	st := &mock.Store{
		LoadFn:   func(string) (*annotate.DocumentData, error) { return &annotate.DocumentData{Document: doc}, nil },
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
		MetaFn:   func() (annotate.Meta, error) { return annotate.Meta{Annotator: "tess"}, nil },
		ApplyFn:  func(string, annotate.Edit) error { return nil },
	}
	s, err := annotate.OpenSession(st, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(0, 3, "PERSON"); err != nil {
		t.Fatal(err)
	}
	st.ApplyFn = func(string, annotate.Edit) error { return fail }
	for name, op := range map[string]func() error{
		"tag":  func() error { _, err := s.Tag(8, 14, "PERSON"); return err },
		"undo": func() error { _, err := s.Undo(); return err },
		"delete": func() error {
			return s.Delete(s.Annotations()[0].ID)
		},
	} {
		if err := op(); !errors.Is(err, fail) {
			t.Errorf("%s: err = %v, want %v", name, err, fail)
		}
		if n := len(s.Annotations()); n != 1 {
			t.Errorf("%s: %d annotations after a failed write, want 1", name, n)
		}
		if _, ok := s.CanUndo(); !ok {
			t.Errorf("%s: a failed write lost the history", name)
		}
	}
}

func TestSessionSetStatus(t *testing.T) {
	s, st := openArticle(t)
	if err := s.SetStatus(annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if infos[0].Status != annotate.StatusDone || s.Document().Status != annotate.StatusDone {
		t.Errorf("status on disk %q, in session %q; want done", infos[0].Status, s.Document().Status)
	}
}

func TestSessionSetTitle(t *testing.T) {
	s, st := openArticle(t)
	if err := s.SetTitle("Renamed"); err != nil {
		t.Fatal(err)
	}
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if infos[0].Title != "Renamed" || s.Document().Title != "Renamed" {
		t.Errorf("title on disk %q, in session %q; want Renamed", infos[0].Title, s.Document().Title)
	}
}

// TestSessionAdopt takes another annotator's annotations and relations in
// one step, and undoes and redoes that step whole.
func TestSessionAdopt(t *testing.T) {
	theirs := func(start, end int, label string) annotate.Annotation {
		return annotate.Annotation{ID: annotate.NewID(), Start: start, End: end, Label: label, Annotator: "bob",
			Note: "from bob", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	}
	t.Run("copy with a relation to an annotation of mine", func(t *testing.T) {
		s, st := openArticle(t)
		ss, se := span(t, s, "RIA Novosti")
		source, _ := s.Tag(ss, se, "SOURCE")
		cs, ce := span(t, s, "fraternal help from the Korean people")
		claim := theirs(cs, ce, "CLAIM")
		rel := annotate.Relation{ID: annotate.NewID(), Type: annotate.RelationAttributedTo, From: claim.ID, To: source.ID}
		if err := s.Adopt([]annotate.Annotation{claim}, []annotate.Relation{rel}); err != nil {
			t.Fatal(err)
		}
		got, ok := s.Annotation(claim.ID)
		if !ok || got.Annotator != "bob" || got.Note != "from bob" || !got.Created.Equal(claim.Created) || got.DocumentID != s.Document().ID {
			t.Errorf("adopted annotation = %+v (present %v), want bob's with his note and time, in the document", got, ok)
		}
		if rels := s.Relations(); len(rels) != 1 || !equalRelation(rels[0], rel) {
			t.Errorf("relations = %+v, want %+v", rels, rel)
		}
		if name, _ := s.CanUndo(); name != "accept CLAIM" {
			t.Errorf("undo step = %q, want %q", name, "accept CLAIM")
		}
		assertOnDisk(t, s, st)
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if n, m := len(s.Annotations()), len(s.Relations()); n != 1 || m != 0 {
			t.Errorf("after one undo %d annotations and %d relations, want 1 and 0", n, m)
		}
		assertOnDisk(t, s, st)
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if n, m := len(s.Annotations()), len(s.Relations()); n != 2 || m != 1 {
			t.Errorf("after redo %d annotations and %d relations, want 2 and 1", n, m)
		}
		assertOnDisk(t, s, st)
	})
	t.Run("replace drops relations that no longer fit", func(t *testing.T) {
		s, st := openArticle(t)
		_, source, _ := linkedClaim(t, s)
		ss, se := source.Start, source.End
		replaced := source
		replaced.End, replaced.Label = ss+3, "ORG"
		if err := s.Adopt([]annotate.Annotation{replaced}, nil); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Annotation(source.ID)
		if got.End != ss+3 || got.Label != "ORG" || !got.Created.Equal(source.Created) {
			t.Errorf("replaced annotation = %+v, want [%d,%d) ORG created %v", got, ss, ss+3, source.Created)
		}
		if n := len(s.Relations()); n != 0 {
			t.Errorf("an ORG cannot be a source; %d relations left", n)
		}
		assertOnDisk(t, s, st)
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Annotation(source.ID); got.End != se || got.Label != "SOURCE" || len(s.Relations()) != 1 {
			t.Errorf("undo gave %+v and %d relations, want the SOURCE back with its relation", got, len(s.Relations()))
		}
		assertOnDisk(t, s, st)
	})
	t.Run("a relation the document has is left out", func(t *testing.T) {
		s, st := openArticle(t)
		claim, source, mine := linkedClaim(t, s)
		again := annotate.Relation{ID: annotate.NewID(), Type: annotate.RelationAttributedTo, From: claim.ID, To: source.ID}
		if err := s.Adopt(nil, []annotate.Relation{again}); err != nil {
			t.Fatal(err)
		}
		if rels := s.Relations(); len(rels) != 1 || rels[0].ID != mine.ID {
			t.Errorf("relations = %+v, want only %s", rels, mine.ID)
		}
		if name, _ := s.CanUndo(); name != "link" {
			t.Errorf("undo step = %q; adopting nothing new must add no step", name)
		}
		assertOnDisk(t, s, st)
	})
	t.Run("an invalid annotation changes nothing", func(t *testing.T) {
		s, st := openArticle(t)
		start, end := span(t, s, "Kim Jong Un")
		err := s.Adopt([]annotate.Annotation{theirs(start, end, "EVENT")}, nil)
		if !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("adopting a label the schema lacks: err = %v, want ErrInvalid", err)
		}
		if _, ok := s.CanUndo(); ok || len(s.Annotations()) != 0 {
			t.Errorf("a refused adopt left %d annotations or a step to undo", len(s.Annotations()))
		}
		assertOnDisk(t, s, st)
	})
}

// linkedClaim tags a claim and its source and links them.
func linkedClaim(t *testing.T, s *annotate.Session) (claim, source annotate.Annotation, rel annotate.Relation) {
	t.Helper()
	cs, ce := span(t, s, "fraternal help from the Korean people")
	ss, se := span(t, s, "RIA Novosti")
	claim, err := s.Tag(cs, ce, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	if source, err = s.Tag(ss, se, "SOURCE"); err != nil {
		t.Fatal(err)
	}
	if rel, err = s.Link(annotate.RelationAttributedTo, claim.ID, source.ID); err != nil {
		t.Fatal(err)
	}
	return claim, source, rel
}
