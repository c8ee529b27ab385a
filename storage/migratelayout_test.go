package storage

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// testdata/format2.spanmark.gz is a project written by Spanmark at format
// version 2 (commit c619524, before the flat layout): document d1, status
// in_progress, topic "Migration", with a claim (verdict mostly_true,
// checkworthy, a note), its source (source_type named_person), a person
// (kb_id Q567), a location without values and the claim's
// attributed_to link; document d2 with one ORG.

// format2Want is what the format 2 fixture holds.
func format2Want() map[string]*annotate.DocumentData {
	c := ann("c1", 7, 26, "CLAIM")
	c.Note = "quote"
	c.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("mostly_true"), "checkworthy": annotate.BoolValue(true)})
	src := ann("s1", 34, 40, "SOURCE")
	src.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")})
	p := ann("p1", 34, 40, "PERSON")
	p.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q567")})
	d1 := &annotate.DocumentData{
		Document: annotate.Document{ID: "d1", Title: "Köln",
			Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("Migration")})},
		Annotations: []annotate.Annotation{ann("l1", 0, 4, "LOC"), c, p, src},
		Relations:   []annotate.Relation{rel("r1", "c1", "s1")},
	}
	d2 := &annotate.DocumentData{
		Document:    annotate.Document{ID: "d2", Title: "Leer"},
		Annotations: []annotate.Annotation{ann("o1", 0, 7, "ORG")},
	}
	for _, d := range []*annotate.DocumentData{d1, d2} {
		for i := range d.Annotations {
			d.Annotations[i].DocumentID = d.Document.ID
		}
		for i := range d.Relations {
			d.Relations[i].DocumentID = d.Document.ID
		}
	}
	return map[string]*annotate.DocumentData{"d1": d1, "d2": d2}
}

// assertFormat2Content fails unless s holds what the format 2 fixture
// holds: documents, counts, status, annotations with their values and
// relations.
func assertFormat2Content(t *testing.T, s *Store) {
	t.Helper()
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].ID != "d1" || infos[1].ID != "d2" {
		t.Fatalf("Documents() = %+v, want d1 and d2", infos)
	}
	if in := infos[0]; in.Status != "in_progress" || in.Annotations != 4 || in.Relations != 1 {
		t.Errorf("d1's info = %+v, want in_progress, 4 annotations, 1 relation", in)
	}
	for id, want := range format2Want() {
		got := load(t, s, id)
		if got.Document.Title != want.Document.Title || !got.Document.Attributes.Equal(want.Document.Attributes) {
			t.Errorf("%s: document %+v, want title %q and values %v", id, got.Document, want.Document.Title, want.Document.Attributes)
		}
		if len(got.Annotations) != len(want.Annotations) || len(got.Relations) != len(want.Relations) {
			t.Fatalf("%s: %d annotations, %d relations; want %d, %d", id,
				len(got.Annotations), len(got.Relations), len(want.Annotations), len(want.Relations))
		}
		for i, a := range want.Annotations {
			if !got.Annotations[i].Equal(a) {
				t.Errorf("%s: annotation %d = %+v, want %+v", id, i, got.Annotations[i], a)
			}
		}
		for i, r := range want.Relations {
			if got.Relations[i] != r {
				t.Errorf("%s: relation %d = %+v, want %+v", id, i, got.Relations[i], r)
			}
		}
	}
}

func TestMigrateFormat2(t *testing.T) {
	s := openProject(t, fixtureProject(t, "testdata/format2.spanmark.gz"), testOptions())
	if meta, err := s.Meta(); err != nil || meta.FormatVersion != FormatVersion {
		t.Errorf("Meta() = %+v, %v; want format version %d", meta, err, FormatVersion)
	}
	assertFormat2Content(t, s)
	assertCounts(t, s)
}

func TestReadOnlyOpenOfFormat2(t *testing.T) {
	path := fixtureProject(t, "testdata/format2.spanmark.gz")
	before := readFile(t, path)
	opts := testOptions()
	opts.ReadOnly = true
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("read-only Open of format 2 = %v, want it read as it is", err)
	}
	assertFormat2Content(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, path, before)
}

// TestMigrateFormat2Flattens checks the layout the upgrade leaves: a
// document's records in its own bucket under their prefixes, and no
// nested buckets.
func TestMigrateFormat2Flattens(t *testing.T) {
	path := fixtureProject(t, "testdata/format2.spanmark.gz")
	s := openProject(t, path, testOptions())
	err := s.view(func(tx *bolt.Tx) error {
		dir := tx.Bucket(bucketDocs).Bucket([]byte("d1"))
		if dir.Bucket(bucketAnn) != nil || dir.Bucket(bucketRel) != nil {
			t.Error("document d1 still has nested ann and rel buckets")
		}
		for _, k := range []string{"\x01c1", "\x01l1", "\x01p1", "\x01s1", "\x02r1"} {
			if dir.Get([]byte(k)) == nil {
				t.Errorf("document d1 has no key %q", k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRecoverFormat2 salvages a sound file of the nested layout: the
// page scan must read both layouts, as a damaged file may be of either.
func TestRecoverFormat2(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "recovered.spanmark")
	rep, err := Recover(fixtureProject(t, "testdata/format2.spanmark.gz"), dst)
	if err != nil || len(rep.Recovered) != 2 || len(rep.Lost) != 0 {
		t.Fatalf("Recover = %+v, %v; want both documents", rep, err)
	}
	assertFormat2Content(t, openProject(t, dst, testOptions()))
}
