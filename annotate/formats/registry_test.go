package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"spanmark/annotate"
	"spanmark/annotate/mock"
)

// TestRegistry checks that every format can be exported and imported by
// name, through files, and that the names match.
func TestRegistry(t *testing.T) {
	if !reflect.DeepEqual(slices.Sorted(maps.Keys(Exporters)), slices.Sorted(maps.Keys(Importers))) {
		t.Fatalf("exporters %v and importers %v differ", slices.Sorted(maps.Keys(Exporters)), slices.Sorted(maps.Keys(Importers)))
	}
	docs := toolFixtures(t)
	carries := map[string][2]bool{ // notes, relations
		"spacy": {false, false}, "doccano": {false, false}, "labelstudio": {true, true},
		"brat": {true, true}, "w3c": {true, true},
	}
	for _, name := range slices.Sorted(maps.Keys(Exporters)) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export."+name)
			if name == "brat" {
				path += ".zip"
			}
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			if err := Exporters[name](f, toolSeq(docs...), toolExportOptions(&warnings)); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			got, rep, err := Importers[name](path, toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, got, rep, annotate.DefaultSchema())
			if name == "conll" {
				if len(got) != len(docs) {
					t.Fatalf("got %d documents, want %d", len(got), len(docs))
				}
				return
			}
			c := carries[name]
			toolCompare(t, got, docs, c[0], c[1])
		})
	}
}

// TestImportersNameMissingFiles checks that a path that cannot be read
// is an error naming it.
func TestImportersNameMissingFiles(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	for name, imp := range Importers {
		t.Run(name, func(t *testing.T) {
			docs, _, err := imp(missing, toolImportOptions())
			if err == nil || !strings.Contains(err.Error(), missing) {
				t.Fatalf("got %v, want an error naming %s", err, missing)
			}
			if docs != nil {
				t.Errorf("got %d documents with the error", len(docs))
			}
		})
	}
}

// TestExportersStopAtIteratorError checks that an error from the
// documents' iterator ends every export with that error.
func TestExportersStopAtIteratorError(t *testing.T) {
	broken := func(yield func(*annotate.DocumentData, error) bool) {
		if yield(toolArticle(t), nil) {
			yield(nil, io.ErrUnexpectedEOF)
		}
	}
	for name, exp := range Exporters {
		t.Run(name, func(t *testing.T) {
			err := exp(io.Discard, broken, ExportOptions{Schema: annotate.DefaultSchema()})
			if err == nil || !strings.Contains(err.Error(), io.ErrUnexpectedEOF.Error()) {
				t.Fatalf("got %v, want the iterator's error", err)
			}
		})
	}
}

func TestExport(t *testing.T) {
	docs := testDocuments(t)
	st := &mock.Store{
		MetaFn:   func() (annotate.Meta, error) { return annotate.Meta{Annotator: "Ana Ruiz"}, nil },
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
	}
	h := Header{Annotator: "Ana Ruiz", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	tool := func(name string) func(io.Writer) error {
		return func(w io.Writer) error {
			return Exporters[name](w, documentsOf(eachOf(docs)), ExportOptions{Schema: h.Schema, Annotator: h.Annotator})
		}
	}
	tests := []struct {
		format string
		want   func(io.Writer) error
	}{
		{ExportJSON, func(w io.Writer) error { return WriteJSON(w, h, eachOf(docs)) }},
		{"json", func(w io.Writer) error { return WriteJSON(w, h, eachOf(docs)) }},
		{ExportJSONL, func(w io.Writer) error { return WriteJSONL(w, h, eachOf(docs)) }},
		{"jsonl", func(w io.Writer) error { return WriteJSONL(w, h, eachOf(docs)) }},
		{"spacy", tool("spacy")},
		{"doccano", tool("doccano")},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := exportAt(&got, tc.format, st, eachOf(docs), nil, exportedAt.In(time.FixedZone("X", 3600))); err != nil {
				t.Fatal(err)
			}
			if err := tc.want(&want); err != nil {
				t.Fatal(err)
			}
			if got.Len() == 0 || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
	broken := errors.New("disk on fire")
	failing := func(fn func(*annotate.DocumentData) error) error {
		if err := fn(docs[0]); err != nil {
			return err
		}
		return broken
	}
	for _, format := range []string{ExportJSON, ExportJSONL, "spacy"} {
		if err := Export(io.Discard, format, st, failing, nil); !errors.Is(err, broken) {
			t.Errorf("%s: a failing walk gave %v, want %v", format, err, broken)
		}
	}
	if err := Export(io.Discard, "xml", st, eachOf(docs), nil); err == nil || !strings.Contains(err.Error(), `unknown export format "xml"`) {
		t.Errorf("xml: got %v", err)
	}
}

// toolBig returns the fixture article repeated to about 1 MB, with its
// annotations and relations repeated too.
func toolBig(b testing.TB) *annotate.DocumentData {
	a := toolArticle(b)
	n := 1<<20/len(a.Document.Text) + 1
	runes := utf8.RuneCountInString(a.Document.Text) + 2
	var text strings.Builder
	big := &annotate.DocumentData{Document: a.Document}
	for i := range n {
		text.WriteString(a.Document.Text)
		text.WriteString("\n\n")
		ids := map[string]string{}
		for j, ann := range a.Annotations {
			ids[ann.ID] = fmt.Sprintf("a%07x%08x", j, i)
			ann.ID = ids[ann.ID]
			ann.Start += i * runes
			ann.End += i * runes
			big.Annotations = append(big.Annotations, ann)
		}
		for j, r := range a.Relations {
			r.ID, r.From, r.To = fmt.Sprintf("b%07x%08x", j, i), ids[r.From], ids[r.To]
			big.Relations = append(big.Relations, r)
		}
	}
	big.Document.Text = text.String()
	big.Document.SHA256 = annotate.SHA256Hex(big.Document.Text)
	return big
}

func BenchmarkExport(b *testing.B) {
	d := toolBig(b)
	o := ExportOptions{Schema: annotate.DefaultSchema(), Annotator: "ana"}
	for _, name := range slices.Sorted(maps.Keys(Exporters)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(d.Document.Text)))
			for b.Loop() {
				if err := Exporters[name](io.Discard, toolSeq(d), o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkImport(b *testing.B) {
	d := toolBig(b)
	o := ExportOptions{Schema: annotate.DefaultSchema(), Annotator: "ana", Relations: true}
	importers := map[string]toolImporter{
		"spacy": ImportSpacy, "doccano": ImportDoccano, "labelstudio": ImportLabelStudio,
		"conll": ImportCoNLL, "w3c": ImportW3C,
		"brat": func(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
			data, err := io.ReadAll(r)
			if err != nil {
				return nil, Report{}, err
			}
			z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return nil, Report{}, err
			}
			return ImportBrat(z, name, o)
		},
	}
	for _, name := range slices.Sorted(maps.Keys(importers)) {
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			if err := Exporters[name](&buf, toolSeq(d), o); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(d.Document.Text)))
			for b.Loop() {
				if _, _, err := importers[name](bytes.NewReader(buf.Bytes()), name, toolImportOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
