package storage

import (
	"bytes"
	"maps"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// rawRecords returns a copy of every annotation and document record of s,
// by bucket and key.
func rawRecords(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := s.view(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketInfo).ForEach(func(k, v []byte) error {
			out["info/"+string(k)] = string(v)
			return nil
		})
		if err != nil {
			return err
		}
		return eachDoc(tx, func(id string, ann, _ records) error {
			return ann.ForEach(func(k, v []byte) error {
				out[id+"/"+string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// editSchema sets s's schema to its own as edit changes it, with the
// change the draft gives, dropping values when drop is set.
func editSchema(t *testing.T, s *Store, drop bool, edit func(d *annotate.SchemaDraft) error) {
	t.Helper()
	base, _ := s.Schema()
	d := annotate.NewSchemaDraft(base)
	if err := edit(d); err != nil {
		t.Fatal(err)
	}
	schema, c, err := d.Finish(base.Labels, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.DropValues = drop
	if err := s.SetSchema(schema, c); err != nil {
		t.Fatal(err)
	}
}

// gradeRef is an enum attribute "grade" of label, added by withGrades.
func gradeRef(label string) annotate.AttrRef { return annotate.AttrRef{Label: label, Name: "grade"} }

// withGrades adds an enum attribute "grade" (a, b) to CLAIM and another
// to SOURCE, and a source s1 of grade a beside claim c1 of grade a, so
// that two attributes share a name and a value.
func withGrades(t *testing.T, s *Store) {
	t.Helper()
	schema, _ := s.Schema()
	for _, l := range []string{"CLAIM", "SOURCE"} {
		var err error
		schema, err = schema.WithAttribute(annotate.Attribute{Name: "grade", Type: annotate.AttrEnum, Label: l,
			Values: []annotate.EnumValue{{Name: "a"}, {Name: "b"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSchema(schema, annotate.SchemaChange{}); err != nil {
		t.Fatal(err)
	}
	docs, _ := s.Documents()
	c1 := withVerdict("c1", "false")
	c1.Attributes = c1.Attributes.With("grade", str("a"))
	src := ann("s1", 6, 11, "SOURCE")
	src.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"grade": str("a")})
	apply(t, s, docs[0].ID, annotate.Edit{PutAnnotations: []annotate.Annotation{c1, src}})
}

// TestSetSchemaRenamesInCodes checks that a rename of an attribute or a
// value that alone holds its code changes no record, yet every value
// reads renamed; and that a rename of one of two attributes of the same
// name rewrites the records, leaving the other's values as they were.
func TestSetSchemaRenamesInCodes(t *testing.T) {
	vals := func(kv ...any) annotate.Attributes {
		var m annotate.Attributes
		for i := 0; i < len(kv); i += 2 {
			v, ok := kv[i+1].(annotate.AttrValue)
			if !ok {
				v = str(kv[i+1].(string))
			}
			m = m.With(kv[i].(string), v)
		}
		return m
	}
	no := annotate.BoolValue(false)
	tests := []struct {
		name      string
		edit      func(d *annotate.SchemaDraft) error
		want      map[string]annotate.Attributes // annotations changed, by id
		wantDocs  map[string]annotate.Attributes
		rewritten bool
	}{
		{name: "value", edit: func(d *annotate.SchemaDraft) error { return d.RenameValue(verdictRef, "false", "wrong") },
			want: map[string]annotate.Attributes{"c1": vals("verdict", "wrong", "checkworthy", no, "grade", "a"),
				"c2": vals("verdict", "wrong", "checkworthy", no)}},
		{name: "attribute and its value", edit: func(d *annotate.SchemaDraft) error {
			if err := d.RenameValue(verdictRef, "true", "right"); err != nil {
				return err
			}
			return d.RenameAttribute(verdictRef, "ruling")
		}, want: map[string]annotate.Attributes{"c1": vals("ruling", "false", "checkworthy", no, "grade", "a"),
			"c2": vals("ruling", "false", "checkworthy", no), "c3": vals("ruling", "right", "checkworthy", no)}},
		{name: "document attribute", edit: func(d *annotate.SchemaDraft) error { return d.RenameAttribute(topicRef, "subject") },
			wantDocs: map[string]annotate.Attributes{"one": vals("subject", "one"), "two": vals("subject", "two"), "three": vals("subject", "three")}},
		{name: "value of a shared name", edit: func(d *annotate.SchemaDraft) error { return d.RenameValue(gradeRef("CLAIM"), "a", "x") },
			want: map[string]annotate.Attributes{"c1": vals("verdict", "false", "checkworthy", no, "grade", "x")}, rewritten: true},
		{name: "shared name", edit: func(d *annotate.SchemaDraft) error { return d.RenameAttribute(gradeRef("SOURCE"), "level") },
			want: map[string]annotate.Attributes{"s1": vals("level", "a")}, rewritten: true},
		{name: "to a name the codes have", edit: func(d *annotate.SchemaDraft) error { return d.RenameAttribute(verdictRef, "topic") },
			want: map[string]annotate.Attributes{"c1": vals("topic", "false", "checkworthy", no, "grade", "a"),
				"c2": vals("topic", "false", "checkworthy", no), "c3": vals("topic", "true", "checkworthy", no)}, rewritten: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newValuesProject(t)
			withGrades(t, s)
			anns, docs := values(t, s)
			before := rawRecords(t, s)
			editSchema(t, s, false, tt.edit)
			maps.Copy(anns, tt.want)
			maps.Copy(docs, tt.wantDocs)
			gotAnns, gotDocs := values(t, s)
			if !maps.EqualFunc(gotAnns, anns, annotate.Attributes.Equal) {
				t.Errorf("annotation values = %v, want %v", gotAnns, anns)
			}
			if !maps.EqualFunc(gotDocs, docs, annotate.Attributes.Equal) {
				t.Errorf("document values = %v, want %v", gotDocs, docs)
			}
			if same := maps.Equal(rawRecords(t, s), before); same == tt.rewritten {
				t.Errorf("records unchanged: %v, want %v", same, !tt.rewritten)
			}
		})
	}
}

// TestDeletedValuesStayDeleted checks that an attribute or enum value
// deleted and later added again under the same name, or given by a
// rename, does not bring back the values the delete removed.
func TestDeletedValuesStayDeleted(t *testing.T) {
	verdict := annotate.DefaultAttributes()[0]
	tests := []struct {
		name   string
		delete func(d *annotate.SchemaDraft) error
		again  func(d *annotate.SchemaDraft) error
		want   map[string]annotate.Attributes
	}{
		{"attribute", func(d *annotate.SchemaDraft) error { return d.RemoveAttribute(verdictRef) },
			func(d *annotate.SchemaDraft) error { return d.AddAttribute(verdict) },
			map[string]annotate.Attributes{"c1": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}),
				"c2": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}), "c3": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)})}},
		{"value", func(d *annotate.SchemaDraft) error { return d.RemoveValue(verdictRef, "false") },
			func(d *annotate.SchemaDraft) error { return d.SetValue(verdictRef, annotate.EnumValue{Name: "false"}) },
			map[string]annotate.Attributes{"c1": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}),
				"c2": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)})}},
		{"value renamed into its place", func(d *annotate.SchemaDraft) error { return d.RemoveValue(verdictRef, "false") },
			func(d *annotate.SchemaDraft) error { return d.RenameValue(verdictRef, "true", "false") },
			map[string]annotate.Attributes{"c1": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}),
				"c2": annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}),
				"c3": annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false"), "checkworthy": annotate.BoolValue(false)})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newValuesProject(t)
			anns, _ := values(t, s)
			editSchema(t, s, true, tt.delete)
			editSchema(t, s, true, tt.again)
			maps.Copy(anns, tt.want)
			if got, _ := values(t, s); !maps.EqualFunc(got, anns, annotate.Attributes.Equal) {
				t.Errorf("annotation values = %v, want %v", got, anns)
			}
		})
	}
}

// TestMigrateFormat2CodesValues checks that the upgrade to format 3
// rewrites the records that hold values with the codes: no attribute
// name or enum value is left written out, only the text of a text value.
func TestMigrateFormat2CodesValues(t *testing.T) {
	s := openProject(t, fixtureProject(t, "testdata/format2.spanmark.gz"), testOptions())
	assertFormat2Content(t, s)
	for k, v := range rawRecords(t, s) {
		for _, word := range []string{"verdict", "mostly_true", "checkworthy", "source_type", "named_person", "kb_id", "topic"} {
			if bytes.Contains([]byte(v), []byte(word)) {
				t.Errorf("record %s still holds %q", k, word)
			}
		}
	}
	if raw := rawRecords(t, s); !bytes.Contains([]byte(raw["info/"+string(seqKey(1))]), []byte("Migration")) {
		t.Errorf("d1's record lost its topic's text: %q", raw["info/"+string(seqKey(1))])
	}
}

// TestRecoverAndCompactReadCodes checks that a copy made by Compact and a
// project salvaged by Recover hold the values of the original, whose
// codes a rename has made different from those a new project gives the
// same schema.
func TestRecoverAndCompactReadCodes(t *testing.T) {
	s := newValuesProject(t)
	editSchema(t, s, false, func(d *annotate.SchemaDraft) error {
		if err := d.RenameValue(verdictRef, "false", "wrong"); err != nil {
			return err
		}
		return d.RenameAttribute(kbRef, "wikidata")
	})
	wantAnns, wantDocs := values(t, s)
	if wantAnns["c1"].Get("verdict") != str("wrong") || wantAnns["p2"].Get("wikidata") != str("Q1") {
		t.Fatalf("values after the renames = %v", wantAnns)
	}
	src := copyFile(t, s.Path())
	dir := t.TempDir()
	compacted, recovered := filepath.Join(dir, "compacted.spanmark"), filepath.Join(dir, "recovered.spanmark")
	if err := Compact(src, compacted); err != nil {
		t.Fatal(err)
	}
	if rep, err := Recover(src, recovered); err != nil || len(rep.Lost) > 0 || len(rep.Problems) > 0 {
		t.Fatalf("Recover = %+v, %v", rep, err)
	}
	for _, path := range []string{compacted, recovered} {
		got := openProject(t, path, testOptions())
		anns, docs := values(t, got)
		if !maps.EqualFunc(anns, wantAnns, annotate.Attributes.Equal) || !maps.EqualFunc(docs, wantDocs, annotate.Attributes.Equal) {
			t.Errorf("%s: values %v, %v; want %v, %v", filepath.Base(path), anns, docs, wantAnns, wantDocs)
		}
	}
}
