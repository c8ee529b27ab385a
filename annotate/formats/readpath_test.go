package formats

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/mock"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{
		"b.txt":              "b",
		"a.md":               "a",
		"notes.json":         "{}",
		"image.png":          "png",
		".git/config":        "x",
		"sub/c.jsonl":        "",
		"sub/d.TXT":          "d",
		"sub/.hidden.txt":    "h",
		"sub/deeper/e.txt":   "e",
		"sub/deeper/README":  "r",
		"other/.visible.txt": "v",
	})
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name        string
		paths       []string
		wantFiles   []string
		wantSkipped []Skipped
	}{
		{
			name:      "folder",
			paths:     []string{dir},
			wantFiles: []string{p("a.md"), p("b.txt"), p("notes.json"), p("sub/c.jsonl"), p("sub/d.TXT"), p("sub/deeper/e.txt")},
			wantSkipped: []Skipped{
				{p(".git"), "hidden"},
				{p("image.png"), "not .txt, .md, .json or .jsonl"},
				{p("other/.visible.txt"), "hidden"},
				{p("sub/.hidden.txt"), "hidden"},
				{p("sub/deeper/README"), "not .txt, .md, .json or .jsonl"},
			},
		},
		{
			name:      "in the order given",
			paths:     []string{p("sub/deeper"), p("b.txt"), p("a.md")},
			wantFiles: []string{p("sub/deeper/e.txt"), p("b.txt"), p("a.md")},
			wantSkipped: []Skipped{
				{p("sub/deeper/README"), "not .txt, .md, .json or .jsonl"},
			},
		},
		{
			name:      "a hidden file named is taken",
			paths:     []string{p("sub/.hidden.txt")},
			wantFiles: []string{p("sub/.hidden.txt")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, skipped, err := Files(tc.paths)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(files, tc.wantFiles) {
				t.Errorf("files: got %q, want %q", files, tc.wantFiles)
			}
			if !reflect.DeepEqual(skipped, tc.wantSkipped) {
				t.Errorf("skipped: got %q, want %q", skipped, tc.wantSkipped)
			}
		})
	}
}

func TestFilesErrors(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{"a.txt": "a", "image.png": "png"})
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"missing", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "nope.txt")}, "nope.txt: no such file or directory"},
		{"unknown extension", []string{filepath.Join(dir, "image.png")}, "image.png: unknown kind of file: want .txt, .md, .json or .jsonl"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, _, err := Files(tc.paths)
			if err == nil || !strings.Contains(err.Error(), tc.want) || files != nil {
				t.Errorf("got %q, %v; want no files and an error containing %q", files, err, tc.want)
			}
		})
	}
}

func TestOpenPathText(t *testing.T) {
	dir := t.TempDir()
	unicode, err := os.ReadFile(filepath.Join("..", "..", "testdata", "unicode.txt"))
	if err != nil {
		t.Fatal(err)
	}
	annotatetest.WriteFiles(t, dir, map[string]string{
		"crlf.txt":    "\uFEFF\r\n  Kursk  rebuilt \r\nby 6,000 workers.\rEnd.",
		"unicode.txt": string(unicode),
		"notes.md":    "# Notes\n\nSome text.",
	})
	tests := []struct {
		file, title, text string
	}{
		{"crlf.txt", "Kursk rebuilt", "\n  Kursk  rebuilt \nby 6,000 workers.\nEnd."},
		{"unicode.txt", "Orbita rocket lab 🚀 opens in Kyiv 🇺🇦", annotatetest.Text(t, "unicode.txt")},
		{"notes.md", "Notes", "# Notes\n\nSome text."},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			in, err := OpenPath(path)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			if h := in.Header(); !reflect.DeepEqual(h, Header{}) {
				t.Errorf("header: got %+v, want none", h)
			}
			var got []*annotate.DocumentData
			for d, err := range in.Documents() {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, d)
			}
			want := []*annotate.DocumentData{{Document: annotate.Document{
				Title: tc.title, Text: tc.text, SHA256: annotate.SHA256Hex(tc.text),
				Status: annotate.StatusTodo, SourcePath: path,
			}}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got[0].Document, want[0].Document)
			}
		})
	}
}

func TestOpenPathSpanmark(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{"x.json": jsonOf(okDoc), "x.jsonl": okJSONLHeader + "\n" + okDoc})
	for _, name := range []string{"x.json", "x.jsonl"} {
		t.Run(name, func(t *testing.T) {
			in, err := OpenPath(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			if in.Header().Annotator != "ann" {
				t.Errorf("annotator: got %q, want ann", in.Header().Annotator)
			}
			n := 0
			for d, err := range in.Documents() {
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Annotations) != 4 || len(d.Relations) != 1 {
					t.Errorf("got %d annotations, %d relations; want 4, 1", len(d.Annotations), len(d.Relations))
				}
				n++
			}
			if n != 1 {
				t.Errorf("got %d documents, want 1", n)
			}
		})
	}
}

func TestOpenPathErrors(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{
		"latin1.txt": "caf\xe9",
		"blank.txt":  " \r\n\t\n",
		"image.png":  "png",
		"bad.json":   `{"format":"spanmark","version":9,"documents":[]}`,
	})
	tests := []struct {
		file string
		want string
		is   error
	}{
		{"latin1.txt", "latin1.txt: invalid UTF-8 at byte 3", annotate.ErrInvalid},
		{"blank.txt", "blank.txt: no text to annotate", annotate.ErrInvalid},
		{"image.png", "image.png: unknown kind of file", nil},
		{"missing.txt", "missing.txt: no such file or directory", os.ErrNotExist},
		{"bad.json", "bad.json: format version 9", annotate.ErrNewerVersion},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			in, err := OpenPath(filepath.Join(dir, tc.file))
			if err == nil {
				in.Close()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Errorf("got %v, want an error containing %q (is %v)", err, tc.want, tc.is)
			}
		})
	}
}

func TestMergeSchema(t *testing.T) {
	project := annotate.DefaultSchema()
	event := annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#123456", Key: "e"}
	product := annotate.Label{Name: "PRODUCT", Kind: annotate.KindEntity, Color: "#654321", Key: "p"}
	cites := annotate.RelationType{Name: "cites", FromKind: annotate.KindSource, ToKind: annotate.KindSource}
	tests := []struct {
		name      string
		file      annotate.Schema
		wantAdded []string
		wantNew   []annotate.Label
		wantTypes []annotate.RelationType
		wantErr   string
	}{
		{name: "plain text has none", file: annotate.Schema{}},
		{name: "the same", file: annotate.DefaultSchema()},
		{
			name:      "new label and type",
			file:      annotate.Schema{Labels: []annotate.Label{project.Labels[0], event}, Relations: []annotate.RelationType{cites}},
			wantAdded: []string{"label EVENT (entity)", "relation type cites (source → source)"},
			wantNew:   []annotate.Label{event},
			wantTypes: []annotate.RelationType{cites},
		},
		{
			name:      "hotkey taken",
			file:      annotate.Schema{Labels: []annotate.Label{product}},
			wantAdded: []string{"label PRODUCT (entity)"},
			wantNew:   []annotate.Label{{Name: "PRODUCT", Kind: annotate.KindEntity, Color: "#654321"}},
		},
		{
			name:    "label of another kind",
			file:    annotate.Schema{Labels: []annotate.Label{{Name: "ORG", Kind: annotate.KindSource, Color: "#000000"}}},
			wantErr: "label ORG is entity in the project but source in the file",
		},
		{
			name:    "relation type of other kinds",
			file:    annotate.Schema{Relations: []annotate.RelationType{{Name: "attributed_to", FromKind: annotate.KindClaim, ToKind: annotate.KindEntity}}},
			wantErr: "relation type attributed_to links claim to source in the project but claim to entity in the file",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, added, err := MergeSchema(project, tc.file)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, annotate.ErrInvalid) {
					t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := annotate.DefaultSchema()
			want.Labels = append(want.Labels, tc.wantNew...)
			want.Relations = append(want.Relations, tc.wantTypes...)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(added, tc.wantAdded) {
				t.Errorf("got %+v, %q; want %+v, %q", got, added, want, tc.wantAdded)
			}
			if !reflect.DeepEqual(project, annotate.DefaultSchema()) {
				t.Errorf("the project's schema changed: %+v", project)
			}
		})
	}
}

// importStore is a mock project with the default schema whose Import
// ranges over the documents as the storage package does, failing with
// storeErr (when set) after reading them all.
type importStore struct {
	mock.Store
	schemas  []annotate.Schema // every schema set, in order
	imported []*annotate.DocumentData
}

func newImportStore(storeErr error) *importStore {
	s := &importStore{}
	schema := annotate.DefaultSchema()
	s.SchemaFn = func() (annotate.Schema, error) { return schema, nil }
	s.SetSchemaFn = func(n annotate.Schema, _ annotate.SchemaChange) error {
		schema = n
		s.schemas = append(s.schemas, n)
		return nil
	}
	s.ImportFn = func(docs iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error) {
		var res annotate.ImportResult
		var got []*annotate.DocumentData
		for d, err := range docs {
			if err != nil {
				return annotate.ImportResult{}, fmt.Errorf("import: %w", err)
			}
			got = append(got, d)
			res.Added = append(res.Added, annotate.DocumentInfo{ID: d.Document.ID})
		}
		if storeErr != nil {
			return annotate.ImportResult{}, storeErr
		}
		s.imported = append(s.imported, got...)
		return res, nil
	}
	return s
}

func TestImportSource(t *testing.T) {
	event := `{"name":"EVENT","kind":"entity","color":"#123456","key":"e"}`
	withEvent := strings.Replace(okHeader, `"documents"`, `"schema":{"labels":[`+event+`,{"name":"LOC","kind":"entity","color":"#31a354","key":"l"},`+
		`{"name":"CLAIM","kind":"claim","color":"#d62728","key":"c"},{"name":"SOURCE","kind":"source","color":"#17becf","key":"s"},`+
		`{"name":"MISC","kind":"entity","color":"#888888","key":"m"}],"relations":[{"name":"attributed_to","from_kind":"claim","to_kind":"source"}]},"documents"`, 1)
	file := func(docs ...string) string { return withEvent + "\n" + strings.Join(docs, ",\n") + "\n]}" }
	storeErr := fmt.Errorf("import: document 1 (Kursk): %w", annotate.ErrDuplicateDocument)
	withSchema := append(annotate.DefaultSchema().Labels, annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#123456", Key: "e"})
	tests := []struct {
		name        string
		input       string
		storeErr    error
		wantErr     string
		wantAdded   []string
		wantSchemas int // schemas set: 0, 1 (merged) or 2 (merged, then restored)
		wantDocs    int
	}{
		{name: "adds the file's labels", input: file(okDoc), wantAdded: []string{"label EVENT (entity)"}, wantSchemas: 1, wantDocs: 1},
		{name: "nothing to add", input: jsonOf(okDoc), wantDocs: 1},
		{name: "bad document", input: file(okDoc, edit(`"text":"Kursk"`, `"text":"Kurs"`)),
			wantErr:     `x.json: document 2 (id d1): annotation a1: text "Kurs" does not match [1,6) "Kursk"`,
			wantSchemas: 2},
		{name: "store fails", input: file(okDoc), storeErr: storeErr,
			wantErr:     "x.json: import: document 1 (Kursk): document with the same text already in the project",
			wantSchemas: 2},
		{name: "label of another kind", input: strings.Replace(file(okDoc), `"name":"LOC","kind":"entity"`, `"name":"LOC","kind":"source"`, 1),
			wantErr: "import x.json: label LOC is entity in the project but source in the file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newImportStore(tc.storeErr)
			rd, err := ReadSpanmark(strings.NewReader(tc.input), "x.json")
			if err != nil {
				t.Fatal(err)
			}
			res, added, err := ImportSource(st, rd, "x.json")
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Errorf("got %v, want %s", err, tc.wantErr)
				}
				if len(res.Added) != 0 || len(st.imported) != 0 {
					t.Errorf("got %d added, %d imported after an error", len(res.Added), len(st.imported))
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(added, tc.wantAdded) {
				t.Errorf("added: got %q, want %q", added, tc.wantAdded)
			}
			if len(st.schemas) != tc.wantSchemas {
				t.Fatalf("set the schema %d times, want %d", len(st.schemas), tc.wantSchemas)
			}
			if tc.wantSchemas > 0 && !reflect.DeepEqual(st.schemas[0].Labels, withSchema) {
				t.Errorf("merged labels: got %+v", st.schemas[0].Labels)
			}
			if tc.wantSchemas == 2 && !reflect.DeepEqual(st.schemas[1], annotate.DefaultSchema()) {
				t.Errorf("restored schema: got %+v", st.schemas[1])
			}
			if len(st.imported) != tc.wantDocs || len(res.Added) != tc.wantDocs {
				t.Errorf("imported %d (result %d), want %d", len(st.imported), len(res.Added), tc.wantDocs)
			}
		})
	}
}

func TestImportFile(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{"a.txt": "North Korea’s workers.\n", "b.json": jsonOf(okDoc), "c.png": ""})
	st := newImportStore(nil)
	for _, name := range []string{"a.txt", "b.json"} {
		res, err := ImportFile(st, filepath.Join(dir, name))
		if err != nil || len(res.Added) != 1 {
			t.Errorf("%s: got %+v, %v; want one document added", name, res, err)
		}
	}
	if _, err := ImportFile(st, filepath.Join(dir, "c.png")); err == nil {
		t.Error("c.png: got no error")
	}
	if len(st.imported) != 2 || st.imported[0].Document.Text != "North Korea’s workers.\n" || len(st.imported[1].Annotations) != 4 {
		t.Errorf("imported %+v", st.imported)
	}
}

func TestTextTitle(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a.md", "# Kursk rebuild\n\nText.", "Kursk rebuild"},
		{"a.md", "### Kursk rebuild ###\nText.", "Kursk rebuild"},
		{"a.md", "## C# in 2026\nText.", "C# in 2026"},
		{"a.MD", "# Upper case\nText.", "Upper case"},
		{"a.md", "#hashtag first\nText.", "#hashtag first"},
		{"a.md", "####### seven\nText.", "####### seven"},
		{"a.md", "#\nText.", "#"},
		{"a.txt", "# Not Markdown\nText.", "# Not Markdown"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" "+tc.want, func(t *testing.T) {
			src, err := ReadText(strings.NewReader(tc.text), tc.name)
			if err != nil {
				t.Fatal(err)
			}
			for d := range src.Documents() {
				if d.Document.Title != tc.want {
					t.Errorf("title %q, want %q", d.Document.Title, tc.want)
				}
			}
		})
	}
}
