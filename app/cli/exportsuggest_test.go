package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportSuggestions exports a project with suggestions: with
// --suggestions each document of spanmark JSON and JSONL carries them,
// with their texts; the export reads back into a project without them
// becoming annotations; other formats refuse the flag.
func TestExportSuggestions(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"))
	mustRun(t, "", "import", "--db", db, "--as-suggestions", "--source", "ner", "--format", "doccano",
		formatFile("article.doccano.jsonl"))
	type doc struct {
		Text        string `json:"text"`
		Annotations []any  `json:"annotations"`
		Suggestions []struct {
			Start, End          int
			Text, Label, Source string
			Score               float64
		} `json:"suggestions"`
	}
	for _, format := range []string{"json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, "out."+format)
			mustRun(t, "", "export", "--db", db, "--format", format, "--suggestions", "--out", out)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var d doc
			if format == "json" {
				var f struct{ Documents []doc }
				err = json.Unmarshal(b, &f)
				if len(f.Documents) == 1 {
					d = f.Documents[0]
				}
			} else {
				err = json.Unmarshal(b, &d)
			}
			if err != nil || len(d.Suggestions) != 26 || len(d.Annotations) != 0 {
				t.Fatalf("got %d suggestions, %d annotations (%v), want 26 and none", len(d.Suggestions), len(d.Annotations), err)
			}
			runes := []rune(d.Text)
			for _, s := range d.Suggestions {
				if s.Text != string(runes[s.Start:s.End]) || s.Source != "ner" || s.Score != 1 || s.Label == "" {
					t.Errorf("suggestion %+v: want the text at its offsets, source ner, score 1", s)
				}
			}
			back := filepath.Join(dir, "back-"+format+".spanmark")
			mustRun(t, "", "import", "--db", back, out)
			if ss, anns := suggestionsOf(t, back); len(ss) != 0 || anns != 0 {
				t.Errorf("imported back: %d suggestions, %d annotations; want none", len(ss), anns)
			}
		})
	}
	t.Run("to standard output", func(t *testing.T) {
		stdout, _ := mustRun(t, "", "export", "--db", db, "--format", "jsonl", "--suggestions")
		if n := strings.Count(stdout, `"source":"ner"`); n != 26 {
			t.Errorf("got %d suggestions on standard output, want 26", n)
		}
		plain, _ := mustRun(t, "", "export", "--db", db, "--format", "jsonl")
		if strings.Contains(plain, "suggestions") {
			t.Error("suggestions exported without --suggestions")
		}
	})
	t.Run("another format", func(t *testing.T) {
		code, _, stderr := spanmark(t, "", "export", "--db", db, "--format", "doccano", "--suggestions")
		if want := "--suggestions goes with spanmark JSON or JSONL only, not doccano"; code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("got exit %d, stderr %q; want exit %d with %q", code, stderr, exitUsage, want)
		}
	})
}
