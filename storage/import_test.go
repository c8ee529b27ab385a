package storage

import (
	"errors"
	"iter"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// seq yields docs, then err if it is not nil.
func seq(err error, docs ...*annotate.DocumentData) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
		if err != nil {
			yield(nil, err)
		}
	}
}

// importDoc returns a document with one claim attributed to one source.
func importDoc(id, text string) *annotate.DocumentData {
	return &annotate.DocumentData{
		Document:    annotate.Document{ID: id, Title: "title " + id, Text: text},
		Annotations: []annotate.Annotation{ann(id+"c", 0, 2, "CLAIM"), ann(id+"s", 2, 4, "SOURCE")},
		Relations:   []annotate.Relation{rel(id+"r", id+"c", id+"s")},
	}
}

func TestImport(t *testing.T) { inBatches(t, testImport) }

func testImport(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "old", "existing text")
	first := importDoc("i1", "text one")
	noID := importDoc("", "text two")
	noID.Annotations[0].ID = ""
	noID.Relations = nil
	res, err := s.Import(seq(nil,
		first,
		noID,
		importDoc("i3", "existing text"), // already in the project
		importDoc("i4", "text one"),      // earlier in this import
	))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 2 || res.Added[0].ID != "i1" || res.Added[1].ID == "" {
		t.Fatalf("Added = %+v, want i1 and a new id", res.Added)
	}
	wantSkipped := []annotate.SkippedDocument{
		{Title: "title i3", SHA256: annotate.SHA256Hex("existing text"), ExistingID: "old"},
		{Title: "title i4", SHA256: annotate.SHA256Hex("text one"), ExistingID: "i1"},
	}
	if !reflect.DeepEqual(res.Skipped, wantSkipped) {
		t.Errorf("Skipped = %+v, want %+v", res.Skipped, wantSkipped)
	}
	wantInfo := annotate.DocumentInfo{
		ID: "i1", Title: "title i1", SHA256: annotate.SHA256Hex("text one"), Status: annotate.StatusTodo,
		Runes: 8, Annotations: 2, Relations: 1, Created: t0, Updated: t0,
	}
	if !reflect.DeepEqual(res.Added[0], wantInfo) {
		t.Errorf("Added[0] = %+v, want %+v", res.Added[0], wantInfo)
	}
	infos, _ := s.Documents()
	var order []string
	for _, in := range infos {
		order = append(order, in.ID)
	}
	if want := []string{"old", "i1", res.Added[1].ID}; !slices.Equal(order, want) {
		t.Errorf("Documents() order = %v, want %v", order, want)
	}
	d := load(t, s, "i1")
	if !reflect.DeepEqual(d.Relations, []annotate.Relation{{
		ID: "i1r", DocumentID: "i1", Type: annotate.RelationAttributedTo, From: "i1c", To: "i1s", Created: t0,
	}}) {
		t.Errorf("relations of i1 = %+v", d.Relations)
	}
	d2 := load(t, s, res.Added[1].ID)
	if len(d2.Annotations) != 2 || d2.Annotations[0].ID == "" {
		t.Errorf("annotations of the document without ids = %+v, want ids filled in", d2.Annotations)
	}
	if noID.Document.ID != "" || noID.Annotations[0].ID != "" || first.Annotations[0].DocumentID != "" {
		t.Error("Import changed the caller's documents")
	}
	assertCounts(t, s)
}

// TestImportRenamesTakenIDs checks that a document whose id another text
// already has is added under a new id, with its annotations and
// relations, rather than refused (issue 9: two projects' files).
func TestImportRenamesTakenIDs(t *testing.T) { inBatches(t, testImportRenamesTakenIDs) }

func testImportRenamesTakenIDs(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "old", "existing text")
	res, err := s.Import(seq(nil,
		importDoc("i1", "text one"),
		importDoc("old", "text two"),      // an id in the project
		importDoc("i1", "text three"),     // the id of the first
		importDoc("old", "existing text"), // the same text: skipped, not renamed
	))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 3 || len(res.Skipped) != 1 || len(res.Renamed) != 2 {
		t.Fatalf("added %d, skipped %d, renamed %d; want 3, 1, 2", len(res.Added), len(res.Skipped), len(res.Renamed))
	}
	ids := map[string]bool{"old": true}
	for i, want := range []struct{ old, title, text string }{{"old", "title old", "text two"}, {"i1", "title i1", "text three"}} {
		r := res.Renamed[i]
		if r.OldID != want.old || r.Title != want.title || ids[r.NewID] || r.NewID != res.Added[i+1].ID {
			t.Errorf("Renamed[%d] = %+v, want %s renamed to the id of Added[%d] (%s), a new one", i, r, want.old, i+1, res.Added[i+1].ID)
		}
		ids[r.NewID] = true
		d := load(t, s, r.NewID)
		if d.Document.Text != want.text || len(d.Annotations) != 2 || len(d.Relations) != 1 ||
			d.Annotations[0].DocumentID != r.NewID || d.Relations[0].DocumentID != r.NewID || d.Relations[0].From != want.old+"c" {
			t.Errorf("document %s = %+v, want %q with its annotations and relation", r.NewID, d, want.text)
		}
	}
	if d := load(t, s, "old"); d.Document.Text != "existing text" {
		t.Errorf("document old holds %q, want it unchanged", d.Document.Text)
	}
	assertCounts(t, s)
}

func TestImportAllOrNothing(t *testing.T) { inBatches(t, testImportAllOrNothing) }

func testImportAllOrNothing(t *testing.T) {
	errRead := errors.New("read error in file 3")
	badSHA := importDoc("i2", "text two")
	badSHA.Document.SHA256 = annotate.SHA256Hex("something else")
	badAnn := importDoc("i2", "text two")
	badAnn.Annotations[1].End = 99
	badRel := importDoc("i2", "text two")
	badRel.Relations[0].To = "i2c"
	tests := []struct {
		name     string
		docs     iter.Seq2[*annotate.DocumentData, error]
		wantErr  error
		wantText string // in the error
	}{
		{"second has a bad annotation", seq(nil, importDoc("i1", "text one"), badAnn), annotate.ErrInvalid, "i2s"},
		{"second has a bad relation", seq(nil, importDoc("i1", "text one"), badRel), annotate.ErrInvalid, "i2r"},
		{"second has a wrong sha256", seq(nil, importDoc("i1", "text one"), badSHA), annotate.ErrInvalid, "i2"},
		{"second is missing", seq(nil, importDoc("i1", "text one"), nil), annotate.ErrInvalid, "document 2"},
		{"reading fails", seq(errRead, importDoc("i1", "text one")), errRead, "file 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			addDoc(t, s, "old", "existing text")
			res, err := s.Import(tt.docs)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Import = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not name %q", err, tt.wantText)
			}
			if len(res.Added) != 0 || len(res.Skipped) != 0 {
				t.Errorf("failed Import reported %+v", res)
			}
			infos, _ := s.Documents()
			if len(infos) != 1 {
				t.Errorf("%d documents after a failed import, want 1", len(infos))
			}
			if _, err := s.AddDocument(annotate.Document{Text: "text one"}); err != nil {
				t.Errorf("the first document's text is still taken: %v", err)
			}
		})
	}
}
