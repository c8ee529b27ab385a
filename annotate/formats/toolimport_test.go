package formats

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

func TestNewLabels(t *testing.T) {
	in := `{"text": "Ana met Bo in Oslo.", "label": [[0, 3, "PERSON"], [8, 10, "Named Entity"], [14, 18, "claim"], [0, 18, "Source"]]}`
	docs, rep, err := ImportDoccano(strings.NewReader(in), "new.jsonl", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
	var got []string
	for _, l := range rep.NewLabels {
		got = append(got, fmt.Sprintf("%s %s %s", l.Name, l.Kind, l.Color))
	}
	want := []string{"Named_Entity entity #8c564b", "claim claim #e377c2", "Source source #bcbd22"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("new labels %q, want %q", got, want)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], `label "Named Entity" renamed "Named_Entity"`) {
		t.Errorf("notes %q, want one about the renamed label", rep.Notes)
	}
}

// TestNewRelations checks that relation types the schema lacks are added
// as labels are, with the kinds of their first relation's ends, rather
// than their relations left out (issue 9: brat's example-data lost all
// its relations).
func TestNewRelations(t *testing.T) {
	bratTxt := "Ana met Bo in Oslo. Bo said so."
	tests := []struct {
		name      string
		read      func() ([]*annotate.DocumentData, Report, error)
		want      []string // the new relation types, "name from→to"
		relations int
		notes     []string // what each note holds
	}{
		{"brat", func() ([]*annotate.DocumentData, Report, error) {
			return toolBrat(bratTxt, "T1\tPERSON 0 3\tAna\nT2\tPERSON 8 10\tBo\nT3\tLOC 14 18\tOslo\nT4\tCLAIM 28 30\tso\n"+
				"R1\tMet Arg1:T1 Arg2:T2\nR2\tIn Arg1:T1 Arg2:T3\nR3\tMet Arg1:T2 Arg2:T1\nR4\tCites Arg1:T4 Arg2:T2\n", toolImportOptions())
		}, []string{"Met entity→entity", "In entity→entity", "Cites claim→entity"}, 4, nil},
		{"doccano", func() ([]*annotate.DocumentData, Report, error) {
			in := `{"text": "Google was founded by Larry Page.", "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"},` +
				` {"id": 1, "start_offset": 22, "end_offset": 32, "label": "PERSON"}], "relations": [{"from_id": 0, "to_id": 1, "type": "foundedBy"}]}`
			return ImportDoccano(strings.NewReader(in), "x.jsonl", toolImportOptions())
		}, []string{"foundedBy entity→entity"}, 1, nil},
		{"label studio", func() ([]*annotate.DocumentData, Report, error) {
			in := lsTaskJSON("Bo said so.", lsRegionJSON("a", 0, 2, "Bo", "SOURCE")+","+lsRegionJSON("b", 8, 10, "so", "CLAIM")+
				`,{"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": ["quotes", "attributed_to"]}`)
			return ImportLabelStudio(strings.NewReader(in), "x.json", toolImportOptions())
		}, []string{"quotes claim→source"}, 2, nil},
		{"renamed, and ends of other kinds left out", func() ([]*annotate.DocumentData, Report, error) {
			return toolBrat(bratTxt, "T1\tPERSON 0 3\tAna\nT2\tPERSON 8 10\tBo\nT4\tCLAIM 28 30\tso\n"+
				"R1\tpart:of Arg1:T1 Arg2:T2\nR2\tpart_of Arg1:T4 Arg2:T2\n", toolImportOptions())
		}, []string{"part_of entity→entity"}, 1,
			[]string{`relation type "part:of" renamed "part_of"`, "R2: relation left out: part_of must start from kind entity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			var got []string
			for _, rt := range rep.NewRelations {
				got = append(got, fmt.Sprintf("%s %s→%s", rt.Name, rt.FromKind, rt.ToKind))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("new relation types %q, want %q", got, tt.want)
			}
			if rep.Relations != tt.relations {
				t.Errorf("%d relations, want %d; notes %q", rep.Relations, tt.relations, rep.Notes)
			}
			if len(rep.Notes) != len(tt.notes) {
				t.Fatalf("notes %q, want %d", rep.Notes, len(tt.notes))
			}
			for i, n := range tt.notes {
				if !strings.Contains(rep.Notes[i], n) {
					t.Errorf("note %q, want it to hold %q", rep.Notes[i], n)
				}
			}
		})
	}
}

func TestIDs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"spanmark", "0123456789abcdef", true},
		{"upper case", "0123456789ABCDEF", false},
		{"short", "0123", false},
		{"not hex", "0123456789abcdeg", false},
		{"label studio", "Dx_aB91ISN", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSpanmarkID(tt.in); got != tt.want {
				t.Errorf("isSpanmarkID(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	ti := newToolImport("x", toolImportOptions())
	first := ti.id("0123456789abcdef")
	second := ti.id("0123456789abcdef")
	if first != "0123456789abcdef" || second == first {
		t.Errorf("ids %q, %q: want the first kept and the repeat replaced", first, second)
	}
}
