// The documents every tool format's tests export and import.

package formats

import (
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

// toolTime is when every fixture annotation was made.
var toolTime = time.Date(2025, 6, 18, 10, 0, 0, 0, time.UTC)

// toolFind returns the code point span of sub within ctx, which must occur
// exactly once in text; it counts with package utf8, not with the code
// under test.
func toolFind(t testing.TB, text, ctx, sub string) (int, int) {
	t.Helper()
	if n := strings.Count(text, ctx); n != 1 {
		t.Fatalf("%q occurs %d times in the text, want once", ctx, n)
	}
	if sub == "" {
		sub = ctx
	}
	in := strings.Index(ctx, sub)
	if in < 0 {
		t.Fatalf("%q is not in %q", sub, ctx)
	}
	b := strings.Index(text, ctx) + in
	start := utf8.RuneCountInString(text[:b])
	return start, start + utf8.RuneCountInString(sub)
}

// toolSpec is a fixture annotation: sub (or the whole ctx) within ctx.
type toolSpec struct {
	label, ctx, sub, note string
}

// toolDocument builds a fixture document whose annotation and relation
// ids are a and b, the last 12 digits of its id and a count. rels are
// pairs of indexes into specs.
func toolDocument(t testing.TB, id, text string, status annotate.Status, specs []toolSpec, rels [][2]int) *annotate.DocumentData {
	t.Helper()
	d := &annotate.DocumentData{Document: annotate.Document{
		ID: id, Title: annotate.TitleFromText(text, id), Text: text, SHA256: annotate.SHA256Hex(text),
		Status: status, Created: toolTime, Updated: toolTime,
	}}
	for i, sp := range specs {
		start, end := toolFind(t, text, sp.ctx, sp.sub)
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: fmt.Sprintf("a%s%03x", id[4:], i+1), DocumentID: id, Start: start, End: end,
			Label: sp.label, Note: sp.note, Annotator: "ana", Created: toolTime, Updated: toolTime.Add(time.Minute),
		})
	}
	for i, r := range rels {
		d.Relations = append(d.Relations, annotate.Relation{
			ID: fmt.Sprintf("b%s%03x", id[4:], i+1), DocumentID: id, Type: annotate.RelationAttributedTo,
			From: d.Annotations[r[0]].ID, To: d.Annotations[r[1]].ID, Created: toolTime,
		})
	}
	if err := annotate.ValidateDocumentData(d, annotate.DefaultSchema()); err != nil {
		t.Fatal(err)
	}
	return d
}

// toolArticle is the seed article with entities, claims attributed to
// sources, spans right after a curly quote and an em dash, a claim across
// a paragraph break, notes, and an entity inside a longer one.
func toolArticle(t testing.TB) *annotate.DocumentData {
	text := annotatetest.Text(t, "article.txt")
	claim2 := "Pyongyang acknowledged sending the troops for the first time in April.\n\n" +
		"Moscow and Pyongyang are planning to create memorials for the Korean soldiers who died while fighting for Russia"
	specs := []toolSpec{
		{"MISC", "North Korean leader Kim Jong Un (R) plans", "North Korean leader Kim Jong Un", ""},
		{"PERSON", "North Korean leader Kim Jong Un (R) plans", "Kim Jong Un", "Leader of North Korea since 2011"},
		{"QUANTITY", "to send 6,000 workers", "6,000 workers", ""},
		{"LOC", "rebuild the Kursk region of Russia after", "Kursk", ""},
		{"LOC", "rebuild the Kursk region of Russia after", "Russia", ""},
		{"ORG", "Russia’s Security Council Secretary Sergei Shoigu (L)", "Security Council", ""},
		{"PERSON", "Secretary Sergei Shoigu (L)", "Sergei Shoigu", ""},
		{"DATE", "Russian state media Tuesday. Photo", "Tuesday", ""},
		{"ORG", "Photo by KCNA/EPA-EFE", "KCNA", ""},
		{"LOC", "SEOUL, June 18 (UPI)", "SEOUL", ""},
		{"DATE", "SEOUL, June 18 (UPI)", "June 18", ""},
		{"ORG", "SEOUL, June 18 (UPI)", "UPI", ""},
		{"LOC", "(UPI) — North Korea will send", "North Korea", "right after an em dash"},
		{"CLAIM", "has decided to send 1,000 sappers to Russia to clear mines on Russian territory, " +
			"as well as 5,000 military construction workers to restore infrastructure destroyed by the occupiers", "", ""},
		{"SOURCE", "occupiers,” Shoigu said, according", "Shoigu", ""},
		{"ORG", "Russian state media TASS", "TASS", ""},
		{"ORG", "Russian news agency RIA Novosti", "RIA Novosti", ""},
		{"PERSON", "Russian President Vladimir Putin", "Vladimir Putin", ""},
		{"CLAIM", claim2, "", ""},
		{"SOURCE", "fighting for Russia, Shoigu said Tuesday", "Shoigu", ""},
		{"ORG", "Multilateral Sanctions Monitoring Team", "", ""},
		{"DATE", "first time in April.", "April", ""},
		{"QUANTITY", "as many as 9 million rounds", "9 million rounds", ""},
		{"ORG", "Seoul’s Foreign Ministry", "Foreign Ministry", ""},
		{"CLAIM", "We urge the North to stop such actions immediately", "", "right after a curly quote"},
		{"SOURCE", "the ministry said in a statement", "the ministry", ""},
	}
	d := toolDocument(t, "d000000000000001", text, annotate.StatusDone, specs, [][2]int{{13, 14}, {18, 19}, {24, 25}})
	d.Document.SourcePath = "testdata/article.txt"
	return d
}

// toolUnicode is testdata/unicode.txt with the annotations of
// testdata/unicode_annotations.json (emoji, ZWJ sequences, flags,
// combining marks, CJK, Hebrew, Arabic, a span across a line break), a
// relation and a note.
func toolUnicode(t testing.TB) *annotate.DocumentData {
	text := annotatetest.Text(t, "unicode.txt")
	spans := annotatetest.UnicodeSpans(t)
	runes := []rune(text)
	var specs []toolSpec
	claim, source := -1, -1
	for i, sp := range spans {
		if got := string(runes[sp.Start:sp.End]); got != sp.Text {
			t.Fatalf("unicode_annotations.json: [%d,%d) is %q, want %q", sp.Start, sp.End, got, sp.Text)
		}
		// Give each span enough context to be found once.
		ctx := string(runes[max(sp.Start-12, 0):min(sp.End+12, len(runes))])
		note := ""
		if sp.Text == "Zoë Ndiaye" {
			note = "Zoë, with a combining diaeresis"
		}
		specs = append(specs, toolSpec{sp.Label, ctx, sp.Text, note})
		switch {
		case sp.Label == "CLAIM" && strings.HasPrefix(sp.Text, "“We"):
			claim = i
		case sp.Label == "SOURCE":
			source = i
		}
	}
	return toolDocument(t, "d000000000000002", text, annotate.StatusInProgress, specs, [][2]int{{claim, source}})
}

// toolFixtures returns the documents every format is tested on.
func toolFixtures(t testing.TB) []*annotate.DocumentData {
	t.Helper()
	return []*annotate.DocumentData{toolArticle(t), toolUnicode(t)}
}

// toolFixture is a fixture document with the name of its golden files.
type toolFixture struct {
	name string
	doc  *annotate.DocumentData
}

// toolNamed returns the fixtures by name.
func toolNamed(t testing.TB) []toolFixture {
	t.Helper()
	return []toolFixture{{"article", toolArticle(t)}, {"unicode", toolUnicode(t)}}
}

// toolSeq serves docs as an exporter takes them.
func toolSeq(docs ...*annotate.DocumentData) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// toolExportOptions returns the options of the golden exports, with the
// warnings collected in *warnings.
func toolExportOptions(warnings *[]string) ExportOptions {
	return ExportOptions{
		Schema:    annotate.DefaultSchema(),
		Annotator: "ana",
		Warn:      func(msg string) { *warnings = append(*warnings, msg) },
	}
}

// toolImportOptions returns import options whose ids count up.
func toolImportOptions() ImportOptions {
	n := 0
	return ImportOptions{
		Schema:    annotate.DefaultSchema(),
		Annotator: "importer",
		NewID: func() string {
			n++
			return fmt.Sprintf("%016x", 0xf000000000000000+uint64(n))
		},
	}
}
