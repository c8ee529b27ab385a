package annotate

import (
	"errors"
	"strings"
	"testing"
)

// withAttrs returns the default schema with its attributes changed by fn.
func withAttrs(fn func([]Attribute) []Attribute) Schema {
	s := DefaultSchema()
	s.Attributes = fn(s.Attributes)
	return s
}

func TestSchemaValidateAttributes(t *testing.T) {
	set := func(i int, fn func(*Attribute)) Schema {
		return withAttrs(func(as []Attribute) []Attribute { fn(&as[i]); return as })
	}
	add := func(a Attribute) Schema {
		return withAttrs(func(as []Attribute) []Attribute { return append(as, a) })
	}
	tests := []struct {
		name    string
		s       Schema
		wantErr string // "" for valid
	}{
		{"default", DefaultSchema(), ""},
		{"bool default", set(1, func(a *Attribute) { a.Default = BoolValue(false) }), ""},
		{"enum default", set(0, func(a *Attribute) { a.Default = StringValue("mixed") }), ""},
		{"required", set(0, func(a *Attribute) { a.Required = true }), ""},
		{"same name on another label", add(Attribute{Name: "verdict", Type: AttrText, Label: "SOURCE"}), ""},
		{"bad name", set(0, func(a *Attribute) { a.Name = "ver dict" }), "name may hold only"},
		{"unknown type", set(0, func(a *Attribute) { a.Type = "int" }), `unknown type "int"`},
		{"unknown label", set(0, func(a *Attribute) { a.Label = "FACT" }), `label "FACT" is not in the schema`},
		{"unknown kind", set(3, func(a *Attribute) { a.Kind = "event" }), `unknown kind "event"`},
		{"label and kind", set(0, func(a *Attribute) { a.Kind = KindClaim }), "bound to both"},
		{"enum without values", set(0, func(a *Attribute) { a.Values = nil }), "at least one value"},
		{"values on a bool", set(1, func(a *Attribute) { a.Values = []EnumValue{{Name: "x"}} }), "no list of values"},
		{"value twice", set(0, func(a *Attribute) { a.Values[1].Name = "true" }), `value "true" appears twice`},
		{"key twice", set(0, func(a *Attribute) { a.Values[1].Key = "t" }), `key "t" is already the key of value "true"`},
		{"key not a letter", set(0, func(a *Attribute) { a.Values[0].Key = "1" }), "not one letter"},
		{"bad value name", set(0, func(a *Attribute) { a.Values[0].Name = "" }), "name is empty"},
		{"default not in the list", set(0, func(a *Attribute) { a.Default = StringValue("maybe") }), `"maybe" is not one of`},
		{"string default on a bool", set(1, func(a *Attribute) { a.Default = StringValue("yes") }), "not true or false"},
		{"same name, same label", add(Attribute{Name: "verdict", Type: AttrText, Label: "CLAIM"}), `"verdict" of label CLAIM appears twice`},
		{"label and its kind share a name", add(Attribute{Name: "kb_id", Type: AttrText, Label: "PERSON"}), `label "PERSON" has two attributes called "kb_id"`},
		{"document attribute twice", add(Attribute{Name: "topic", Type: AttrBool}), `"topic" of the document appears twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.s.Validate()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tt.wantErr != "" && (!errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Validate = %v, want ErrInvalid containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestValidateAttributeValues(t *testing.T) {
	s := DefaultSchema()
	tests := []struct {
		name    string
		label   string
		attrs   Attributes
		wantErr string
	}{
		{"none", "CLAIM", nil, ""},
		{"claim values", "CLAIM", AttributesOf(map[string]AttrValue{"verdict": StringValue("mostly_false"), "checkworthy": BoolValue(true)}), ""},
		{"entity kb id", "ORG", AttributesOf(map[string]AttrValue{"kb_id": StringValue("Q95")}), ""},
		{"source type", "SOURCE", AttributesOf(map[string]AttrValue{"source_type": StringValue("anonymous")}), ""},
		{"enum value not in the list", "CLAIM", AttributesOf(map[string]AttrValue{"verdict": StringValue("maybe")}),
			`annotation a1 (CLAIM): attribute verdict: "maybe" is not one of`},
		{"bool as text", "CLAIM", AttributesOf(map[string]AttrValue{"checkworthy": StringValue("true")}),
			`checkworthy: "true" is not true or false`},
		{"bool for an enum", "CLAIM", AttributesOf(map[string]AttrValue{"verdict": BoolValue(true)}), "true is a bool, but the attribute is of type enum"},
		{"attribute of another label", "SOURCE", AttributesOf(map[string]AttrValue{"verdict": StringValue("false")}),
			`label SOURCE has no attribute "verdict"`},
		{"document attribute on a span", "PERSON", AttributesOf(map[string]AttrValue{"topic": StringValue("x")}),
			`label PERSON has no attribute "topic"`},
		{"unset value kept", "CLAIM", AttributesOf(map[string]AttrValue{"verdict": {}}), "empty value"},
		{"a value and one of no attribute", "CLAIM", AttributesOf(map[string]AttrValue{"verdict": StringValue("false"), "kb_id": StringValue("Q1")}),
			`label CLAIM has no attribute "kb_id"`},
		{"label not in the schema", "NOPE", AttributesOf(map[string]AttrValue{"verdict": StringValue("false")}), `label "NOPE" is not in the schema`},
		{"a name twice", "CLAIM", Attributes{{"verdict", StringValue("false")}, {"verdict", StringValue("true")}},
			"annotation a1 (CLAIM): attribute values not in name order, or a name twice"},
		{"out of order", "CLAIM", Attributes{{"verdict", StringValue("false")}, {"checkworthy", BoolValue(true)}},
			"not in name order"},
	}
	// A Checker answers as ValidateAnnotation does.
	validators := map[string]func(Annotation) error{
		"ValidateAnnotation": func(a Annotation) error { return ValidateAnnotation(a, 10, s) },
		"Checker":            func(a Annotation) error { return NewChecker(s).ValidateAnnotation(a, 10) },
	}
	for _, tt := range tests {
		for vname, validate := range validators {
			t.Run(tt.name+"/"+vname, func(t *testing.T) {
				a := Annotation{ID: "a1", Start: 0, End: 3, Label: tt.label, Attributes: tt.attrs}
				err := validate(a)
				switch {
				case tt.wantErr == "" && err != nil:
					t.Errorf("%s = %v, want nil", vname, err)
				case tt.wantErr != "" && (!errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr)):
					t.Errorf("%s = %v, want ErrInvalid containing %q", vname, err, tt.wantErr)
				}
			})
		}
	}
}

func TestValidateDocumentAttributeValues(t *testing.T) {
	d := &DocumentData{Document: Document{ID: "d1", Text: "abc", Status: StatusTodo,
		Attributes: AttributesOf(map[string]AttrValue{"topic": StringValue("jobs")})}}
	if err := ValidateDocumentData(d, DefaultSchema()); err != nil {
		t.Errorf("valid topic: %v", err)
	}
	d.Document.Attributes = AttributesOf(map[string]AttrValue{"verdict": StringValue("false")})
	err := ValidateDocumentData(d, DefaultSchema())
	if want := `document d1: document: the schema has no attribute "verdict"`; err == nil || err.Error() != want {
		t.Errorf("claim attribute on a document = %v, want %q", err, want)
	}
}

func TestSchemaEqualAttributes(t *testing.T) {
	tests := []struct {
		name string
		b    Schema
		want bool
	}{
		{"same", DefaultSchema(), true},
		{"no attributes", withAttrs(func([]Attribute) []Attribute { return nil }), false},
		{"a value fewer", withAttrs(func(as []Attribute) []Attribute { as[0].Values = as[0].Values[1:]; return as }), false},
		{"another key", withAttrs(func(as []Attribute) []Attribute { as[0].Values[0].Key = "z"; return as }), false},
		{"a default", withAttrs(func(as []Attribute) []Attribute { as[1].Default = BoolValue(false); return as }), false},
		{"required", withAttrs(func(as []Attribute) []Attribute { as[4].Required = true; return as }), false},
		{"bound to a kind", withAttrs(func(as []Attribute) []Attribute { as[0].Label, as[0].Kind = "", KindClaim; return as }), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DefaultSchema().Equal(tt.b); got != tt.want {
				t.Errorf("Equal = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSchemaEditsCarryAttributes(t *testing.T) {
	renamed, err := DefaultSchema().RenameLabel("CLAIM", "FACT")
	if err != nil {
		t.Fatal(err)
	}
	if got := renamed.AttributesFor("FACT"); len(got) != 2 || got[0].Name != "verdict" {
		t.Errorf("after renaming CLAIM to FACT, FACT has %+v, want verdict and checkworthy", got)
	}
	removed, err := DefaultSchema().RemoveLabel("SOURCE")
	if err != nil {
		t.Fatalf("RemoveLabel(SOURCE) = %v, want its attributes removed with it", err)
	}
	if len(removed.Attributes) != len(DefaultAttributes())-1 {
		t.Errorf("after removing SOURCE: %+v, want source_type gone", removed.Attributes)
	}
	orig := DefaultSchema()
	c := orig.Clone()
	c.Attributes[0].Values[0].Name = "changed"
	if orig.Attributes[0].Values[0].Name != "true" {
		t.Error("Clone shares enum values with the original")
	}
}

func TestAttrValueJSON(t *testing.T) {
	tests := []struct {
		json string
		want AttrValue
		ok   bool
	}{
		{`true`, BoolValue(true), true},
		{`false`, BoolValue(false), true},
		{`"false"`, StringValue("false"), true},
		{`"Köln \u2014"`, StringValue("Köln —"), true},
		{`1`, AttrValue{}, false},
		{`null`, AttrValue{}, false},
		{`["x"]`, AttrValue{}, false},
	}
	for _, tt := range tests {
		var v AttrValue
		err := v.UnmarshalJSON([]byte(tt.json))
		if (err == nil) != tt.ok || v != tt.want {
			t.Errorf("UnmarshalJSON(%s) = %v, %v; want %v, ok %v", tt.json, v, err, tt.want, tt.ok)
		}
		if !tt.ok {
			continue
		}
		if b, err := v.MarshalJSON(); err != nil || (string(b) != tt.json && tt.json[0] != '"') {
			t.Errorf("MarshalJSON(%v) = %s, %v; want %s", v, b, err, tt.json)
		}
	}
}
