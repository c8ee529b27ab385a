package formats

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

// exportedAt has nanoseconds, so that the round trip shows none are lost.
var exportedAt = time.Date(2025, 6, 18, 9, 30, 0, 123456789, time.UTC)

// spanOf returns the code-point span of the nth (from 0) occurrence of sub
// in text.
func spanOf(t testing.TB, text, sub string, nth int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not in the text", sub, nth)
		}
		if i == nth {
			start := annotate.RuneLen(text[:off+j])
			return start, start + annotate.RuneLen(sub)
		}
		off += j + len(sub)
	}
}

// builder makes a document with annotations found by their text.
type builder struct {
	t    testing.TB
	d    *annotate.DocumentData
	when time.Time
}

func newBuilder(t testing.TB, id, title, text string, status annotate.Status) *builder {
	when := time.Date(2025, 6, 17, 8, 0, 0, 5000, time.UTC)
	return &builder{t: t, when: when, d: &annotate.DocumentData{Document: annotate.Document{
		ID: id, Title: title, Text: text, SHA256: annotate.SHA256Hex(text), Status: status,
		SourcePath: "in/" + id + ".txt", Created: when, Updated: when.Add(time.Hour),
	}}}
}

// span annotates the nth occurrence of sub and returns the annotation's id.
func (b *builder) span(id, sub string, nth int, label, note string) string {
	start, end := spanOf(b.t, b.d.Document.Text, sub, nth)
	b.spanAt(id, start, end, label, note)
	return id
}

func (b *builder) spanAt(id string, start, end int, label, note string) {
	b.d.Annotations = append(b.d.Annotations, annotate.Annotation{
		ID: id, DocumentID: b.d.Document.ID, Start: start, End: end, Label: label, Note: note,
		Annotator: "Ana", Created: b.when.Add(time.Duration(start) * time.Second),
		Updated: b.when.Add(time.Duration(end) * time.Millisecond),
	})
}

func (b *builder) relate(id, from, to string) {
	b.d.Relations = append(b.d.Relations, annotate.Relation{
		ID: id, DocumentID: b.d.Document.ID, Type: annotate.RelationAttributedTo, From: from, To: to,
	})
}

// testDocuments returns the sample article and the unicode fixture with
// annotations that start right after a curly quote, an em dash and an
// emoji, and with relations.
func testDocuments(t testing.TB) []*annotate.DocumentData {
	t.Helper()
	a := newBuilder(t, "d-article", "Kursk", annotatetest.Text(t, "article.txt"), annotate.StatusDone)
	a.span("a-kim", "Kim Jong Un", 0, "PERSON", "")
	a.span("a-after-quote", "s incursion", 0, "MISC", "starts right after ’")
	a.span("a-after-dash", " North Korea", 1, "LOC", "starts right after —")
	claim := a.span("a-claim", "North Korea will send 6,000 military workers", 0, "CLAIM", "")
	src := a.span("a-source", "Moscow’s top security official", 0, "SOURCE", `<"quoted"> & more`)
	a.relate("r-article", claim, src)

	u := newBuilder(t, "d-unicode", "Orbita", annotatetest.Text(t, "unicode.txt"), annotate.StatusInProgress)
	spans := annotatetest.UnicodeSpans(t)
	for i, s := range spans {
		u.spanAt(fmt.Sprintf("u%02d", i), s.Start, s.End, s.Label, "")
	}
	u.span("u-after-emoji", "Orbita-2", 0, "ORG", "right after 🚀")
	claim = u.span("u-claim", "“We are ready,”", 0, "CLAIM", "")
	src = u.span("u-source", "Ndiaye", 1, "SOURCE", "")
	u.relate("r-unicode", claim, src)
	return []*annotate.DocumentData{a.d, u.d}
}

// eachOf serves docs as annotate.Store.Each would.
func eachOf(docs []*annotate.DocumentData) EachFunc {
	return func(fn func(*annotate.DocumentData) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
}

var writers = []struct {
	name  string
	write func(io.Writer, Header, EachFunc) error
}{
	{"export.json", WriteJSON},
	{"export.jsonl", WriteJSONL},
}

// readAll reads every document of a spanmark file.
func readAll(t testing.TB, b []byte, name string) (Header, []*annotate.DocumentData) {
	t.Helper()
	rd, err := ReadSpanmark(bytes.NewReader(b), name)
	if err != nil {
		t.Fatalf("ReadSpanmark: %v", err)
	}
	return rd.Header(), documentsAll(t, rd)
}

// documentsAll returns every document rd reads.
func documentsAll(t testing.TB, rd *Reader) []*annotate.DocumentData {
	t.Helper()
	var docs []*annotate.DocumentData
	for d, err := range rd.Documents() {
		if err != nil {
			t.Fatalf("Documents: %v", err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestRoundTrip(t *testing.T) {
	docs := testDocuments(t)
	h := Header{Annotator: "Ana Ruiz", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := w.write(&first, h, eachOf(docs)); err != nil {
				t.Fatal(err)
			}
			gotHeader, got := readAll(t, first.Bytes(), w.name)
			want := h
			if w.name == "export.jsonl" {
				want.ExportedAt = time.Time{} // JSONL lines are documents alone
			}
			if !reflect.DeepEqual(gotHeader, want) {
				t.Errorf("header: got %+v, want %+v", gotHeader, h)
			}
			if !reflect.DeepEqual(got, docs) {
				for i := range min(len(got), len(docs)) {
					if !reflect.DeepEqual(got[i], docs[i]) {
						t.Errorf("document %d:\ngot  %+v\nwant %+v", i, got[i], docs[i])
					}
				}
				t.Fatalf("got %d documents, want %d", len(got), len(docs))
			}
			var second bytes.Buffer
			if err := w.write(&second, gotHeader, eachOf(got)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("write → read → write changed the bytes:\nfirst  %s\nsecond %s", first.Bytes(), second.Bytes())
			}
		})
	}
}

// TestPythonAgrees has Python, whose str is indexed by code points, check
// that text[start:end] is each annotation's "text" in both exports, and
// that it notices when it is not.
func TestPythonAgrees(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	script := filepath.Join("..", "..", "testdata", "check_offsets.py")
	docs := testDocuments(t)
	h := Header{Annotator: "Ana", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	dir := t.TempDir()
	var good, bad []string
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, h, eachOf(docs)); err != nil {
			t.Fatal(err)
		}
		// Shift one span by a code point, keeping its text.
		shifted := strings.Replace(buf.String(), `"text":"s incursion"`, `"text":"’s incursio"`, 1)
		good = append(good, filepath.Join(dir, w.name))
		bad = append(bad, filepath.Join(dir, "bad-"+w.name))
		for path, content := range map[string]string{good[len(good)-1]: buf.String(), bad[len(bad)-1]: shifted} {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out, err := exec.Command(python, append([]string{script}, good...)...).CombinedOutput()
	want := fmt.Sprintf("ok: %d annotations\n", len(writers)*(len(docs[0].Annotations)+len(docs[1].Annotations)))
	if err != nil || string(out) != want {
		t.Errorf("good exports: %v: got %q, want %q", err, out, want)
	}
	out, err = exec.Command(python, append([]string{script}, bad...)...).CombinedOutput()
	if err == nil || strings.Count(string(out), "annotation a-after-quote") != len(bad) {
		t.Errorf("shifted exports: got %v, %q; want a failure naming a-after-quote in each", err, out)
	}
}
