package formats

import (
	"reflect"
	"strings"
	"testing"
)

// TestLabelStudioPredictions reads tasks with ImportOptions.Predictions:
// the first prediction's regions are read, not the annotations, each
// with its own score, else its prediction's, else 1; a task without
// predictions gives its annotation, scored 1.
func TestLabelStudioPredictions(t *testing.T) {
	ann := `"annotations": [{"result": [` + lsRegionJSON("a", 8, 10, "so", "CLAIM") + `]}]`
	scored := func(id string, start, end int, text, label, score string) string {
		r := lsRegionJSON(id, start, end, text, label)
		return r[:len(r)-1] + `, "score": ` + score + `}`
	}
	tests := []struct {
		name   string
		in     string
		spans  []string
		scores []float64 // in the order of the annotations, by place
	}{
		{"region scores", `{"data": {"text": "Bo said so."}, ` + ann + `, "predictions": [{"score": 0.5, "result": [` +
			scored("p", 0, 2, "Bo", "PERSON", "0.9") + `,` + lsRegionJSON("q", 8, 10, "so", "MISC") + `]}]}`,
			[]string{`MISC [8,10) "so"`, `PERSON [0,2) "Bo"`}, []float64{0.9, 0.5}},
		{"no score", `{"data": {"text": "Bo said so."}, "predictions": [{"result": [` + lsRegionJSON("p", 0, 2, "Bo", "PERSON") + `]}]}`,
			[]string{`PERSON [0,2) "Bo"`}, []float64{1}},
		{"annotations only", `{"data": {"text": "Bo said so."}, ` + ann + `}`, []string{`CLAIM [8,10) "so"`}, []float64{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := toolImportOptions()
			o.Predictions = true
			docs, rep, err := ImportLabelStudio(strings.NewReader(tt.in), "x.json", o)
			if err != nil {
				t.Fatal(err)
			}
			if got := toolViewOf(docs[0], false, false).Spans; !reflect.DeepEqual(got, tt.spans) {
				t.Errorf("spans: got %q, want %q", got, tt.spans)
			}
			var got []float64
			for _, a := range docs[0].Annotations {
				s, ok := rep.Scores[a.ID]
				if !ok {
					t.Errorf("annotation %s [%d,%d) has no score", a.ID, a.Start, a.End)
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tt.scores) {
				t.Errorf("scores: got %v, want %v", got, tt.scores)
			}
		})
	}
	t.Run("bad score", func(t *testing.T) {
		o := toolImportOptions()
		o.Predictions = true
		in := `{"data": {"text": "Bo said so."}, "predictions": [{"result": [` + scored("p", 0, 2, "Bo", "PERSON", "1.5") + `]}]}`
		_, _, err := ImportLabelStudio(strings.NewReader(in), "x.json", o)
		if want := "x.json: line 1: task 1: prediction result 1: score 1.5 is not a number from 0 to 1"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want an error with %q", err, want)
		}
	})
}
