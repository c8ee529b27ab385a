// Checks and golden files the tool formats' tests share.

package formats

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"spanmark/annotate"
)

// spanmark_test.go may define -update too, and a flag defined twice
// panics; package variables are set before any init runs, so this defines
// it only when no variable has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata/formats")
	}
}

// toolUpdate reports whether the tests should rewrite their golden files.
func toolUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// toolGoldenDir holds the golden files of the tool formats.
var toolGoldenDir = filepath.Join("..", "..", "testdata", "formats")

// toolGolden compares got with the golden file name in testdata/formats,
// or rewrites it with -update.
func toolGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(toolGoldenDir, name)
	if toolUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to make it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, toolClip(got))
	}
}

// toolClip shortens output for a failure message.
func toolClip(b []byte) string {
	if len(b) > 3000 {
		return string(b[:3000]) + "…"
	}
	return string(b)
}

// toolView is what a round trip through a format can keep of a document:
// its text, its spans with their labels and notes, and its relations by
// the spans they link.
type toolView struct {
	Text      string
	Spans     []string
	Relations []string
}

// toolViewOf returns the view of d; notes and relations only when the
// format carries them.
func toolViewOf(d *annotate.DocumentData, notes, relations bool) toolView {
	v := toolView{Text: d.Document.Text}
	runes := []rune(d.Document.Text)
	span := map[string]string{}
	for _, a := range d.Annotations {
		s := fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, string(runes[a.Start:a.End]))
		if notes && a.Note != "" {
			s += " note " + a.Note
		}
		span[a.ID] = s
		v.Spans = append(v.Spans, s)
	}
	if relations {
		for _, r := range d.Relations {
			v.Relations = append(v.Relations, fmt.Sprintf("%s → %s %s", span[r.From], r.Type, span[r.To]))
		}
	}
	slices.Sort(v.Spans)
	slices.Sort(v.Relations)
	return v
}

// toolCompare checks that got keeps what the format can carry of want.
func toolCompare(t *testing.T, got, want []*annotate.DocumentData, notes, relations bool) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d documents, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := toolViewOf(got[i], notes, relations), toolViewOf(want[i], notes, relations)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("document %d:\ngot  %+v\nwant %+v", i+1, g, w)
		}
	}
}

// toolCheckValid checks that every document of an import is valid
// against the schema with the report's new labels, as Store.Import will
// check it, and that the report counts them.
func toolCheckValid(t testing.TB, docs []*annotate.DocumentData, rep Report, s annotate.Schema) {
	t.Helper()
	s.Labels = append(slices.Clone(s.Labels), rep.NewLabels...)
	s.Relations = append(slices.Clone(s.Relations), rep.NewRelations...)
	if err := s.Validate(); err != nil {
		t.Fatalf("schema with the new labels and relation types: %v", err)
	}
	anns, rels := 0, 0
	for _, d := range docs {
		if err := annotate.ValidateDocumentData(d, s); err != nil {
			t.Fatalf("imported document: %v", err)
		}
		anns += len(d.Annotations)
		rels += len(d.Relations)
	}
	if rep.Documents != len(docs) || rep.Annotations != anns || rep.Relations != rels {
		t.Fatalf("report counts %d documents, %d annotations, %d relations; got %d, %d, %d",
			rep.Documents, rep.Annotations, rep.Relations, len(docs), anns, rels)
	}
}

// readGoldenSeed reads a golden file for a fuzz test's seed corpus.
func readGoldenSeed(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(toolGoldenDir, name))
}

// itoa formats n for expected output.
func itoa(n int) string {
	return fmt.Sprint(n)
}

// toolIDs returns the spans of d's annotations by id, for formats that
// keep annotation ids.
func toolIDs(d *annotate.DocumentData) map[string]string {
	ids := make(map[string]string, len(d.Annotations))
	for _, a := range d.Annotations {
		ids[a.ID] = fmt.Sprintf("%s [%d,%d)", a.Label, a.Start, a.End)
	}
	return ids
}

// toolImported is what a test expects of an import of one document: its
// spans as toolViewOf writes them, and the counts of its relations and
// of the report's repairs, unconfirmed spans and notes.
type toolImported struct {
	spans                                   []string
	relations, repaired, unconfirmed, notes int
}

// toolCheckImport checks that an import gave valid documents and that
// the first one and the report are as want says; notes shows the
// annotations' notes in the spans.
func toolCheckImport(t *testing.T, docs []*annotate.DocumentData, rep Report, notes bool, want toolImported) {
	t.Helper()
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
	if got := toolViewOf(docs[0], notes, false).Spans; !reflect.DeepEqual(got, want.spans) {
		t.Errorf("spans %q, want %q", got, want.spans)
	}
	if len(docs[0].Relations) != want.relations || rep.Repaired != want.repaired ||
		len(rep.Unconfirmed) != want.unconfirmed || len(rep.Notes) != want.notes {
		t.Errorf("%d relations, %d repaired, unconfirmed %q, notes %q; want %d, %d, %d, %d",
			len(docs[0].Relations), rep.Repaired, rep.Unconfirmed, rep.Notes,
			want.relations, want.repaired, want.unconfirmed, want.notes)
	}
}
