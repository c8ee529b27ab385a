package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/storage"
)

// suggestionsOf returns the suggestions of every document of the project
// at db, and the number of its annotations.
func suggestionsOf(t *testing.T, db string) ([]annotate.Suggestion, int) {
	t.Helper()
	st, infos := openDocuments(t, db, storage.Options{ReadOnly: true})
	defer st.Close()
	var out []annotate.Suggestion
	anns := 0
	for _, in := range infos {
		ss, err := st.Suggestions(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ss...)
		anns += in.Annotations
	}
	return out, anns
}

// TestImportAsSuggestions imports the sample article's annotations in
// each format that has them as suggestions of the plain article: every
// span comes as a suggestion of the source, scored 1, none as an
// annotation; a second import of the source replaces the first.
func TestImportAsSuggestions(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"))
	// A spanmark file of the article's annotations, by way of a project.
	other := filepath.Join(dir, "other.spanmark")
	mustRun(t, "", "import", "--db", other, "--format", "doccano", formatFile("article.doccano.jsonl"))
	jsonl := filepath.Join(dir, "article.jsonl")
	mustRun(t, "", "export", "--db", other, "--out", jsonl)
	tests := []struct{ format, file string }{
		{"", jsonl},
		{"doccano", formatFile("article.doccano.jsonl")},
		{"spacy", formatFile("article.spacy.jsonl")},
		{"brat", formatFile("article.brat")},
		{"labelstudio", formatFile("article.labelstudio.json")},
	}
	for _, tt := range tests {
		t.Run("format "+tt.format, func(t *testing.T) {
			args := []string{"import", "--db", db, "--as-suggestions", "--source", "model"}
			if tt.format != "" {
				args = append(args, "--format", tt.format)
			}
			for range 2 { // the second replaces the first
				mustRun(t, "", append(args, tt.file)...)
			}
			ss, anns := suggestionsOf(t, db)
			if len(ss) != 26 || anns != 0 {
				t.Fatalf("got %d suggestions and %d annotations, want 26 and none", len(ss), anns)
			}
			for _, s := range ss {
				if s.Source != "model" || s.Score != 1 {
					t.Errorf("suggestion %+v: want source model, score 1", s)
				}
			}
		})
	}
}

// TestImportAsSuggestionsScores imports Label Studio predictions: each
// region's score is kept, a document the project lacks is named and
// skipped.
func TestImportAsSuggestionsScores(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	annotatetest.WriteFiles(t, dir, map[string]string{
		"bo.txt": "Bo said so in Paris.",
		"tasks.json": `[{"data": {"text": "Bo said so in Paris."}, "predictions": [{"score": 0.25, "result": [` +
			`{"id": "a", "type": "labels", "value": {"start": 0, "end": 2, "text": "Bo", "labels": ["PERSON"]}, "score": 0.75},` +
			`{"id": "b", "type": "labels", "value": {"start": 14, "end": 19, "text": "Paris", "labels": ["LOC"]}}]}]},` +
			`{"data": {"text": "Not in the project."}, "predictions": [{"result": []}]}]`,
	})
	mustRun(t, "", "import", "--db", db, filepath.Join(dir, "bo.txt"))
	_, stderr := mustRun(t, "", "import", "--db", db, "--as-suggestions", "--source", "ner", "--format", "labelstudio", filepath.Join(dir, "tasks.json"))
	if want := `skipped "Not in the project.": no document of the project has its text`; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q: want %q", stderr, want)
	}
	ss, _ := suggestionsOf(t, db)
	got := ""
	for _, s := range ss {
		got += fmt.Sprintf("%s %s %g; ", s.Label, s.Source, s.Score)
	}
	if want := "PERSON ner 0.75; LOC ner 0.25; "; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestImportAsSuggestionsRefused gives import --as-suggestions what it
// must refuse: nothing is stored, and the message says why.
func TestImportAsSuggestionsRefused(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	annotatetest.WriteFiles(t, dir, map[string]string{
		"bo.txt":      "Bo said so in Paris.",
		"event.jsonl": `{"text": "Bo said so in Paris.", "label": [[0, 2, "PERSON"], [14, 19, "EVENT"]]}` + "\n",
		"moved.jsonl": `{"text": "Bo said so in Paris.", "label": [[0, 2, "PERSON"]]}` + "\n" + `{"text": "Bo", "label": [[0, 5, "PERSON"]]}` + "\n",
	})
	mustRun(t, "", "import", "--db", db, filepath.Join(dir, "bo.txt"))
	before := annotatetest.FileState(t, db)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no source", []string{"--as-suggestions", filepath.Join(dir, "event.jsonl")}, exitUsage, "--as-suggestions needs --source NAME"},
		{"source alone", []string{"--source", "m", filepath.Join(dir, "event.jsonl")}, exitUsage, "--source needs --as-suggestions"},
		{"the strings source", []string{"--as-suggestions", "--source", "strings", filepath.Join(dir, "event.jsonl")}, exitUsage, "names the suggestions spanmark suggest makes"},
		{"standard input", []string{"--as-suggestions", "--source", "m", "-"}, exitUsage, "does not read standard input"},
		{"label not in the schema", []string{"--as-suggestions", "--source", "m", "--format", "doccano", filepath.Join(dir, "event.jsonl")},
			exitError, "labels not in the project's schema, so their suggestions could not be accepted: EVENT; nothing imported"},
		{"span beyond the text", []string{"--as-suggestions", "--source", "m", "--format", "doccano", filepath.Join(dir, "moved.jsonl")},
			exitError, "moved.jsonl: line 2"},
		{"plain text", []string{"--as-suggestions", "--source", "m", filepath.Join(dir, "bo.txt")},
			exitError, "only spanmark .json and .jsonl files are read by their extension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := spanmark(t, "", append([]string{"import", "--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("got exit %d, stderr\n%s\nwant exit %d with %q", code, stderr, tt.code, tt.want)
			}
			if annotatetest.FileState(t, db) != before {
				t.Error("the project changed")
			}
		})
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
