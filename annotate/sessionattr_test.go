package annotate_test

import (
	"errors"
	"testing"

	"spanmark/annotate"
)

// tagClaim tags the first occurrence of word as a CLAIM.
func tagClaim(t *testing.T, s *annotate.Session, word string) annotate.Annotation {
	t.Helper()
	start, end := span(t, s, word)
	a, err := s.Tag(start, end, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// attrsOf returns the attribute values of annotation id in the session and
// checks that the store holds the same.
func attrsOf(t *testing.T, s *annotate.Session, st annotate.Store, id string) annotate.Attributes {
	t.Helper()
	assertOnDisk(t, s, st)
	a, ok := s.Annotation(id)
	if !ok {
		t.Fatalf("annotation %s is gone", id)
	}
	return a.Attributes
}

func TestSessionSetAttributeUndoRedo(t *testing.T) {
	s, st := openArticle(t)
	a := tagClaim(t, s, "Sergei Shoigu")
	verdict := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
	both := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true)})
	steps := []struct {
		name string
		op   func() error
		want annotate.Attributes
		undo string
	}{
		{"set verdict", func() error { return s.SetAttribute(a.ID, "verdict", annotate.StringValue("false")) },
			verdict, "set verdict false"},
		{"set checkworthy", func() error { return s.SetAttribute(a.ID, "checkworthy", annotate.BoolValue(true)) },
			both, "set checkworthy true"},
		{"clear checkworthy", func() error { return s.SetAttribute(a.ID, "checkworthy", annotate.AttrValue{}) },
			verdict, "clear checkworthy"},
	}
	var history []annotate.Attributes
	for _, st2 := range steps {
		history = append(history, attrsOf(t, s, st, a.ID))
		if err := st2.op(); err != nil {
			t.Fatalf("%s: %v", st2.name, err)
		}
		if got := attrsOf(t, s, st, a.ID); !got.Equal(st2.want) {
			t.Errorf("%s: attributes %v, want %v", st2.name, got, st2.want)
		}
		if name, _ := s.CanUndo(); name != st2.undo {
			t.Errorf("%s: CanUndo = %q, want %q", st2.name, name, st2.undo)
		}
	}
	for i := len(steps) - 1; i >= 0; i-- {
		if ok, err := s.Undo(); !ok || err != nil {
			t.Fatalf("Undo = %v, %v", ok, err)
		}
		if got := attrsOf(t, s, st, a.ID); !got.Equal(history[i]) {
			t.Errorf("undo %s: attributes %v, want %v", steps[i].name, got, history[i])
		}
	}
	for _, step := range steps {
		if ok, err := s.Redo(); !ok || err != nil {
			t.Fatalf("Redo = %v, %v", ok, err)
		}
		if got := attrsOf(t, s, st, a.ID); !got.Equal(step.want) {
			t.Errorf("redo %s: attributes %v, want %v", step.name, got, step.want)
		}
	}
}

func TestSessionSetAttributeSameValueIsNoStep(t *testing.T) {
	s, _ := openArticle(t)
	a := tagClaim(t, s, "Sergei Shoigu")
	if err := s.SetAttribute(a.ID, "checkworthy", annotate.AttrValue{}); err != nil {
		t.Fatal(err)
	}
	v := annotate.StringValue("mixed")
	for range 2 {
		if err := s.SetAttribute(a.ID, "verdict", v); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for {
		if ok, _ := s.Undo(); !ok {
			break
		}
		n++
	}
	if n != 2 { // the tag and one set
		t.Errorf("%d undo steps, want 2: clearing an unset value or repeating one adds none", n)
	}
}

func TestSessionSetAttributeRefusesBadValues(t *testing.T) {
	s, st := openArticle(t)
	claim := tagClaim(t, s, "Sergei Shoigu")
	start, end := span(t, s, "Moscow")
	loc, err := s.Tag(start, end, "LOC")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		id, attr  string
		v         annotate.AttrValue
		wantError error
	}{
		{"enum value not in the list", claim.ID, "verdict", annotate.StringValue("maybe"), annotate.ErrInvalid},
		{"string for a bool", claim.ID, "checkworthy", annotate.StringValue("yes"), annotate.ErrInvalid},
		{"bool for text", loc.ID, "kb_id", annotate.BoolValue(true), annotate.ErrInvalid},
		{"attribute of another label", loc.ID, "verdict", annotate.StringValue("false"), annotate.ErrInvalid},
		{"document attribute", claim.ID, "topic", annotate.StringValue("x"), annotate.ErrInvalid},
		{"no such annotation", "nope", "verdict", annotate.StringValue("false"), annotate.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.CanUndo()
			err := s.SetAttribute(tt.id, tt.attr, tt.v)
			if !errors.Is(err, tt.wantError) {
				t.Errorf("SetAttribute = %v, want %v", err, tt.wantError)
			}
			if after, _ := s.CanUndo(); after != before {
				t.Errorf("a refused value added the step %q", after)
			}
			if got := attrsOf(t, s, st, claim.ID); got != nil {
				t.Errorf("claim attributes %v, want none", got)
			}
		})
	}
	if err := s.SetAttribute(loc.ID, "kb_id", annotate.StringValue("Q649")); err != nil {
		t.Errorf("kb_id on a LOC, an entity: %v", err)
	}
}

func TestSessionRelabelDropsValuesTheLabelLacks(t *testing.T) {
	s, st := openArticle(t)
	start, end := span(t, s, "Sergei Shoigu")
	a, err := s.Tag(start, end, "PERSON")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(a.ID, "kb_id", annotate.StringValue("Q312498")); err != nil {
		t.Fatal(err)
	}
	kept := annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q312498")})
	steps := []struct {
		label string
		want  annotate.Attributes
	}{
		{"ORG", kept}, // an entity too: kb_id belongs to every entity
		{"SOURCE", nil},
	}
	for _, step := range steps {
		if err := s.Relabel(a.ID, step.label); err != nil {
			t.Fatalf("Relabel(%s) = %v, want the values it lacks dropped", step.label, err)
		}
		if got := attrsOf(t, s, st, a.ID); !got.Equal(step.want) {
			t.Errorf("as %s: attributes %v, want %v", step.label, got, step.want)
		}
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := attrsOf(t, s, st, a.ID); !got.Equal(kept) {
		t.Errorf("after undo: attributes %v, want %v", got, kept)
	}
}

func TestSessionTagStartsWithDefaults(t *testing.T) {
	s, st := openArticle(t)
	schema := annotate.DefaultSchema()
	schema.Attributes[0].Default = annotate.StringValue("unverifiable") // verdict
	schema.Attributes[1].Default = annotate.BoolValue(false)            // checkworthy
	if err := st.SetSchema(schema, annotate.SchemaChange{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSchema(schema); err != nil {
		t.Fatal(err)
	}
	claim := tagClaim(t, s, "Sergei Shoigu")
	want := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("unverifiable"), "checkworthy": annotate.BoolValue(false)})
	if got := attrsOf(t, s, st, claim.ID); !got.Equal(want) {
		t.Errorf("new claim: attributes %v, want the defaults %v", got, want)
	}
	start, end := span(t, s, "Moscow")
	loc, err := s.Tag(start, end, "LOC")
	if err != nil {
		t.Fatal(err)
	}
	if got := attrsOf(t, s, st, loc.ID); got != nil {
		t.Errorf("new LOC: attributes %v, want none", got)
	}
}
