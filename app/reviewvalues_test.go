package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/storage"
)

// setValues gives every annotation of label in the project at path the
// values vs.
func setValues(t *testing.T, path, label string, vs annotate.Attributes) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	data, err := st.Load(infos[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var e annotate.Edit
	for _, a := range data.Annotations {
		if a.Label == label {
			a.Attributes = vs
			e.PutAnnotations = append(e.PutAnnotations, a)
		}
	}
	if err := st.Apply(data.Document.ID, e); err != nil {
		t.Fatal(err)
	}
}

// reviewingValues reviews the fixture projects with the agreed SOURCE
// "Shoigu" a named person in mine and anonymous in theirs.
func reviewingValues(t *testing.T) *workspace {
	return reviewing(t, func(t *testing.T, theirs string) string {
		// reviewing has written mine beside theirs, and opens it after
		// this returns.
		setValues(t, filepath.Join(filepath.Dir(theirs), "mine.spanmark"), "SOURCE",
			annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")}))
		setValues(t, theirs, "SOURCE", annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("anonymous")}))
		return theirs
	})
}

// TestReviewValues: an agreed span whose values differ is a disagreement
// of its own, which n reaches and the bar and the tooltip describe, and
// taking theirs takes their values, as one undoable step.
func TestReviewValues(t *testing.T) {
	for _, how := range []string{"key", "button"} {
		t.Run(how, func(t *testing.T) {
			ws := reviewingValues(t)
			r := ws.review
			want := []agree.Class{agree.BoundaryDiff, agree.Agreed, agree.LabelDiff, agree.OnlyA, agree.OnlyB, agree.AttrDiff}
			if got := classes(ws); !equalClasses(got, want) {
				t.Fatalf("classes = %v, want %v", got, want)
			}
			it := stepTo(t, ws, agree.AttrDiff)
			const diff = "source_type: named_person (mine) / anonymous (theirs)"
			if !strings.Contains(r.bar.info.Text, "values differ: "+diff+" · SOURCE “Shoigu”") {
				t.Errorf("bar says %q, want the values that differ: %q", r.bar.info.Text, diff)
			}
			if tip, _ := r.tooltip(it.A.Start); !strings.Contains(tip, diff) {
				t.Errorf("tooltip %q, want %q", tip, diff)
			}
			if ws.active != it.A.ID || r.bar.accept.Disabled() {
				t.Errorf("selected %q, accept disabled %v; want my SOURCE selected and accept enabled", ws.active, r.bar.accept.Disabled())
			}
			// n and p step around the document back to it.
			key(ws, 'n')
			key(ws, 'p')
			if got, _ := r.item(); keyOf(got) != keyOf(it) {
				t.Fatalf("n then p made %+v current, want the values difference", got)
			}

			before := len(onDisk(t, ws).Annotations)
			if how == "key" {
				key(ws, 't')
			} else {
				test.Tap(r.bar.accept)
			}
			data := onDisk(t, ws)
			got, ok := find(data, it.A.Start, it.A.End)
			if !ok || got.ID != it.A.ID || got.Attributes.Get("source_type") != annotate.StringValue("anonymous") || len(data.Annotations) != before {
				t.Fatalf("after taking theirs: %+v (found %v), %d annotations, had %d; want my SOURCE anonymous",
					got, ok, len(data.Annotations), before)
			}
			if slices.Contains(classes(ws), agree.AttrDiff) {
				t.Errorf("classes after taking theirs = %v, want no values difference", classes(ws))
			}

			ws.undo()
			got, _ = find(onDisk(t, ws), it.A.Start, it.A.End)
			if v := got.Attributes.Get("source_type"); v != annotate.StringValue("named_person") {
				t.Errorf("after undo source_type = %q, want named_person", v)
			}
			if !slices.Contains(classes(ws), agree.AttrDiff) {
				t.Errorf("classes after undo = %v, want the values difference back", classes(ws))
			}
		})
	}
}

func TestFittingValues(t *testing.T) {
	s := annotate.DefaultSchema()
	tests := []struct {
		name  string
		label string
		in    annotate.Attributes
		want  annotate.Attributes
		left  []string
	}{
		{"none", "CLAIM", nil, nil, nil},
		{"all fit", "CLAIM", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true)}),
			annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true)}), nil},
		{"unknown value", "CLAIM", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("pants_on_fire"), "checkworthy": annotate.BoolValue(false)}),
			annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)}), []string{"verdict"}},
		{"attribute of another label", "PERSON", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")}), nil, []string{"verdict"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, left := fittingValues(annotate.Annotation{ID: "a", Label: tt.label, Attributes: tt.in}, s)
			if !got.Equal(tt.want) || (got == nil) != (tt.want == nil) || !slices.Equal(left, tt.left) {
				t.Errorf("fittingValues = %v, %v; want %v, %v", got, left, tt.want, tt.left)
			}
		})
	}
}

func TestAttrFiguresText(t *testing.T) {
	f := agree.Figures{Attributes: map[string]agree.AttrFigures{
		"document.topic": {Pairs: 2, Agreed: 2, Kappa: 1},
		"CLAIM.verdict":  {Pairs: 4, Agreed: 3, Kappa: 0.5},
	}}
	want := strings.Join([]string{
		"",
		"",
		"values         pairs agree  kappa",
		"CLAIM.verdict      4  0.75   0.50",
		"document.topic     2  1.00   1.00",
	}, "\n")
	if got := figuresText(f); !strings.HasSuffix(got, want) {
		t.Errorf("figuresText =\n%s\nwant it to end in\n%s", got, want)
	}
}

func TestDescribeValues(t *testing.T) {
	text := func(start, end int) string { return "Shoigu" }
	mine := &annotate.Annotation{Start: 0, End: 6, Label: "SOURCE", Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")})}
	theirs := &annotate.Annotation{Start: 0, End: 6, Label: "SOURCE", Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("anonymous")})}
	other := &annotate.Annotation{Start: 0, End: 6, Label: "PERSON"}
	tests := []struct {
		name string
		it   agree.DiffItem
		want string
	}{
		{"values differ", agree.DiffItem{Class: agree.AttrDiff, A: mine, B: theirs},
			"values differ: source_type: named_person (mine) / anonymous (theirs) · SOURCE “Shoigu”"},
		{"agreed", agree.DiffItem{Class: agree.Agreed, A: mine, B: mine}, "agreed: SOURCE “Shoigu”"},
		{"label and values", agree.DiffItem{Class: agree.LabelDiff, A: mine, B: other},
			"labels differ: mine SOURCE “Shoigu” · theirs PERSON “Shoigu” · source_type: named_person (mine) / unset (theirs)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(tt.it, text); got != tt.want {
				t.Errorf("describe = %q, want %q", got, tt.want)
			}
		})
	}
}
