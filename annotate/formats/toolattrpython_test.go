package formats

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
)

// toolAttrExpected writes, for check_attributes.py, each document's
// text and values, and its spans [start, end, label, text, values].
func toolAttrExpected(t *testing.T, docs ...*annotate.DocumentData) string {
	t.Helper()
	type doc struct {
		Text       string              `json:"text"`
		Attributes annotate.Attributes `json:"attributes"`
		Spans      [][]any             `json:"spans"`
	}
	var out struct {
		Documents []doc `json:"documents"`
	}
	for _, d := range docs {
		runes := []rune(d.Document.Text)
		e := doc{Text: d.Document.Text, Attributes: d.Document.Attributes}
		for _, a := range d.Annotations {
			vals := a.Attributes
			if vals == nil {
				vals = annotate.Attributes{}
			}
			e.Spans = append(e.Spans, []any{a.Start, a.End, a.Label, string(runes[a.Start:a.End]), vals})
		}
		out.Documents = append(out.Documents, e)
	}
	return toolTempJSON(t, out)
}

// TestPythonReadsToolAttributes has testdata/check_attributes.py read the
// Label Studio, W3C and spaCy exports of the article with values of every
// type, with plain json: each value must be on the span with the same
// code-point text. With one value changed on the Go side, it must fail.
func TestPythonReadsToolAttributes(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	d := toolAttrArticle(t)
	dir := t.TempDir()
	var pairs []string
	for _, f := range []struct{ format, file string }{
		{"labelstudio", "out.json"}, {"w3c", "out.jsonld"}, {"spacy", "out.jsonl"},
	} {
		path := filepath.Join(dir, f.file)
		toolExportFile(t, f.format, path, d)
		pairs = append(pairs, f.format, path)
	}
	script := filepath.Join("..", "..", "testdata", "check_attributes.py")
	out, err := exec.Command(python, append([]string{script, toolAttrExpected(t, d)}, pairs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("check_attributes.py: %v\n%s", err, out)
	}
	for i := 1; i < len(pairs); i += 2 {
		if !strings.Contains(string(out), "ok: "+pairs[i]+": 7 values") {
			t.Errorf("check_attributes.py did not pass %s with 7 values:\n%s", pairs[i], out)
		}
	}
	changed := *d
	changed.Annotations = append([]annotate.Annotation(nil), d.Annotations...)
	changed.Annotations[13].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("true"), "checkworthy": annotate.BoolValue(true)})
	out, err = exec.Command(python, append([]string{script, toolAttrExpected(t, &changed)}, pairs...)...).CombinedOutput()
	if err == nil || strings.Count(string(out), "'verdict': 'true'") != 3 {
		t.Errorf("check_attributes.py passed a changed verdict, or did not name it for each format:\n%s", out)
	}
}
