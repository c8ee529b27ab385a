package formats

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/mock"
)

// statusStore serves testDocuments: d-article is done, d-unicode in
// progress.
func statusStore(t *testing.T) *mock.Store {
	docs := testDocuments(t)
	return &mock.Store{
		MetaFn:   func() (annotate.Meta, error) { return annotate.Meta{Annotator: "Ana Ruiz"}, nil },
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
		EachFn:   eachOf(docs),
	}
}

func TestExportStatus(t *testing.T) {
	tests := []struct {
		name, format string
		status       annotate.Status
		want, not    []string
	}{
		{"json all", "json", "", []string{"d-article", "d-unicode"}, nil},
		{"json done", "json", annotate.StatusDone, []string{"d-article"}, []string{"d-unicode"}},
		{"spacy done", "spacy", annotate.StatusDone, []string{"Kursk"}, []string{"Orbita"}},
		{"doccano in progress", "doccano", annotate.StatusInProgress, []string{"Ndiaye"}, []string{"Kim Jong Un"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out"+exportExtOf(tc.format))
			var seen []string
			o := ExportOptions{Status: tc.status, Progress: func(_ int, title string) error {
				seen = append(seen, title)
				return nil
			}}
			if _, err := ExportPath(path, tc.format, statusStore(t), o); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("the export lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(string(b), w) {
					t.Errorf("the export holds %q, of a document not %s", w, tc.status)
				}
			}
			if len(seen) != len(tc.want) {
				t.Errorf("progress heard of %q, want %d documents", seen, len(tc.want))
			}
		})
	}
}

func TestExportToolStatus(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportTool(&buf, "spacy", statusStore(t), ExportOptions{Status: annotate.StatusDone}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\n"); got != 1 || !strings.Contains(buf.String(), "Kursk") {
		t.Errorf("got %d lines:\n%s\nwant the one done document", got, buf.String())
	}
}

// exportExtOf is the extension an export in format writes.
func exportExtOf(format string) string {
	f, _ := Lookup(format)
	return f.Extensions[0]
}

func TestBratZipTime(t *testing.T) {
	at := time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)
	tests := []struct {
		name string
		at   time.Time
		// ok checks an entry's time against the time the export began.
		ok func(got, began time.Time) bool
	}{
		{"given", at, func(got, _ time.Time) bool { return got.Equal(at) }},
		{"now", time.Time{}, func(got, began time.Time) bool {
			return !got.Before(began.Truncate(time.Second)) && got.Sub(began) < time.Minute
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			began := time.Now()
			var buf bytes.Buffer
			o := ExportOptions{Schema: annotate.DefaultSchema(), At: tc.at}
			if err := ExportBratZip(&buf, toolSeq(toolFixtures(t)...), o); err != nil {
				t.Fatal(err)
			}
			z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range z.File {
				if !tc.ok(f.Modified, began) {
					t.Errorf("%s is dated %v, export began %v", f.Name, f.Modified, began)
				}
			}
		})
	}
}
