package annotate

import (
	"testing"
)

var (
	verdictRef = AttrRef{Label: "CLAIM", Name: "verdict"}
	kbRef      = AttrRef{Kind: KindEntity, Name: "kb_id"}
	topicRef   = AttrRef{Name: "topic"}
)

// must returns s; an edit a test builds its cases with must not fail.
func must(s Schema, err error) Schema {
	if err != nil {
		panic(err)
	}
	return s
}

// vals builds values from name, value pairs; a value "true" or "false"
// of checkworthy is a bool.
func vals(kv ...string) Attributes {
	var m Attributes
	for i := 0; i < len(kv); i += 2 {
		if kv[i] == "checkworthy" {
			m = m.With(kv[i], BoolValue(kv[i+1] == "true"))
		} else {
			m = m.With(kv[i], StringValue(kv[i+1]))
		}
	}
	return m
}

func TestMigrationAnnotation(t *testing.T) {
	base := DefaultSchema()
	claim := Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("verdict", "false", "checkworthy", "true")}
	person := Annotation{ID: "p1", Label: "PERSON", Attributes: vals("kb_id", "Q1")}
	tests := []struct {
		name     string
		to       Schema
		change   SchemaChange
		in       Annotation
		want     Annotation
		wantLost int
		wantErr  string // "" for none
	}{
		{"nothing changes", base, SchemaChange{}, claim, claim, 0, ""},
		{"rename the label", must(base.RenameLabel("CLAIM", "CLM")),
			SchemaChange{Labels: map[string]string{"CLAIM": "CLM"}}, claim,
			Annotation{ID: "c1", Label: "CLM", Attributes: claim.Attributes}, 0, ""},
		{"rename the attribute", must(base.RenameAttribute(verdictRef, "rating")),
			SchemaChange{Attributes: map[AttrRef]string{verdictRef: "rating"}}, claim,
			Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("rating", "false", "checkworthy", "true")}, 0, ""},
		{"rename the value", must(base.RenameValue(verdictRef, "false", "wrong")),
			SchemaChange{Values: map[ValueRef]string{{verdictRef, "false"}: "wrong"}}, claim,
			Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("verdict", "wrong", "checkworthy", "true")}, 0, ""},
		{"rename label, attribute and value at once", must(must(must(base.RenameValue(verdictRef, "false", "wrong")).
			RenameAttribute(verdictRef, "rating")).RenameLabel("CLAIM", "CLM")), SchemaChange{Labels: map[string]string{"CLAIM": "CLM"}, Attributes: map[AttrRef]string{verdictRef: "rating"},
			Values: map[ValueRef]string{{verdictRef, "false"}: "wrong"}}, claim,
			Annotation{ID: "c1", Label: "CLM", Attributes: vals("rating", "wrong", "checkworthy", "true")}, 0, ""},
		{"rename a kind's attribute", must(base.RenameAttribute(kbRef, "wikidata")),
			SchemaChange{Attributes: map[AttrRef]string{kbRef: "wikidata"}}, person,
			Annotation{ID: "p1", Label: "PERSON", Attributes: vals("wikidata", "Q1")}, 0, ""},
		{"another value is untouched", must(base.RenameValue(verdictRef, "true", "right")),
			SchemaChange{Values: map[ValueRef]string{{verdictRef, "true"}: "right"}}, claim, claim, 0, ""},
		{"delete a value in use, refused", must(base.RemoveValue(verdictRef, "false")),
			SchemaChange{}, claim, claim, 0, `annotation c1 (CLAIM): the new schema has no place for verdict "false"`},
		{"delete a value in use, dropped", must(base.RemoveValue(verdictRef, "false")),
			SchemaChange{DropValues: true}, claim,
			Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("checkworthy", "true")}, 1, ""},
		{"delete the value, as the change says", must(base.RemoveValue(verdictRef, "false")),
			SchemaChange{Values: map[ValueRef]string{{verdictRef, "false"}: ""}}, claim,
			Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("checkworthy", "true")}, 1, ""},
		{"delete the attribute, as the change says", must(base.RemoveAttribute(verdictRef)),
			SchemaChange{Attributes: map[AttrRef]string{verdictRef: ""}}, claim,
			Annotation{ID: "c1", Label: "CLAIM", Attributes: vals("checkworthy", "true")}, 1, ""},
		{"delete the attribute, dropped", must(base.RemoveAttribute(kbRef)),
			SchemaChange{DropValues: true}, person, Annotation{ID: "p1", Label: "PERSON"}, 1, ""},
		{"a label changes kind, dropped", must(base.WithLabel(Label{Name: "PERSON", Kind: KindSource, Color: "#e6550d", Key: "p"})), SchemaChange{DropValues: true}, person, Annotation{ID: "p1", Label: "PERSON"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMigration(base, tt.to, tt.change)
			if err != nil {
				t.Fatal(err)
			}
			a := tt.in
			before := tt.in.Attributes.Clone()
			changed, lost, err := m.Annotation(&a)
			if tt.wantErr != "" {
				checkInvalid(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !a.Equal(tt.want) || lost != tt.wantLost || changed != !tt.in.Equal(tt.want) {
				t.Errorf("Annotation = %+v, changed %v, lost %d; want %+v, lost %d", a, changed, lost, tt.want, tt.wantLost)
			}
			if !tt.in.Attributes.Equal(before) {
				t.Errorf("the input's map changed to %v", tt.in.Attributes)
			}
		})
	}
}

func TestMigrationDocument(t *testing.T) {
	base := DefaultSchema()
	renamed := must(base.RenameAttribute(topicRef, "subject"))
	tests := []struct {
		name     string
		to       Schema
		change   SchemaChange
		want     Attributes
		wantLost int
	}{
		{"rename", renamed, SchemaChange{Attributes: map[AttrRef]string{topicRef: "subject"}}, vals("subject", "jobs"), 0},
		{"delete", must(base.RemoveAttribute(topicRef)), SchemaChange{DropValues: true}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMigration(base, tt.to, tt.change)
			if err != nil {
				t.Fatal(err)
			}
			d := DocumentInfo{ID: "d1", Attributes: vals("topic", "jobs")}
			if _, lost, err := m.Document(&d); err != nil || lost != tt.wantLost || !d.Attributes.Equal(tt.want) {
				t.Errorf("Document = %v, lost %d, %v; want %v, lost %d", d.Attributes, lost, err, tt.want, tt.wantLost)
			}
		})
	}
}

func TestNewMigrationRefuses(t *testing.T) {
	base := DefaultSchema()
	rating := must(base.RenameAttribute(verdictRef, "rating"))
	tests := []struct {
		name   string
		to     Schema
		change SchemaChange
		want   string
	}{
		{"a missing attribute", base, SchemaChange{Attributes: map[AttrRef]string{{Label: "SOURCE", Name: "verdict"}: "x"}},
			"rename attribute verdict of label SOURCE"},
		{"into a missing attribute", base, SchemaChange{Attributes: map[AttrRef]string{verdictRef: "rating"}},
			`rename attribute verdict of label CLAIM to "rating": no such attribute in the schema`},
		{"two attributes to one name", rating, SchemaChange{Attributes: map[AttrRef]string{
			verdictRef: "rating", {Label: "CLAIM", Name: "checkworthy"}: "rating"}}, "would both be called"},
		{"a missing value", base, SchemaChange{Values: map[ValueRef]string{{verdictRef, "maybe"}: "x"}},
			`rename value "maybe" of verdict of label CLAIM`},
		{"into a missing value", base, SchemaChange{Values: map[ValueRef]string{{verdictRef, "false"}: "wrong"}},
			`to "wrong": no such value in the schema`},
		{"into a missing label", base, SchemaChange{Labels: map[string]string{"CLAIM": "CLM"}},
			`rename label "CLAIM" to "CLM": no such label`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewMigration(base, tt.to, tt.change)
			checkInvalid(t, err, tt.want)
		})
	}
}

func TestMigrationMayLose(t *testing.T) {
	base := DefaultSchema()
	added := must(base.WithValue(verdictRef, EnumValue{Name: "satire"}))
	tests := []struct {
		name   string
		to     Schema
		change SchemaChange
		want   bool
	}{
		{"same", base, SchemaChange{}, false},
		{"a value added", added, SchemaChange{}, false},
		{"a value renamed", must(base.RenameValue(verdictRef, "false", "wrong")),
			SchemaChange{Values: map[ValueRef]string{{verdictRef, "false"}: "wrong"}}, false},
		{"a value removed", must(base.RemoveValue(verdictRef, "false")), SchemaChange{}, true},
		{"an attribute removed", must(base.RemoveAttribute(topicRef)), SchemaChange{}, true},
		{"a rename not told", must(base.RenameAttribute(verdictRef, "rating")), SchemaChange{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMigration(base, tt.to, tt.change)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.MayLose(); got != tt.want {
				t.Errorf("MayLose = %v, want %v", got, tt.want)
			}
		})
	}
}
