// Every golden export's spans, sliced as its consumers slice them: in
// Python by testdata/check_formats.py, and in Go without the package's
// importers.

package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// toolExpected writes, for check_formats.py, each fixture document's text
// and its spans [start, end, label, text] in code points.
func toolExpected(t *testing.T, docs []*annotate.DocumentData) string {
	t.Helper()
	type doc struct {
		Text  string  `json:"text"`
		Spans [][]any `json:"spans"`
	}
	var out struct {
		Documents []doc `json:"documents"`
	}
	for _, d := range docs {
		runes := []rune(d.Document.Text)
		e := doc{Text: d.Document.Text}
		for _, a := range d.Annotations {
			e.Spans = append(e.Spans, []any{a.Start, a.End, a.Label, string(runes[a.Start:a.End])})
		}
		out.Documents = append(out.Documents, e)
	}
	return toolTempJSON(t, out)
}

// toolTempJSON writes v as JSON to expected.json in a temporary folder,
// for a Python check, and returns its path.
func toolTempJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "expected.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// toolGoldenFiles lists the golden exports of each fixture by format.
var toolGoldenFiles = []struct{ format, suffix string }{
	{"spacy", ".spacy.jsonl"}, {"doccano", ".doccano.jsonl"}, {"doccano", ".doccano-relations.jsonl"},
	{"labelstudio", ".labelstudio.json"}, {"brat", ".brat"}, {"conll", ".conll"}, {"w3c", ".w3c.jsonld"},
}

// toolPython runs testdata/check_formats.py with the expected documents
// and pairs of format and path; it skips the test without python3.
func toolPython(t *testing.T, docs []*annotate.DocumentData, pairs ...string) (string, error) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	args := append([]string{filepath.Join("..", "..", "testdata", "check_formats.py"), toolExpected(t, docs)}, pairs...)
	out, err := exec.Command(python, args...).CombinedOutput()
	return string(out), err
}

// TestPythonSlicesExports runs testdata/check_formats.py on every golden
// export: Python's text[start:end] must give each annotation's text.
func TestPythonSlicesExports(t *testing.T) {
	for _, f := range toolNamed(t) {
		t.Run(f.name, func(t *testing.T) {
			var pairs []string
			for _, g := range toolGoldenFiles {
				pairs = append(pairs, g.format, filepath.Join(toolGoldenDir, f.name+g.suffix))
			}
			out, err := toolPython(t, []*annotate.DocumentData{f.doc}, pairs...)
			if err != nil {
				t.Fatalf("check_formats.py: %v\n%s", err, out)
			}
			for i := 1; i < len(pairs); i += 2 {
				if !strings.Contains(out, "ok: "+pairs[i]+": ") {
					t.Errorf("check_formats.py did not pass %s:\n%s", pairs[i], out)
				}
			}
		})
	}
}

// TestPythonCheckerFails makes sure check_formats.py can fail: spans
// moved by one code point must be reported.
func TestPythonCheckerFails(t *testing.T) {
	doc := toolUnicode(t)
	moved := *doc
	moved.Annotations = slices.Clone(doc.Annotations)
	for i := range moved.Annotations {
		moved.Annotations[i].Start++
		moved.Annotations[i].End++
	}
	var buf bytes.Buffer
	if err := ExportSpacy(&buf, toolSeq(&moved), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "moved.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := toolPython(t, []*annotate.DocumentData{doc}, "spacy", path)
	if err == nil || !strings.Contains(out, "was not exported") {
		t.Fatalf("check_formats.py passed a file with every span moved:\n%s", out)
	}
}

// toolSliced is a span as an export gives it: its document's text, its
// offsets and label, and its text as the export quotes it, if it does.
type toolSliced struct {
	text       string
	start, end int
	label      string
	quote      *string
}

// toolReadExport reads the spans of a golden export without the
// package's importers, so that a bug shared by an exporter and its
// importer cannot hide.
func toolReadExport(t *testing.T, format, path string) []toolSliced {
	t.Helper()
	var out []toolSliced
	num := func(v any) int { return int(v.(float64)) }
	quote := func(v any) *string { s := v.(string); return &s }
	switch format {
	case "spacy", "doccano":
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			text := rec["text"].(string)
			var spans []any
			switch {
			case rec["spans"] != nil:
				spans = append(rec["spans"].(map[string]any)["sc"].([]any), rec["entities"].([]any)...)
			case rec["label"] != nil:
				spans = rec["label"].([]any)
			}
			for _, s := range spans {
				s := s.([]any)
				out = append(out, toolSliced{text, num(s[0]), num(s[1]), s[2].(string), nil})
			}
			if ents, ok := rec["entities"].([]any); ok && rec["spans"] == nil {
				for _, e := range ents {
					e := e.(map[string]any)
					out = append(out, toolSliced{text, num(e["start_offset"]), num(e["end_offset"]), e["label"].(string), nil})
				}
			}
		}
	case "labelstudio":
		var tasks []map[string]any
		toolReadJSON(t, path, &tasks)
		for _, task := range tasks {
			text := task["data"].(map[string]any)["text"].(string)
			for _, a := range task["annotations"].([]any) {
				for _, r := range a.(map[string]any)["result"].([]any) {
					r := r.(map[string]any)
					if r["type"] == "labels" {
						v := r["value"].(map[string]any)
						out = append(out, toolSliced{text, num(v["start"]), num(v["end"]), v["labels"].([]any)[0].(string), quote(v["text"])})
					}
				}
			}
		}
	case "w3c":
		var coll map[string]any
		toolReadJSON(t, path, &coll)
		var text string
		for _, it := range coll["first"].(map[string]any)["items"].([]any) {
			it := it.(map[string]any)
			if it["motivation"] != "tagging" {
				continue
			}
			target := it["target"].(map[string]any)
			if src, ok := target["source"].(map[string]any); ok {
				text = src["spanmark:text"].(string)
			}
			body, ok := it["body"].(map[string]any)
			if !ok {
				body = it["body"].([]any)[0].(map[string]any)
			}
			sels := target["selector"].([]any)
			q, pos := sels[0].(map[string]any), sels[1].(map[string]any)
			out = append(out, toolSliced{text, num(pos["start"]), num(pos["end"]), body["value"].(string), quote(q["exact"])})
		}
	case "brat":
		entries, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			stem, ok := strings.CutSuffix(e.Name(), ".txt")
			if !ok {
				continue
			}
			txt, err := os.ReadFile(filepath.Join(path, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			ann, err := os.ReadFile(filepath.Join(path, stem+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(ann), "\n") {
				if !strings.HasPrefix(line, "T") {
					continue
				}
				f := strings.Split(line, "\t")
				label, offs, _ := strings.Cut(f[1], " ")
				var texts []string
				var first, last int
				for i, frag := range strings.Split(offs, ";") {
					var s, e int
					fmt.Sscanf(frag, "%d %d", &s, &e)
					if i == 0 {
						first = s
					}
					last = e
					texts = append(texts, string([]rune(string(txt))[s:e]))
				}
				if got := strings.Join(texts, " "); got != f[2] {
					t.Errorf("%s: fragments give %q, the line quotes %q", line, got, f[2])
				}
				whole := string([]rune(string(txt))[first:last])
				out = append(out, toolSliced{string(txt), first, last, label, &whole})
			}
		}
	default:
		t.Fatalf("no reader for %s", format)
	}
	return out
}

// toolReadJSON decodes a JSON file.
func toolReadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// TestGoSlicesExports checks every golden export with offsets: slicing
// the exported text by the exported code points gives the text the
// export quotes, and each span is one of the fixture's.
func TestGoSlicesExports(t *testing.T) {
	for _, f := range toolNamed(t) {
		want := map[string]bool{}
		runes := []rune(f.doc.Document.Text)
		for _, a := range f.doc.Annotations {
			want[fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, string(runes[a.Start:a.End]))] = true
		}
		for _, g := range toolGoldenFiles {
			if g.format == "conll" {
				continue // no offsets; TestCoNLLRoundTrip checks its tags
			}
			t.Run(f.name+g.suffix, func(t *testing.T) {
				spans := toolReadExport(t, g.format, filepath.Join(toolGoldenDir, f.name+g.suffix))
				if len(spans) == 0 {
					t.Fatal("no spans")
				}
				for _, s := range spans {
					r := []rune(s.text)
					if s.start < 0 || s.end > len(r) || s.start >= s.end {
						t.Errorf("%s [%d,%d) is out of the text", s.label, s.start, s.end)
						continue
					}
					got := string(r[s.start:s.end])
					if s.quote != nil && got != *s.quote {
						t.Errorf("%s [%d,%d) is %q, the export quotes %q", s.label, s.start, s.end, got, *s.quote)
					}
					if key := fmt.Sprintf("%s [%d,%d) %q", s.label, s.start, s.end, got); !want[key] {
						t.Errorf("%s is not a fixture annotation", key)
					}
				}
			})
		}
	}
}
