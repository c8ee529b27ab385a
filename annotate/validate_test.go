package annotate

import (
	"errors"
	"strings"
	"testing"
)

// checkInvalid fails t unless err wraps ErrInvalid and its message holds
// every string in want.
func checkInvalid(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one containing %q", want)
	}
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("error %q does not wrap ErrInvalid", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}

func TestSchemaValidate(t *testing.T) {
	withLabel := func(l Label) Schema {
		s := DefaultSchema()
		s.Labels = append(s.Labels, l)
		return s
	}
	withRelation := func(rt RelationType) Schema {
		s := DefaultSchema()
		s.Relations = append(s.Relations, rt)
		return s
	}
	valid := []struct {
		name   string
		schema Schema
	}{
		{"default", DefaultSchema()},
		{"empty", Schema{}},
		{"name with _ - . and digits", withLabel(Label{Name: "EVENT_2.0-x", Kind: KindEntity, Color: "#000000"})},
		{"non-ASCII letters", withLabel(Label{Name: "PERSONNE_Zoë", Kind: KindEntity, Color: "#FFFFFF"})},
		{"no key", withLabel(Label{Name: "NORP", Kind: KindEntity, Color: "#a0b1c2"})},
		{"another relation type", withRelation(RelationType{Name: "supports", FromKind: KindClaim, ToKind: KindClaim})},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.schema.Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
	invalid := []struct {
		name   string
		schema Schema
		want   []string
	}{
		{"empty name", withLabel(Label{Kind: KindEntity, Color: "#000000"}), []string{"label name is empty"}},
		{"space in name", withLabel(Label{Name: "NEWS ORG", Kind: KindEntity, Color: "#000000"}), []string{`label "NEWS ORG"`, "not ' '"}},
		{"tab in name", withLabel(Label{Name: "A\tB", Kind: KindEntity, Color: "#000000"}), []string{`not '\t'`}},
		{"punctuation in name", withLabel(Label{Name: "A/B", Kind: KindEntity, Color: "#000000"}), []string{`label "A/B"`, "not '/'"}},
		{"invalid UTF-8 name", withLabel(Label{Name: "A\xff", Kind: KindEntity, Color: "#000000"}), []string{"not valid UTF-8"}},
		{"duplicate name", withLabel(Label{Name: "ORG", Kind: KindEntity, Color: "#000000"}), []string{`label "ORG" appears twice`}},
		{"unknown kind", withLabel(Label{Name: "X", Kind: "event", Color: "#000000"}), []string{`label "X": unknown kind "event"`}},
		{"empty kind", withLabel(Label{Name: "X", Color: "#000000"}), []string{`unknown kind ""`}},
		{"short colour", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#fff"}), []string{`colour "#fff" is not #rrggbb`}},
		{"colour without #", withLabel(Label{Name: "X", Kind: KindEntity, Color: "1234567"}), []string{"is not #rrggbb"}},
		{"colour not hex", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#12345g"}), []string{"is not #rrggbb"}},
		{"colour name", withLabel(Label{Name: "X", Kind: KindEntity, Color: "red"}), []string{`colour "red"`}},
		{"empty colour", withLabel(Label{Name: "X", Kind: KindEntity}), []string{`colour ""`}},
		{"upper-case key", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#000000", Key: "X"}), []string{`key "X" is not one letter a-z`}},
		{"digit key", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#000000", Key: "1"}), []string{`key "1"`}},
		{"two-letter key", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#000000", Key: "xy"}), []string{`key "xy"`}},
		{"non-ASCII key", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#000000", Key: "é"}), []string{`key "é"`}},
		{"duplicate key", withLabel(Label{Name: "X", Kind: KindEntity, Color: "#000000", Key: "p"}), []string{`label "X": key "p" is already the key of label "PERSON"`}},
		{"empty relation name", withRelation(RelationType{FromKind: KindClaim, ToKind: KindSource}), []string{"relation type name is empty"}},
		{"space in relation name", withRelation(RelationType{Name: "said by", FromKind: KindClaim, ToKind: KindSource}), []string{`relation type "said by"`}},
		{"duplicate relation", withRelation(RelationType{Name: RelationAttributedTo, FromKind: KindClaim, ToKind: KindSource}), []string{`relation type "attributed_to" appears twice`}},
		{"unknown from kind", withRelation(RelationType{Name: "r", FromKind: "x", ToKind: KindSource}), []string{`relation type "r": unknown from kind "x"`}},
		{"unknown to kind", withRelation(RelationType{Name: "r", FromKind: KindClaim}), []string{`relation type "r": unknown to kind ""`}},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			checkInvalid(t, tt.schema.Validate(), append(tt.want, "schema: ")...)
		})
	}
}

func TestSchemaLookups(t *testing.T) {
	s := DefaultSchema()
	s.Labels = append(s.Labels, Label{Name: "NOKEY", Kind: KindEntity, Color: "#000000"})
	labels := []struct {
		name     string
		wantKind Kind
		wantOK   bool
	}{
		{"PERSON", KindEntity, true},
		{"CLAIM", KindClaim, true},
		{"SOURCE", KindSource, true},
		{"person", "", false},
		{"", "", false},
	}
	for _, tt := range labels {
		l, ok := s.Label(tt.name)
		if ok != tt.wantOK || l.Kind != tt.wantKind || ok && l.Name != tt.name {
			t.Errorf("Label(%q) = %+v, %v, want kind %q, %v", tt.name, l, ok, tt.wantKind, tt.wantOK)
		}
		if got := s.KindOf(tt.name); got != tt.wantKind {
			t.Errorf("KindOf(%q) = %q, want %q", tt.name, got, tt.wantKind)
		}
	}
	keys := []struct {
		key, want string
		wantOK    bool
	}{
		{"p", "PERSON", true},
		{"s", "SOURCE", true},
		{"z", "", false},
		{"", "", false},
	}
	for _, tt := range keys {
		l, ok := s.LabelForKey(tt.key)
		if l.Name != tt.want || ok != tt.wantOK {
			t.Errorf("LabelForKey(%q) = %q, %v, want %q, %v", tt.key, l.Name, ok, tt.want, tt.wantOK)
		}
	}
	if rt, ok := s.RelationType(RelationAttributedTo); !ok || rt.FromKind != KindClaim || rt.ToKind != KindSource {
		t.Errorf("RelationType(%q) = %+v, %v, want claim → source", RelationAttributedTo, rt, ok)
	}
	if rt, ok := s.RelationType("supports"); ok {
		t.Errorf("RelationType(%q) = %+v, true, want false", "supports", rt)
	}
}

func TestSchemaRelationFrom(t *testing.T) {
	two := DefaultSchema()
	two.Relations = append(two.Relations,
		RelationType{Name: "quotes", FromKind: KindSource, ToKind: KindClaim},
		RelationType{Name: "supports", FromKind: KindClaim, ToKind: KindClaim})
	tests := []struct {
		name   string
		s      Schema
		kind   Kind
		want   string
		wantOK bool
	}{
		{"claim in the default schema", DefaultSchema(), KindClaim, RelationAttributedTo, true},
		{"source starts none by default", DefaultSchema(), KindSource, "", false},
		{"entity starts none", DefaultSchema(), KindEntity, "", false},
		{"no kind", DefaultSchema(), "", "", false},
		{"empty schema", Schema{}, KindClaim, "", false},
		{"the first of two", two, KindClaim, RelationAttributedTo, true},
		{"added type", two, KindSource, "quotes", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt, ok := tt.s.RelationFrom(tt.kind)
			if rt.Name != tt.want || ok != tt.wantOK || ok && rt.FromKind != tt.kind {
				t.Errorf("RelationFrom(%q) = %+v, %v, want %q, %v", tt.kind, rt, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestValidateAnnotation(t *testing.T) {
	s := DefaultSchema()
	ann := func(start, end int, label string) Annotation {
		return Annotation{ID: "a1", Start: start, End: end, Label: label}
	}
	valid := []struct {
		name string
		a    Annotation
	}{
		{"whole text", ann(0, 10, "PERSON")},
		{"one code point", ann(9, 10, "CLAIM")},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			if err := ValidateAnnotation(tt.a, 10, s); err != nil {
				t.Errorf("ValidateAnnotation(%+v) = %v, want nil", tt.a, err)
			}
		})
	}
	invalid := []struct {
		name string
		a    Annotation
		want string
	}{
		{"no id", Annotation{Start: 1, End: 2, Label: "ORG"}, "annotation [1,2) has no id"},
		{"negative start", ann(-1, 2, "ORG"), "annotation a1: start -1 is negative"},
		{"empty", ann(3, 3, "ORG"), "annotation a1: end 3 not after start 3"},
		{"reversed", ann(5, 3, "ORG"), "end 3 not after start 5"},
		{"beyond the text", ann(5, 11, "ORG"), "annotation a1: end 11 beyond text length 10"},
		{"unknown label", ann(0, 1, "EVENT"), `annotation a1: label "EVENT" is not in the schema`},
		{"empty label", ann(0, 1, ""), `label "" is not in the schema`},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			checkInvalid(t, ValidateAnnotation(tt.a, 10, s), tt.want)
		})
	}
}

func TestValidateRelation(t *testing.T) {
	s := DefaultSchema()
	anns := map[string]Annotation{
		"claim":  {ID: "claim", DocumentID: "d1", Start: 0, End: 5, Label: "CLAIM"},
		"source": {ID: "source", DocumentID: "d1", Start: 6, End: 9, Label: "SOURCE"},
		"person": {ID: "person", DocumentID: "d1", Start: 6, End: 9, Label: "PERSON"},
		"other":  {ID: "other", DocumentID: "d2", Start: 0, End: 3, Label: "SOURCE"},
		"gone":   {ID: "gone", DocumentID: "d1", Start: 0, End: 3, Label: "REMOVED"},
	}
	rel := func(from, to string) Relation {
		return Relation{ID: "r1", Type: RelationAttributedTo, From: from, To: to}
	}
	if err := ValidateRelation(rel("claim", "source"), anns, s); err != nil {
		t.Errorf("claim → source: %v, want nil", err)
	}
	inDoc := rel("claim", "source")
	inDoc.DocumentID = "d1"
	if err := ValidateRelation(inDoc, anns, s); err != nil {
		t.Errorf("claim → source in d1: %v, want nil", err)
	}
	otherDoc := inDoc
	otherDoc.DocumentID = "d2"
	unknownType := rel("claim", "source")
	unknownType.Type = "supports"
	invalid := []struct {
		name string
		r    Relation
		want string
	}{
		{"no id", Relation{Type: RelationAttributedTo, From: "claim", To: "source"}, "relation attributed_to claim→source has no id"},
		{"unknown type", unknownType, `relation r1: type "supports" is not in the schema`},
		{"to itself", rel("claim", "claim"), "relation r1: links annotation claim to itself"},
		{"missing from", rel("nope", "source"), "relation r1: from annotation nope does not exist"},
		{"missing to", rel("claim", "nope"), "relation r1: to annotation nope does not exist"},
		{"across documents", rel("claim", "other"), "relation r1: annotations claim and other are in different documents (d1, d2)"},
		{"relation in another document", otherDoc, "relation r1: in document d2 but its annotations are in document d1"},
		{"wrong from kind", rel("source", "claim"), "relation r1: attributed_to must start from kind claim, but annotation source is SOURCE, of kind source"},
		{"wrong to kind", rel("claim", "person"), "relation r1: attributed_to must point to kind source, but annotation person is PERSON, of kind entity"},
		{"label not in schema", rel("claim", "gone"), `but annotation gone has label "REMOVED", which is not in the schema`},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			checkInvalid(t, ValidateRelation(tt.r, anns, s), tt.want)
		})
	}
}

// validDocument returns a document of "Shoigu said Kim sent troops." with
// a claim attributed to a source and a person inside the claim.
func validDocument() *DocumentData {
	text := "Shoigu said Kim sent troops."
	return &DocumentData{
		Document: Document{ID: "d1", Text: text, SHA256: SHA256Hex(text), Status: StatusInProgress},
		Annotations: []Annotation{
			{ID: "src", DocumentID: "d1", Start: 0, End: 6, Label: "SOURCE"},
			{ID: "clm", Start: 12, End: 27, Label: "CLAIM"},
			{ID: "per", DocumentID: "d1", Start: 12, End: 15, Label: "PERSON"},
		},
		Relations: []Relation{
			{ID: "r1", DocumentID: "d1", Type: RelationAttributedTo, From: "clm", To: "src"},
		},
	}
}

func TestValidateDocumentData(t *testing.T) {
	s := DefaultSchema()
	valid := []struct {
		name string
		edit func(d *DocumentData)
	}{
		{"as built", func(*DocumentData) {}},
		{"no SHA-256", func(d *DocumentData) { d.Document.SHA256 = "" }},
		{"no id yet", func(d *DocumentData) {
			d.Document.ID = ""
			for i := range d.Annotations {
				d.Annotations[i].DocumentID = ""
			}
			d.Relations[0].DocumentID = ""
		}},
		{"no annotations", func(d *DocumentData) { d.Annotations, d.Relations = nil, nil }},
		{"overlapping spans of one label", func(d *DocumentData) {
			d.Annotations = append(d.Annotations, Annotation{ID: "per2", Start: 13, End: 16, Label: "PERSON"})
		}},
		{"annotation ending at the text's end", func(d *DocumentData) {
			d.Annotations = append(d.Annotations, Annotation{ID: "dot", Start: 27, End: 28, Label: "MISC"})
		}},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			d := validDocument()
			tt.edit(d)
			if err := ValidateDocumentData(d, s); err != nil {
				t.Errorf("ValidateDocumentData = %v, want nil", err)
			}
		})
	}
	invalid := []struct {
		name string
		edit func(d *DocumentData)
		want string
	}{
		{"invalid UTF-8", func(d *DocumentData) {
			d.Document.Text = "Shoigu\xff said"
			d.Document.SHA256 = ""
		}, "document d1: text: invalid UTF-8 at byte 6"},
		{"SHA-256 of another text", func(d *DocumentData) { d.Document.Text += " More." }, "document d1: text does not match its SHA-256"},
		{"empty status", func(d *DocumentData) { d.Document.Status = "" }, `document d1: unknown status ""`},
		{"unknown status", func(d *DocumentData) { d.Document.Status = "reviewed" }, `unknown status "reviewed"`},
		{"annotation beyond the text", func(d *DocumentData) { d.Annotations[1].End = 29 }, "document d1: annotation clm: end 29 beyond text length 28"},
		{"annotation label", func(d *DocumentData) { d.Annotations[2].Label = "NOPE" }, `document d1: annotation per: label "NOPE" is not in the schema`},
		{"annotation of another document", func(d *DocumentData) { d.Annotations[0].DocumentID = "d2" }, "document d1: annotation src: belongs to document d2"},
		{"duplicate annotation id", func(d *DocumentData) { d.Annotations[2].ID = "src" }, "document d1: annotation src appears twice"},
		{"relation of another document", func(d *DocumentData) { d.Relations[0].DocumentID = "d2" }, "document d1: relation r1: belongs to document d2"},
		{"relation to a missing annotation", func(d *DocumentData) { d.Relations[0].To = "zzz" }, "document d1: relation r1: to annotation zzz does not exist"},
		{"relation kinds", func(d *DocumentData) { d.Relations[0].To = "per" }, "document d1: relation r1: attributed_to must point to kind source"},
		{"duplicate relation id", func(d *DocumentData) {
			d.Annotations = append(d.Annotations, Annotation{ID: "src2", Start: 0, End: 6, Label: "SOURCE"})
			d.Relations = append(d.Relations, Relation{ID: "r1", Type: RelationAttributedTo, From: "clm", To: "src2"})
		}, "document d1: relation r1 appears twice"},
		{"repeated relation", func(d *DocumentData) {
			d.Relations = append(d.Relations, Relation{ID: "r2", Type: RelationAttributedTo, From: "clm", To: "src"})
		}, "document d1: relation r2: repeats relation r1 (attributed_to clm→src)"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			d := validDocument()
			tt.edit(d)
			checkInvalid(t, ValidateDocumentData(d, s), tt.want)
		})
	}
	t.Run("named by title before it has an id", func(t *testing.T) {
		d := validDocument()
		d.Document.ID, d.Document.Title = "", "Kursk"
		d.Document.Status = "x"
		checkInvalid(t, ValidateDocumentData(d, s), `document "Kursk": unknown status "x"`)
		d.Document.Title = ""
		checkInvalid(t, ValidateDocumentData(d, s), `document without id: unknown status "x"`)
	})
	t.Run("nil", func(t *testing.T) {
		checkInvalid(t, ValidateDocumentData(nil, s), "document: missing")
	})
	t.Run("offsets are code points", func(t *testing.T) {
		// 27 code points but 32 bytes: an annotation may end at 27, not 32.
		text := "Zoë said “Kim sent troops.”"
		d := &DocumentData{
			Document:    Document{ID: "d1", Text: text, Status: StatusTodo},
			Annotations: []Annotation{{ID: "a", Start: 0, End: RuneLen(text), Label: "CLAIM"}},
		}
		if err := ValidateDocumentData(d, s); err != nil {
			t.Errorf("span over the whole text: %v, want nil", err)
		}
		d.Annotations[0].End = len(text)
		checkInvalid(t, ValidateDocumentData(d, s), "end 32 beyond text length 27")
	})
}
