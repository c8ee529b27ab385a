package formats

import (
	"bytes"
	"reflect"
	"testing"

	"spanmark/annotate"
)

func TestLabelStudioGolden(t *testing.T) {
	for _, f := range toolNamed(t) {
		t.Run(f.name, func(t *testing.T) {
			out, warnings := toolExport(t, ExportLabelStudio, f.doc)
			toolGolden(t, f.name+".labelstudio.json", out)
			if len(warnings) != 0 {
				t.Errorf("warnings %q, want none", warnings)
			}
		})
	}
	t.Run("config", func(t *testing.T) {
		toolGolden(t, "labelstudio-config.xml", []byte(LabelStudioConfig(annotate.DefaultSchema())))
	})
}

func TestLabelStudioEmpty(t *testing.T) {
	tests := []struct {
		name string
		docs []*annotate.DocumentData
		want string
	}{
		{"no documents", nil, "[\n\n]\n"},
		{"a document to do", []*annotate.DocumentData{{Document: annotate.Document{ID: "d", Text: "Hi", Status: annotate.StatusTodo}}},
			"[\n" + `{"data":{"text":"Hi","title":""},"meta":{"spanmark_id":"d","sha256":"","status":"todo"},"annotations":[]}` + "\n]\n"},
		{"a document done", []*annotate.DocumentData{{Document: annotate.Document{ID: "d", Text: "Hi", Status: annotate.StatusDone}}},
			"[\n" + `{"data":{"text":"Hi","title":""},"meta":{"spanmark_id":"d","sha256":"","status":"done"},"annotations":[{"result":[]}]}` + "\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportLabelStudio(&buf, toolSeq(tt.docs...), ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if _, _, err := ImportLabelStudio(&buf, "x.json", toolImportOptions()); err != nil {
				t.Errorf("the export does not import: %v", err)
			}
		})
	}
}

func TestLabelStudioConfigEscapes(t *testing.T) {
	s := annotate.Schema{Labels: []annotate.Label{{Name: `A&B"`, Color: "#000000"}}}
	want := "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"A&amp;B&#34;\" background=\"#000000\"/>\n" +
		"  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n"
	if got := LabelStudioConfig(s); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestLabelStudioRoundTrip(t *testing.T) {
	want := toolFixtures(t)
	out, _ := toolExport(t, ExportLabelStudio, want...)
	got, rep, err := ImportLabelStudio(bytes.NewReader(out), "x.json", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, got, rep, annotate.DefaultSchema())
	toolCompare(t, got, want, true, true)
	for i := range want {
		if g, w := toolIDs(got[i]), toolIDs(want[i]); !reflect.DeepEqual(g, w) {
			t.Errorf("document %d: annotations by id\n%v\nwant\n%v", i, g, w)
		}
		if got[i].Document.ID != want[i].Document.ID || got[i].Document.Status != want[i].Document.Status {
			t.Errorf("document %d is %s %s, want %s %s", i, got[i].Document.ID, got[i].Document.Status,
				want[i].Document.ID, want[i].Document.Status)
		}
	}
	if rep.Repaired != 0 || len(rep.Notes) != 0 || len(rep.Unconfirmed) != 0 {
		t.Errorf("report %+v, want nothing repaired, noted or unconfirmed", rep)
	}
}
