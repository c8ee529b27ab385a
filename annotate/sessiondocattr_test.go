package annotate_test

import (
	"errors"
	"strings"
	"testing"

	"spanmark/annotate"
)

// docAttrs returns the session's document attribute values and checks
// that the store holds the same.
func docAttrs(t *testing.T, s *annotate.Session, st annotate.Store) annotate.Attributes {
	t.Helper()
	data, err := st.Load(s.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Document().Attributes
	if !data.Document.Attributes.Equal(got) {
		t.Errorf("document attributes on disk %v, in session %v", data.Document.Attributes, got)
	}
	return got
}

func TestSessionSetDocumentAttributeUndoRedo(t *testing.T) {
	s, st := openArticle(t)
	defence := annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("defence")})
	budget := annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("budget — 2026")})
	steps := []struct {
		v    annotate.AttrValue
		want annotate.Attributes
		undo string
	}{
		{annotate.StringValue("defence"), defence, "set topic defence"},
		{annotate.StringValue("budget — 2026"), budget, "set topic budget — 2026"},
		{annotate.AttrValue{}, nil, "clear topic"},
	}
	var history []annotate.Attributes
	for _, step := range steps {
		history = append(history, docAttrs(t, s, st))
		if err := s.SetDocumentAttribute("topic", step.v); err != nil {
			t.Fatalf("set %v: %v", step.v, err)
		}
		if got := docAttrs(t, s, st); !got.Equal(step.want) {
			t.Errorf("set %v: attributes %v, want %v", step.v, got, step.want)
		}
		if name, _ := s.CanUndo(); name != step.undo {
			t.Errorf("CanUndo = %q, want %q", name, step.undo)
		}
	}
	for i := len(steps) - 1; i >= 0; i-- {
		if ok, err := s.Undo(); !ok || err != nil {
			t.Fatalf("Undo = %v, %v", ok, err)
		}
		if got := docAttrs(t, s, st); !got.Equal(history[i]) {
			t.Errorf("undo %q: attributes %v, want %v", steps[i].undo, got, history[i])
		}
	}
	for _, step := range steps {
		if ok, err := s.Redo(); !ok || err != nil {
			t.Fatalf("Redo = %v, %v", ok, err)
		}
		if got := docAttrs(t, s, st); !got.Equal(step.want) {
			t.Errorf("redo %q: attributes %v, want %v", step.undo, got, step.want)
		}
	}
	if got := s.Document().Status; got != annotate.StatusInProgress {
		t.Errorf("status %s, want in_progress: setting a value is work on the document", got)
	}
}

func TestSessionSetDocumentAttributeRefusesBadValues(t *testing.T) {
	s, st := openArticle(t)
	if err := s.SetDocumentAttribute("topic", annotate.AttrValue{}); err != nil {
		t.Fatalf("clearing an unset value: %v", err)
	}
	tests := []struct {
		name string
		attr string
		v    annotate.AttrValue
	}{
		{"an annotation's attribute", "verdict", annotate.StringValue("false")},
		{"no such attribute", "mood", annotate.StringValue("calm")},
		{"bool for text", "topic", annotate.BoolValue(true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SetDocumentAttribute(tt.attr, tt.v)
			if !errors.Is(err, annotate.ErrInvalid) {
				t.Errorf("SetDocumentAttribute = %v, want ErrInvalid", err)
			}
			if err != nil && !strings.Contains(err.Error(), "document "+s.Document().ID) {
				t.Errorf("error %q does not name the document", err)
			}
			if got := docAttrs(t, s, st); got != nil {
				t.Errorf("attributes %v, want none", got)
			}
		})
	}
	if name, ok := s.CanUndo(); ok {
		t.Errorf("refused and empty changes added the step %q", name)
	}
}
