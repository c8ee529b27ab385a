package annotate_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/mock"
)

// statsStore is a store of two documents whose annotations include a
// label and a relation type the schema lacks.
func statsStore() *mock.Store {
	docs := []*annotate.DocumentData{
		{
			Document: annotate.Document{ID: "d1", Status: annotate.StatusDone},
			Annotations: []annotate.Annotation{
				{ID: "a1", Label: "PERSON"}, {ID: "a2", Label: "PERSON"}, {ID: "a3", Label: "CLAIM"}, {ID: "a4", Label: "SOURCE"},
			},
			Relations: []annotate.Relation{{ID: "r1", Type: annotate.RelationAttributedTo}},
		},
		{
			Document:    annotate.Document{ID: "d2", Status: annotate.StatusTodo},
			Annotations: []annotate.Annotation{{ID: "b1", Label: "GONE"}, {ID: "b2", Label: "ANOTHER"}, {ID: "b3", Label: "LOC"}},
			Relations:   []annotate.Relation{{ID: "q1", Type: "cites"}},
		},
	}
	return &mock.Store{
		DocumentsFn: func() ([]annotate.DocumentInfo, error) {
			return []annotate.DocumentInfo{
				{ID: "d1", Status: annotate.StatusDone, Runes: 1200, Annotations: 4, Relations: 1},
				{ID: "d2", Status: annotate.StatusTodo, Runes: 34, Annotations: 3, Relations: 1},
			}, nil
		},
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
		EachFn: func(fn func(*annotate.DocumentData) error) error {
			for _, d := range docs {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func TestComputeStats(t *testing.T) {
	got, err := annotate.ComputeStats(statsStore())
	if err != nil {
		t.Fatal(err)
	}
	want := annotate.Stats{
		Documents:   2,
		Runes:       1234,
		ByStatus:    map[annotate.Status]int{annotate.StatusDone: 1, annotate.StatusTodo: 1},
		Annotations: 7,
		Labels: []annotate.LabelCount{
			{Label: "PERSON", Kind: annotate.KindEntity, Count: 2},
			{Label: "ORG", Kind: annotate.KindEntity},
			{Label: "LOC", Kind: annotate.KindEntity, Count: 1},
			{Label: "DATE", Kind: annotate.KindEntity},
			{Label: "QUANTITY", Kind: annotate.KindEntity},
			{Label: "MISC", Kind: annotate.KindEntity},
			{Label: "CLAIM", Kind: annotate.KindClaim, Count: 1},
			{Label: "SOURCE", Kind: annotate.KindSource, Count: 1},
			{Label: "ANOTHER", Count: 1},
			{Label: "GONE", Count: 1},
		},
		Relations: 2,
		Types:     []annotate.TypeCount{{Type: annotate.RelationAttributedTo, Count: 1}, {Type: "cites", Count: 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestComputeStatsErrors(t *testing.T) {
	broken := errors.New("disk on fire")
	tests := []struct {
		name string
		fail func(*mock.Store)
	}{
		{"documents", func(s *mock.Store) {
			s.DocumentsFn = func() ([]annotate.DocumentInfo, error) { return nil, broken }
		}},
		{"schema", func(s *mock.Store) {
			s.SchemaFn = func() (annotate.Schema, error) { return annotate.Schema{}, broken }
		}},
		{"each", func(s *mock.Store) {
			s.EachFn = func(func(*annotate.DocumentData) error) error { return broken }
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := statsStore()
			tc.fail(s)
			if _, err := annotate.ComputeStats(s); !errors.Is(err, broken) {
				t.Errorf("got %v, want %v", err, broken)
			}
		})
	}
}

func TestStatsWriteText(t *testing.T) {
	st, err := annotate.ComputeStats(statsStore())
	if err != nil {
		t.Fatal(err)
	}
	st.ByStatus["archived"] = 3
	var b strings.Builder
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `documents                       2
  todo                          1
  in_progress                   0
  done                          1
  archived                      3
characters                      1234
annotations                     7
  PERSON         entity         2
  ORG            entity         0
  LOC            entity         1
  DATE           entity         0
  QUANTITY       entity         0
  MISC           entity         0
  CLAIM          claim          1
  SOURCE         source         1
  ANOTHER        not in schema  1
  GONE           not in schema  1
relations                       2
  attributed_to                 1
  cites                         1
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
