package annotate

import (
	"slices"
	"testing"
)

func TestCompareAnnotations(t *testing.T) {
	tests := []struct {
		name string
		a, b Annotation
		want int
	}{
		{"earlier start first", Annotation{ID: "z", Start: 1, End: 9}, Annotation{ID: "a", Start: 2, End: 3}, -1},
		{"later start last", Annotation{ID: "a", Start: 5, End: 6}, Annotation{ID: "z", Start: 4, End: 20}, 1},
		{"same start, shorter first", Annotation{ID: "z", Start: 3, End: 4}, Annotation{ID: "a", Start: 3, End: 8}, -1},
		{"same start, longer last", Annotation{ID: "a", Start: 3, End: 8}, Annotation{ID: "z", Start: 3, End: 4}, 1},
		{"same range, by id", Annotation{ID: "a", Start: 3, End: 4, Label: "Z"}, Annotation{ID: "b", Start: 3, End: 4, Label: "A"}, -1},
		{"same range, id after", Annotation{ID: "b", Start: 3, End: 4}, Annotation{ID: "a", Start: 3, End: 4}, 1},
		{"label does not count", Annotation{ID: "a", Start: 3, End: 4, Label: "X"}, Annotation{ID: "a", Start: 3, End: 4, Label: "Y"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CompareAnnotations(tt.a, tt.b); got != tt.want {
				t.Errorf("CompareAnnotations(%+v, %+v) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := CompareAnnotations(tt.b, tt.a); got != -tt.want {
				t.Errorf("CompareAnnotations(%+v, %+v) = %d, want %d", tt.b, tt.a, got, -tt.want)
			}
		})
	}
}

// TestCompareAnnotationsSorts checks that sorting by CompareAnnotations
// gives one order whatever order the annotations come in.
func TestCompareAnnotationsSorts(t *testing.T) {
	want := []Annotation{
		{ID: "b", Start: 0, End: 2},
		{ID: "a", Start: 0, End: 5},
		{ID: "c", Start: 0, End: 5},
		{ID: "a2", Start: 1, End: 2},
		{ID: "0", Start: 7, End: 8},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareAnnotations)
	if !slices.Equal(got, want) {
		t.Errorf("sorted: got %v, want %v", got, want)
	}
}
