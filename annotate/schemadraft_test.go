package annotate

import (
	"maps"
	"testing"
)

// TestSchemaDraft edits a draft in steps, finishes it and carries a claim
// and a document to the result: the change says what the steps did.
func TestSchemaDraft(t *testing.T) {
	rating := AttrRef{Label: "CLAIM", Name: "rating"}
	tests := []struct {
		name      string
		steps     func(d *SchemaDraft) error
		labels    map[string]string
		wantClaim Annotation
		wantTopic Attributes
	}{
		{"rename attribute and value", func(d *SchemaDraft) error {
			return firstErr(d.RenameAttribute(verdictRef, "rating"), d.RenameValue(rating, "false", "wrong"))
		}, nil, Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("rating", "wrong", "checkworthy", "true")}, vals("topic", "jobs")},
		{"rename a value and back", func(d *SchemaDraft) error {
			return firstErr(d.RenameValue(verdictRef, "false", "x"), d.RenameValue(verdictRef, "x", "false"))
		}, nil, Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("verdict", "false", "checkworthy", "true")}, vals("topic", "jobs")},
		// The values of a removed value go, even when a new one takes its
		// name: the person was told they would.
		{"remove a value, add it again", func(d *SchemaDraft) error {
			return firstErr(d.RemoveValue(verdictRef, "false"), d.SetValue(verdictRef, EnumValue{"false", "f"}))
		}, nil, Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("checkworthy", "true")}, vals("topic", "jobs")},
		{"remove a value, rename another to its name", func(d *SchemaDraft) error {
			return firstErr(d.RemoveValue(verdictRef, "false"), d.RenameValue(verdictRef, "mostly_false", "false"))
		}, nil, Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("checkworthy", "true")}, vals("topic", "jobs")},
		{"remove the document's attribute", func(d *SchemaDraft) error { return d.RemoveAttribute(topicRef) },
			nil, Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("verdict", "false", "checkworthy", "true")}, nil},
		{"rename the label under an attribute", func(d *SchemaDraft) error { return d.RenameValue(verdictRef, "false", "wrong") },
			map[string]string{"CLAIM": "CLM"}, Annotation{ID: "c1", Label: "CLM", Attributes: vals("verdict", "wrong", "checkworthy", "true")}, vals("topic", "jobs")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := DefaultSchema()
			d := NewSchemaDraft(base)
			if err := tt.steps(d); err != nil {
				t.Fatal(err)
			}
			labels := d.Schema().Labels
			for i, l := range labels {
				if n, ok := tt.labels[l.Name]; ok {
					labels[i].Name = n
				}
			}
			s, c, err := d.Finish(labels, tt.labels)
			if err != nil {
				t.Fatal(err)
			}
			m, err := NewMigration(base, s, c)
			if err != nil {
				t.Fatalf("NewMigration(%+v) = %v", c, err)
			}
			a := Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("verdict", "false", "checkworthy", "true")}
			if _, _, err := m.Annotation(&a); err != nil || !a.Equal(tt.wantClaim) {
				t.Errorf("claim = %+v, %v; want %+v", a, err, tt.wantClaim)
			}
			doc := DocumentInfo{ID: "d1", Attributes: vals("topic", "jobs")}
			if _, _, err := m.Document(&doc); err != nil || !doc.Attributes.Equal(tt.wantTopic) {
				t.Errorf("document = %v, %v; want %v", doc.Attributes, err, tt.wantTopic)
			}
		})
	}
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestSchemaDraftRefuses checks that a refused step says why and leaves
// the draft as it was.
func TestSchemaDraftRefuses(t *testing.T) {
	tests := []struct {
		name string
		step func(d *SchemaDraft) error
		want string
	}{
		{"rename to a taken name", func(d *SchemaDraft) error { return d.RenameAttribute(verdictRef, "checkworthy") },
			`attribute "checkworthy" of label CLAIM appears twice`},
		{"a value twice", func(d *SchemaDraft) error { return d.RenameValue(verdictRef, "false", "true") },
			`value "true" appears twice`},
		{"a key of two letters", func(d *SchemaDraft) error { return d.SetValue(verdictRef, EnumValue{"false", "ff"}) },
			`key "ff" is not one letter a-z`},
		{"a key taken", func(d *SchemaDraft) error { return d.SetValue(verdictRef, EnumValue{"false", "t"}) },
			`key "t" is already the key of value "true"`},
		{"a bad name", func(d *SchemaDraft) error { return d.AddAttribute(Attribute{Name: "two words", Type: AttrBool}) },
			`two words`},
		{"an attribute twice", func(d *SchemaDraft) error { return d.AddAttribute(Attribute{Name: "topic", Type: AttrText}) },
			`add attribute topic of the document: it exists`},
		{"the last value", func(d *SchemaDraft) error {
			d.cur = must(d.cur.WithAttribute(Attribute{Name: "one", Type: AttrEnum, Values: []EnumValue{{Name: "only"}}}))
			return d.RemoveValue(AttrRef{Name: "one"}, "only")
		}, "an enum needs at least one value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewSchemaDraft(DefaultSchema())
			err := tt.step(d)
			before := d.Schema()
			attrs, values := maps.Clone(d.attrs), maps.Clone(d.values)
			checkInvalid(t, err, tt.want)
			if !d.Schema().Equal(before) || !maps.Equal(d.attrs, attrs) || !maps.Equal(d.values, values) {
				t.Errorf("a refused step changed the draft")
			}
		})
	}
}
