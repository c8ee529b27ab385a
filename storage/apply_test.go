package storage

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"spanmark/annotate"
)

// applyText is 62 code points long; the dash is one code point and three
// bytes.
const applyText = "Alice said the sky is green, according to Bob in Paris – 2024."

// newApplyProject makes document d1 with a person p1, a claim c1 and two
// sources s1, s2, and the relation r1 from c1 to s1; and document d2 with
// one annotation x1.
func newApplyProject(t *testing.T) *Store {
	t.Helper()
	s := newProject(t)
	addDoc(t, s, "d1", applyText)
	addDoc(t, s, "d2", "Another text.")
	apply(t, s, "d1", annotate.Edit{
		PutAnnotations: []annotate.Annotation{
			ann("p1", 0, 5, "PERSON"),
			ann("c1", 6, 27, "CLAIM"),
			ann("s1", 29, 45, "SOURCE"),
			ann("s2", 42, 45, "SOURCE"),
		},
		PutRelations: []annotate.Relation{rel("r1", "c1", "s1")},
	})
	apply(t, s, "d2", annotate.Edit{PutAnnotations: []annotate.Annotation{ann("x1", 0, 7, "MISC")}})
	return s
}

// ids returns the ids of the annotations and relations of d.
func ids(d *annotate.DocumentData) (anns, rels []string) {
	for _, a := range d.Annotations {
		anns = append(anns, a.ID)
	}
	for _, r := range d.Relations {
		rels = append(rels, r.ID)
	}
	slices.Sort(anns)
	return anns, rels
}

func TestApply(t *testing.T) {
	later := t0.Add(time.Minute)
	unstamped := func(id string, start, end int, label string) annotate.Annotation {
		return annotate.Annotation{ID: id, Start: start, End: end, Label: label}
	}
	withDoc := func(a annotate.Annotation, docID string) annotate.Annotation {
		a.DocumentID = docID
		return a
	}
	tests := []struct {
		name     string
		docID    string
		edit     annotate.Edit
		wantErr  error
		wantAnns []string // sorted; checked when the edit succeeds
		wantRels []string
	}{
		{name: "empty edit", edit: annotate.Edit{},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "put annotation", edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 1, 3, "MISC")}},
			wantAnns: []string{"c1", "n1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "put annotation ending at the end of the text",
			edit:     annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 61, 62, "MISC")}},
			wantAnns: []string{"c1", "n1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "put annotation past the end of the text", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 61, 63, "MISC")}}},
		{name: "put annotation with negative start", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", -1, 3, "MISC")}}},
		{name: "put empty annotation", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 3, 3, "MISC")}}},
		{name: "put annotation with unknown label", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 1, 3, "ANIMAL")}}},
		{name: "put annotation without id", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("", 1, 3, "MISC")}}},
		{name: "put annotation of another document", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{withDoc(ann("n1", 1, 3, "MISC"), "d2")}}},
		{name: "put annotation naming its document",
			edit:     annotate.Edit{PutAnnotations: []annotate.Annotation{withDoc(ann("n1", 1, 3, "MISC"), "d1")}},
			wantAnns: []string{"c1", "n1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "put one id twice", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 1, 3, "MISC"), ann("n1", 1, 4, "MISC")}}},
		{name: "second put invalid", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 1, 3, "MISC"), ann("n2", 1, 99, "MISC")}}},
		{name: "delete annotation takes its relations along",
			edit:     annotate.Edit{DeleteAnnotations: []string{"s1"}},
			wantAnns: []string{"c1", "p1", "s2"}, wantRels: nil},
		{name: "delete annotation without relations",
			edit:     annotate.Edit{DeleteAnnotations: []string{"p1"}},
			wantAnns: []string{"c1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "delete one annotation twice",
			edit:     annotate.Edit{DeleteAnnotations: []string{"p1", "p1"}},
			wantAnns: []string{"c1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "delete missing annotation", wantErr: annotate.ErrNotFound,
			edit: annotate.Edit{DeleteAnnotations: []string{"p1", "zz"}}},
		{name: "delete another document's annotation", wantErr: annotate.ErrNotFound,
			edit: annotate.Edit{DeleteAnnotations: []string{"x1"}}},
		{name: "delete relation",
			edit:     annotate.Edit{DeleteRelations: []string{"r1"}},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: nil},
		{name: "delete relation and its end",
			edit:     annotate.Edit{DeleteRelations: []string{"r1"}, DeleteAnnotations: []string{"c1"}},
			wantAnns: []string{"p1", "s1", "s2"}, wantRels: nil},
		{name: "delete missing relation", wantErr: annotate.ErrNotFound,
			edit: annotate.Edit{DeleteRelations: []string{"r9"}}},
		{name: "put relation",
			edit:     annotate.Edit{PutRelations: []annotate.Relation{rel("r2", "c1", "s2")}},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: []string{"r1", "r2"}},
		{name: "put relation with its ends",
			edit: annotate.Edit{
				PutAnnotations: []annotate.Annotation{ann("c2", 1, 3, "CLAIM"), ann("s3", 4, 5, "SOURCE")},
				PutRelations:   []annotate.Relation{rel("r2", "c2", "s3")},
			},
			wantAnns: []string{"c1", "c2", "p1", "s1", "s2", "s3"}, wantRels: []string{"r1", "r2"}},
		{name: "move relation to another source",
			edit:     annotate.Edit{PutRelations: []annotate.Relation{rel("r1", "c1", "s2")}},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "relation to a missing annotation", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{rel("r2", "c1", "zz")}}},
		{name: "relation to another document's annotation", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{rel("r2", "c1", "x1")}}},
		{name: "relation between wrong kinds", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{rel("r2", "p1", "s1")}}},
		{name: "relation of unknown type", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{{ID: "r2", Type: "quotes", From: "c1", To: "s2"}}}},
		{name: "relation repeating a link", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{rel("r2", "c1", "s1")}}},
		{name: "relation without id", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutRelations: []annotate.Relation{rel("", "c1", "s2")}}},
		{name: "relation to an annotation deleted in the same edit", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{
				DeleteAnnotations: []string{"s2"},
				PutRelations:      []annotate.Relation{rel("r2", "c1", "s2")},
			}},
		{name: "relabel an annotation out of its relation's kind", wantErr: annotate.ErrInvalid,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("c1", 6, 27, "PERSON")}}},
		{name: "relabel and drop the relation",
			edit: annotate.Edit{
				PutAnnotations:  []annotate.Annotation{ann("c1", 6, 27, "PERSON")},
				DeleteRelations: []string{"r1"},
			},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: nil},
		{name: "relabel an end and replace its relation",
			edit: annotate.Edit{
				PutAnnotations: []annotate.Annotation{ann("s1", 29, 45, "CLAIM")},
				PutRelations:   []annotate.Relation{rel("r1", "s1", "s2")},
			},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
		{name: "delete and put back an annotation",
			edit: annotate.Edit{
				DeleteAnnotations: []string{"s1"},
				PutAnnotations:    []annotate.Annotation{ann("s1", 29, 45, "SOURCE")},
			},
			wantAnns: []string{"c1", "p1", "s1", "s2"}, wantRels: nil},
		{name: "missing document", docID: "d9", wantErr: annotate.ErrNotFound,
			edit: annotate.Edit{PutAnnotations: []annotate.Annotation{ann("n1", 1, 3, "MISC")}}},
		{name: "unstamped annotation gets the time",
			edit:     annotate.Edit{PutAnnotations: []annotate.Annotation{unstamped("n1", 1, 3, "MISC")}},
			wantAnns: []string{"c1", "n1", "p1", "s1", "s2"}, wantRels: []string{"r1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newApplyProject(t)
			s.now = func() time.Time { return later }
			docID := tt.docID
			if docID == "" {
				docID = "d1"
			}
			before := load(t, s, "d1")
			infosBefore, _ := s.Documents()

			err := s.Apply(docID, tt.edit)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Apply = %v, want %v", err, tt.wantErr)
			}
			after := load(t, s, "d1")
			infosAfter, _ := s.Documents()
			if err != nil {
				if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(infosAfter, infosBefore) {
					t.Errorf("a failed Apply changed the document:\nbefore %+v\nafter  %+v", before, after)
				}
				return
			}
			gotAnns, gotRels := ids(after)
			if !slices.Equal(gotAnns, tt.wantAnns) || !slices.Equal(gotRels, tt.wantRels) {
				t.Errorf("after Apply: annotations %v relations %v, want %v %v",
					gotAnns, gotRels, tt.wantAnns, tt.wantRels)
			}
			assertCounts(t, s)
			wantUpdated := later
			if tt.edit.Empty() {
				wantUpdated = t0
			}
			if !infosAfter[0].Updated.Equal(wantUpdated) {
				t.Errorf("document Updated = %v, want %v", infosAfter[0].Updated, wantUpdated)
			}
		})
	}
}

func TestApplyTimestamps(t *testing.T) {
	s := newApplyProject(t)
	later := t0.Add(time.Hour)
	s.now = func() time.Time { return later }
	stamped := t0.Add(time.Second)
	apply(t, s, "d1", annotate.Edit{
		PutAnnotations: []annotate.Annotation{
			{ID: "p1", Start: 1, End: 5, Label: "PERSON"},                                   // stored, unstamped
			{ID: "n1", Start: 1, End: 3, Label: "MISC"},                                     // new, unstamped
			{ID: "n2", Start: 1, End: 3, Label: "MISC", Created: stamped, Updated: stamped}, // new, stamped
		},
		PutRelations: []annotate.Relation{
			{ID: "r1", Type: annotate.RelationAttributedTo, From: "c1", To: "s2"}, // stored
			{ID: "r2", Type: annotate.RelationAttributedTo, From: "c1", To: "s1"}, // new
		},
	})
	d := load(t, s, "d1")
	wantAnn := map[string][2]time.Time{
		"p1": {t0, later},
		"n1": {later, later},
		"n2": {stamped, stamped},
	}
	for _, a := range d.Annotations {
		w, ok := wantAnn[a.ID]
		if ok && (!a.Created.Equal(w[0]) || !a.Updated.Equal(w[1])) {
			t.Errorf("annotation %s: created %v updated %v, want %v %v", a.ID, a.Created, a.Updated, w[0], w[1])
		}
	}
	wantRel := map[string]time.Time{"r1": t0, "r2": later}
	for _, r := range d.Relations {
		if !r.Created.Equal(wantRel[r.ID]) {
			t.Errorf("relation %s: created %v, want %v", r.ID, r.Created, wantRel[r.ID])
		}
	}
}

func TestApplyRoundTrip(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", applyText)
	a := annotate.Annotation{
		ID: "a1", DocumentID: "d1", Start: 49, End: 62, Label: "LOC",
		Note: "Paris, the one in France — not Texas", Annotator: "Zoë",
		Created: t0, Updated: t0.Add(time.Nanosecond),
	}
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{a}})
	d := load(t, s, "d1")
	if len(d.Annotations) != 1 || !d.Annotations[0].Equal(a) {
		t.Errorf("Load = %+v, want [%+v]", d.Annotations, a)
	}
}
