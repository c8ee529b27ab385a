package storage

import (
	"errors"
	"maps"
	"testing"

	"spanmark/annotate"
)

var (
	verdictRef = annotate.AttrRef{Label: "CLAIM", Name: "verdict"}
	kbRef      = annotate.AttrRef{Kind: annotate.KindEntity, Name: "kb_id"}
	topicRef   = annotate.AttrRef{Name: "topic"}
)

// str is a string attribute value.
func str(s string) annotate.AttrValue { return annotate.StringValue(s) }

// newValuesProject returns a project of three documents, each with a
// topic, holding claims c1 (false), c2 (false) and c3 (true) and a
// person p2 with a knowledge-base id.
func newValuesProject(t *testing.T) *Store {
	t.Helper()
	s := newProject(t)
	put := func(text, topic string, anns ...annotate.Annotation) {
		d, err := s.AddDocument(annotate.Document{Title: topic, Text: text,
			Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": str(topic)})})
		if err != nil {
			t.Fatal(err)
		}
		apply(t, s, d.ID, annotate.Edit{PutAnnotations: anns})
	}
	person := ann("p2", 7, 12, "PERSON")
	person.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": str("Q1")})
	put("Alice said so.", "one", withVerdict("c1", "false"))
	put("Claim. Alice.", "two", withVerdict("c2", "false"), person)
	put("Right.", "three", withVerdict("c3", "true"))
	return s
}

// values returns the attribute values of every annotation by id and of
// every document by its title.
func values(t *testing.T, s *Store) (anns, docs map[string]annotate.Attributes) {
	t.Helper()
	anns, docs = make(map[string]annotate.Attributes), make(map[string]annotate.Attributes)
	err := s.Each(func(d *annotate.DocumentData) error {
		docs[d.Document.Title] = d.Document.Attributes
		for _, a := range d.Annotations {
			anns[a.ID] = a.Attributes
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		if !in.Attributes.Equal(docs[in.Title]) {
			t.Errorf("document %s: info holds %v, the document %v", in.Title, in.Attributes, docs[in.Title])
		}
	}
	return anns, docs
}

func TestSetSchemaCarriesValues(t *testing.T) {
	base := annotate.DefaultSchema()
	edit := func(fn func(d *annotate.SchemaDraft) error) (annotate.Schema, annotate.SchemaChange) {
		d := annotate.NewSchemaDraft(base)
		if err := fn(d); err != nil {
			panic(err)
		}
		s, c, err := d.Finish(base.Labels, nil)
		if err != nil {
			panic(err)
		}
		return s, c
	}
	type change struct {
		schema annotate.Schema
		change annotate.SchemaChange
	}
	with := func(s annotate.Schema, c annotate.SchemaChange) change { return change{s, c} }
	noFalse, _ := base.RemoveValue(verdictRef, "false")
	noPerson, _ := base.RemoveLabel("PERSON")
	renamedNoPerson, _ := edit(func(d *annotate.SchemaDraft) error { return d.RenameValue(verdictRef, "false", "wrong") })
	renamedNoPerson.Labels = noPerson.Labels
	tests := []struct {
		name     string
		change   change
		want     map[string]annotate.Attributes // annotations changed, by id
		wantDocs map[string]annotate.Attributes // documents changed, by title
		wantLoss annotate.Losses
		wantErr  error
	}{
		{name: "rename a value", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RenameValue(verdictRef, "false", "wrong") })),
			want: map[string]annotate.Attributes{
				"c1": annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("wrong"), "checkworthy": annotate.BoolValue(false)}),
				"c2": annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("wrong"), "checkworthy": annotate.BoolValue(false)})}},
		{name: "rename an attribute", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RenameAttribute(kbRef, "wikidata") })),
			want: map[string]annotate.Attributes{"p2": annotate.AttributesOf(map[string]annotate.AttrValue{"wikidata": str("Q1")})}},
		{name: "rename the document's attribute", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RenameAttribute(topicRef, "subject") })),
			wantDocs: map[string]annotate.Attributes{"one": annotate.AttributesOf(map[string]annotate.AttrValue{"subject": str("one")}), "two": annotate.AttributesOf(map[string]annotate.AttrValue{"subject": str("two")}), "three": annotate.AttributesOf(map[string]annotate.AttrValue{"subject": str("three")})}},
		{name: "delete a value in use", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RemoveValue(verdictRef, "false") })),
			want: map[string]annotate.Attributes{
				"c1": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}),
				"c2": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)})},
			wantLoss: annotate.Losses{Annotations: 2, Values: 2}},
		{name: "delete an attribute in use", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RemoveAttribute(kbRef) })),
			want: map[string]annotate.Attributes{"p2": nil}, wantLoss: annotate.Losses{Annotations: 1, Values: 1}},
		{name: "delete the document's attribute", change: with(edit(func(d *annotate.SchemaDraft) error { return d.RemoveAttribute(topicRef) })),
			wantDocs: map[string]annotate.Attributes{"one": nil, "two": nil, "three": nil}, wantLoss: annotate.Losses{Documents: 3, Values: 3}},
		{name: "delete a value in use, not told", change: change{noFalse, annotate.SchemaChange{}},
			wantLoss: annotate.Losses{Annotations: 2, Values: 2}, wantErr: annotate.ErrInvalid},
		{name: "rename a value, remove a label in use", change: with(renamedNoPerson, annotate.SchemaChange{
			Labels: map[string]string{}, Values: map[annotate.ValueRef]string{{Attr: verdictRef, Value: "false"}: "wrong"}}),
			wantErr: annotate.ErrLabelInUse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newValuesProject(t)
			anns, docs := values(t, s)
			before, _ := s.Schema()
			loss, err := s.CountLosses(tt.change.schema, tt.change.change)
			if err != nil || loss != tt.wantLoss {
				t.Errorf("CountLosses = %+v, %v; want %+v", loss, err, tt.wantLoss)
			}
			err = s.SetSchema(tt.change.schema, tt.change.change)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("SetSchema = %v, want %v", err, tt.wantErr)
			}
			wantSchema := tt.change.schema
			if err == nil {
				maps.Copy(anns, tt.want)
				maps.Copy(docs, tt.wantDocs)
			} else {
				wantSchema = before
			}
			if got, _ := s.Schema(); !got.Equal(wantSchema) {
				t.Errorf("Schema() = %+v, want %+v", got, wantSchema)
			}
			gotAnns, gotDocs := values(t, s)
			if !maps.EqualFunc(gotAnns, anns, annotate.Attributes.Equal) {
				t.Errorf("annotation values = %v, want %v", gotAnns, anns)
			}
			if !maps.EqualFunc(gotDocs, docs, annotate.Attributes.Equal) {
				t.Errorf("document values = %v, want %v", gotDocs, docs)
			}
		})
	}
}

// TestHoldsValues checks the shortcut CountLosses takes against the
// codec: it must say whether a record has values however the fixed
// fields are filled.
func TestHoldsValues(t *testing.T) {
	bare := ann("a1", 3, 300, "CLAIM")
	bare.Note = "a note — with a dash"
	tests := []struct {
		name string
		rec  []byte
		want bool
	}{
		{"no values", encodeAnnotation(bare, noCodes), false},
		{"values", encodeAnnotation(withVerdict("a1", "false"), noCodes), true},
		{"damaged", encodeAnnotation(bare, noCodes)[:4], true},
	}
	for _, tt := range tests {
		if got := holdsValues(tt.rec); got != tt.want {
			t.Errorf("%s: holdsValues = %v, want %v", tt.name, got, tt.want)
		}
	}
}
