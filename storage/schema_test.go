package storage

import (
	"errors"
	"reflect"
	"testing"

	"spanmark/annotate"
)

// edited returns the default schema changed by fn.
func edited(fn func(s *annotate.Schema)) annotate.Schema {
	s := annotate.DefaultSchema()
	fn(&s)
	return s
}

// without returns the default schema without the label called name.
func without(name string) annotate.Schema {
	s, err := annotate.DefaultSchema().RemoveLabel(name)
	if err != nil {
		panic(err)
	}
	return s
}

// labels returns the label of every annotation in the project by id.
func labels(t *testing.T, s *Store) map[string]string {
	t.Helper()
	got := make(map[string]string)
	err := s.Each(func(d *annotate.DocumentData) error {
		for _, a := range d.Annotations {
			got[a.ID] = a.Label
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSetSchema(t *testing.T) {
	// Labels in use by newApplyProject: PERSON p1, CLAIM c1, SOURCE s1 and
	// s2 (r1 links c1 to s1), MISC x1 in d2.
	initial := map[string]string{"p1": "PERSON", "c1": "CLAIM", "s1": "SOURCE", "s2": "SOURCE", "x1": "MISC"}
	tests := []struct {
		name       string
		schema     annotate.Schema
		renames    map[string]string
		wantErr    error
		wantLabels map[string]string // nil: as initial
	}{
		{name: "same schema", schema: annotate.DefaultSchema()},
		{name: "new colour", schema: edited(func(s *annotate.Schema) { s.Labels[0].Color = "#000000" })},
		{name: "new label", schema: edited(func(s *annotate.Schema) {
			s.Labels = append(s.Labels, annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#123456"})
		})},
		{name: "remove unused label", schema: without("ORG")},
		{name: "remove used label", wantErr: annotate.ErrLabelInUse,
			schema: without("PERSON")},
		{name: "invalid schema", wantErr: annotate.ErrInvalid,
			schema: edited(func(s *annotate.Schema) { s.Labels[0].Color = "red" })},
		{name: "rename label", renames: map[string]string{"PERSON": "PER", "MISC": "OTHER"},
			schema:     edited(func(s *annotate.Schema) { s.Labels[0].Name = "PER"; s.Labels[5].Name = "OTHER" }),
			wantLabels: map[string]string{"p1": "PER", "c1": "CLAIM", "s1": "SOURCE", "s2": "SOURCE", "x1": "OTHER"}},
		{name: "swap two labels", renames: map[string]string{"PERSON": "MISC", "MISC": "PERSON"},
			schema:     annotate.DefaultSchema(),
			wantLabels: map[string]string{"p1": "MISC", "c1": "CLAIM", "s1": "SOURCE", "s2": "SOURCE", "x1": "PERSON"}},
		{name: "rename into a missing label", wantErr: annotate.ErrInvalid,
			renames: map[string]string{"PERSON": "PER"}, schema: annotate.DefaultSchema()},
		{name: "rename but forget the schema", wantErr: annotate.ErrLabelInUse,
			renames: map[string]string{"PERSON": "ORG"}, schema: without("MISC")},
		{name: "change kind of a label in a relation", wantErr: annotate.ErrInvalid,
			schema: edited(func(s *annotate.Schema) { s.Labels[7].Kind = annotate.KindEntity })},
		{name: "change kind of a label in no relation",
			schema: edited(func(s *annotate.Schema) { s.Labels[0].Kind = annotate.KindSource })},
		{name: "remove relation type in use", wantErr: annotate.ErrInvalid,
			schema: edited(func(s *annotate.Schema) { s.Relations = nil })},
		{name: "turn a relation type around", wantErr: annotate.ErrInvalid,
			schema: edited(func(s *annotate.Schema) {
				s.Relations[0].FromKind, s.Relations[0].ToKind = s.Relations[0].ToKind, s.Relations[0].FromKind
			})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newApplyProject(t)
			before, _ := s.Schema()
			err := s.SetSchema(tt.schema, annotate.SchemaChange{Labels: tt.renames})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("SetSchema = %v, want %v", err, tt.wantErr)
			}
			got, _ := s.Schema()
			wantSchema, wantLabels := tt.schema, tt.wantLabels
			if err != nil {
				wantSchema, wantLabels = before, nil
			}
			if !reflect.DeepEqual(got, wantSchema) {
				t.Errorf("Schema() = %+v, want %+v", got, wantSchema)
			}
			if wantLabels == nil {
				wantLabels = initial
			}
			if got := labels(t, s); !reflect.DeepEqual(got, wantLabels) {
				t.Errorf("labels = %v, want %v", got, wantLabels)
			}
		})
	}
}
