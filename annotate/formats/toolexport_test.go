package formats

import (
	"reflect"
	"testing"

	"spanmark/annotate"
)

func TestKeepLongest(t *testing.T) {
	ann := func(id string, start, end int) annotate.Annotation {
		return annotate.Annotation{ID: id, Start: start, End: end, Label: "X"}
	}
	tests := []struct {
		name          string
		anns          []annotate.Annotation
		kept, dropped []string
	}{
		{"none", nil, nil, nil},
		{"apart", []annotate.Annotation{ann("a", 0, 3), ann("b", 3, 5)}, []string{"a", "b"}, nil},
		{"nested", []annotate.Annotation{ann("in", 2, 4), ann("out", 0, 10)}, []string{"out"}, []string{"in"}},
		{"crossing", []annotate.Annotation{ann("a", 0, 5), ann("b", 3, 10)}, []string{"b"}, []string{"a"}},
		{"tie keeps the earlier", []annotate.Annotation{ann("b", 3, 8), ann("a", 0, 5)}, []string{"a"}, []string{"b"}},
		{"chain", []annotate.Annotation{ann("a", 0, 4), ann("b", 3, 9), ann("c", 8, 12)}, []string{"b"}, []string{"a", "c"}},
		{"long between two", []annotate.Annotation{ann("a", 0, 2), ann("long", 1, 9), ann("c", 9, 11)}, []string{"long", "c"}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, dropped := keepLongest(tt.anns)
			var gotKept, gotDropped []string
			for _, a := range kept {
				gotKept = append(gotKept, a.ID)
			}
			for _, d := range dropped {
				gotDropped = append(gotDropped, d.dropped.ID)
			}
			if !reflect.DeepEqual(gotKept, tt.kept) || !reflect.DeepEqual(gotDropped, tt.dropped) {
				t.Errorf("kept %v dropped %v, want kept %v dropped %v", gotKept, gotDropped, tt.kept, tt.dropped)
			}
		})
	}
}

// TestOverlapDroppingGoldens compares the exports of the formats that
// cannot hold overlapping entities with their golden files, and checks
// that each drop is reported.
func TestOverlapDroppingGoldens(t *testing.T) {
	for _, format := range []struct {
		ext    string
		export ExportFunc
	}{
		{".spacy.jsonl", ExportSpacy},
		{".conll", ExportCoNLL},
	} {
		for _, f := range toolNamed(t) {
			t.Run(f.name+format.ext, func(t *testing.T) {
				out, warnings := toolExport(t, format.export, f.doc)
				toolGolden(t, f.name+format.ext, out)
				want := 0
				if f.name == "article" {
					want = 1 // Kim Jong Un inside "North Korean leader Kim Jong Un"
				}
				if len(warnings) != want {
					t.Errorf("warnings %q, want %d", warnings, want)
				}
			})
		}
	}
}
