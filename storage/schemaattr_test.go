package storage

import (
	"errors"
	"slices"
	"testing"

	"spanmark/annotate"
)

// withVerdict returns a claim over [0,5) whose verdict is v.
func withVerdict(id, v string) annotate.Annotation {
	a := ann(id, 0, 5, "CLAIM")
	a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue(v), "checkworthy": annotate.BoolValue(false)})
	return a
}

func TestAttributeValuesStored(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "", "Alice said so.")
	a := withVerdict("a1", "false")
	a.DocumentID = d.ID
	apply(t, s, d.ID, annotate.Edit{PutAnnotations: []annotate.Annotation{a}})
	if got := load(t, s, d.ID).Annotations; len(got) != 1 || !got[0].Equal(a) {
		t.Errorf("Load = %+v, want [%+v]", got, a)
	}
}

func TestApplyRefusesBadAttributeValues(t *testing.T) {
	tests := []struct {
		name string
		a    annotate.Annotation
	}{
		{"enum value not in the list", withVerdict("a1", "maybe")},
		{"bool as a string", func() annotate.Annotation {
			a := ann("a1", 0, 5, "CLAIM")
			a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.StringValue("yes")})
			return a
		}()},
		{"attribute of another label", func() annotate.Annotation {
			a := withVerdict("a1", "false")
			a.Label = "SOURCE"
			return a
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			d := addDoc(t, s, "", "Alice said so.")
			err := s.Apply(d.ID, annotate.Edit{PutAnnotations: []annotate.Annotation{tt.a}})
			if !errors.Is(err, annotate.ErrInvalid) {
				t.Errorf("Apply = %v, want ErrInvalid", err)
			}
			if got := load(t, s, d.ID).Annotations; len(got) != 0 {
				t.Errorf("after a refused edit the document has %+v", got)
			}
		})
	}
}

func TestDocumentAttributesStored(t *testing.T) {
	s := newProject(t)
	topic := annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("jobs — Köln")})
	d, err := s.AddDocument(annotate.Document{Title: "t", Text: "Alice.", Attributes: topic})
	if err != nil {
		t.Fatal(err)
	}
	if got := load(t, s, d.ID).Document.Attributes; !got.Equal(topic) {
		t.Errorf("Load: attributes %v, want %v", got, topic)
	}
	infos, err := s.Documents()
	if err != nil || len(infos) != 1 || !infos[0].Attributes.Equal(topic) {
		t.Errorf("Documents = %+v, %v; want one with %v", infos, err, topic)
	}
	bad := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
	if _, err := s.AddDocument(annotate.Document{Text: "Bob.", Attributes: bad}); !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("AddDocument with a claim's attribute = %v, want ErrInvalid", err)
	}
}

func TestSetSchemaKeepsAttributeValuesValid(t *testing.T) {
	dropFalse := func(s annotate.Schema) annotate.Schema {
		s.Attributes[0].Values = slices.DeleteFunc(s.Attributes[0].Values,
			func(v annotate.EnumValue) bool { return v.Name == "false" })
		return s
	}
	tests := []struct {
		name   string
		change func(annotate.Schema) annotate.Schema
		ok     bool
	}{
		{"drop a value in use", dropFalse, false},
		{"drop the attribute in use", func(s annotate.Schema) annotate.Schema {
			s.Attributes = s.Attributes[1:]
			return s
		}, false},
		{"drop the document attribute in use", func(s annotate.Schema) annotate.Schema {
			s.Attributes = s.Attributes[:len(s.Attributes)-1]
			return s
		}, false},
		{"add a value", func(s annotate.Schema) annotate.Schema {
			s.Attributes[0].Values = append(s.Attributes[0].Values, annotate.EnumValue{Name: "satire"})
			return s
		}, true},
		{"drop an unused value", func(s annotate.Schema) annotate.Schema {
			s.Attributes[0].Values = s.Attributes[0].Values[1:]
			return s
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			d, err := s.AddDocument(annotate.Document{Text: "Alice said so.",
				Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("x")})})
			if err != nil {
				t.Fatal(err)
			}
			apply(t, s, d.ID, annotate.Edit{PutAnnotations: []annotate.Annotation{withVerdict("a1", "false")}})
			before, _ := s.Schema()
			next := tt.change(before.Clone())
			err = s.SetSchema(next, annotate.SchemaChange{})
			after, _ := s.Schema()
			switch {
			case tt.ok && (err != nil || !after.Equal(next)):
				t.Errorf("SetSchema = %v; schema %+v, want %+v", err, after, next)
			case !tt.ok && (!errors.Is(err, annotate.ErrInvalid) || !after.Equal(before)):
				t.Errorf("SetSchema = %v, want ErrInvalid and the schema unchanged", err)
			}
		})
	}
}
