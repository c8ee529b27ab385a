package annotate

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// labelNames returns the names of s's labels in order.
func labelNames(s Schema) []string {
	var names []string
	for _, l := range s.Labels {
		names = append(names, l.Name)
	}
	return names
}

func TestWithLabel(t *testing.T) {
	event := Label{Name: "EVENT", Kind: KindEntity, Color: "#123456", Key: "e"}
	newOrg := Label{Name: "ORG", Kind: KindSource, Color: "#abcdef", Key: "g"}
	tests := []struct {
		name      string
		label     Label
		wantNames []string
		wantErr   string
	}{
		{"adds at the end", event, []string{"PERSON", "ORG", "LOC", "DATE", "QUANTITY", "MISC", "CLAIM", "SOURCE", "EVENT"}, ""},
		{"replaces in place", newOrg, []string{"PERSON", "ORG", "LOC", "DATE", "QUANTITY", "MISC", "CLAIM", "SOURCE"}, ""},
		{"invalid colour", Label{Name: "EVENT", Kind: KindEntity, Color: "blue"}, nil, `set label "EVENT": schema: label "EVENT": colour "blue" is not #rrggbb`},
		{"key taken", Label{Name: "EVENT", Kind: KindEntity, Color: "#000000", Key: "p"}, nil, `key "p" is already the key of label "PERSON"`},
		{"no name", Label{Kind: KindEntity, Color: "#000000"}, nil, "label name is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSchema()
			got, err := s.WithLabel(tt.label)
			if tt.wantErr != "" {
				checkInvalid(t, err, tt.wantErr)
			} else if err != nil {
				t.Fatalf("WithLabel(%+v) error: %v", tt.label, err)
			} else {
				if names := labelNames(got); !slices.Equal(names, tt.wantNames) {
					t.Errorf("labels = %q, want %q", names, tt.wantNames)
				}
				if l, _ := got.Label(tt.label.Name); l != tt.label {
					t.Errorf("Label(%q) = %+v, want %+v", tt.label.Name, l, tt.label)
				}
			}
			if !slices.Equal(s.Labels, DefaultSchema().Labels) {
				t.Errorf("WithLabel changed the receiver: %+v", s.Labels)
			}
		})
	}
}

func TestRenameLabel(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		wantErr  error
		wantMsg  string
	}{
		{"renames", "ORG", "ORGANISATION", nil, ""},
		{"same name", "ORG", "ORG", nil, ""},
		{"missing", "EVENT", "EVENTS", ErrNotFound, `rename label "EVENT": not found`},
		{"name taken", "ORG", "PERSON", ErrInvalid, `rename label "ORG" to "PERSON": a label called "PERSON" exists`},
		{"bad name", "ORG", "NEWS ORG", ErrInvalid, `rename label "ORG" to "NEWS ORG": schema: label "NEWS ORG"`},
		{"empty name", "ORG", "", ErrInvalid, "label name is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSchema()
			got, err := s.RenameLabel(tt.old, tt.new)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("RenameLabel(%q, %q) error = %v, want %v", tt.old, tt.new, err, tt.wantErr)
			}
			if tt.wantErr != nil {
				if !strings.Contains(err.Error(), tt.wantMsg) {
					t.Errorf("error = %q, want it to contain %q", err, tt.wantMsg)
				}
				return
			}
			want := DefaultSchema()
			want.Labels[1].Name = tt.new
			if !slices.Equal(got.Labels, want.Labels) || !slices.Equal(got.Relations, want.Relations) {
				t.Errorf("RenameLabel(%q, %q) = %+v, want %+v", tt.old, tt.new, got, want)
			}
			if !slices.Equal(s.Labels, DefaultSchema().Labels) {
				t.Errorf("RenameLabel changed the receiver: %+v", s.Labels)
			}
		})
	}
}

func TestRemoveLabel(t *testing.T) {
	s := DefaultSchema()
	got, err := s.RemoveLabel("LOC")
	if err != nil {
		t.Fatalf("RemoveLabel(LOC) error: %v", err)
	}
	want := []string{"PERSON", "ORG", "DATE", "QUANTITY", "MISC", "CLAIM", "SOURCE"}
	if names := labelNames(got); !slices.Equal(names, want) {
		t.Errorf("labels = %q, want %q", names, want)
	}
	if got.KindOf("LOC") != "" {
		t.Errorf("KindOf(LOC) after removal = %q, want empty", got.KindOf("LOC"))
	}
	if !slices.Equal(s.Labels, DefaultSchema().Labels) {
		t.Errorf("RemoveLabel changed the receiver: %+v", s.Labels)
	}
	if _, err := s.RemoveLabel("EVENT"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemoveLabel(EVENT) error = %v, want ErrNotFound", err)
	}
}
