package formats

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

func TestCoNLLExport(t *testing.T) {
	doc := func(text string, anns ...annotate.Annotation) *annotate.DocumentData {
		return &annotate.DocumentData{Document: annotate.Document{ID: "d", Title: "t", Text: text}, Annotations: anns}
	}
	ann := func(start, end int, label string) annotate.Annotation {
		return annotate.Annotation{ID: label + itoa(start), Start: start, End: end, Label: label}
	}
	tests := []struct {
		name     string
		d        *annotate.DocumentData
		kind     annotate.Kind
		want     string
		warnings []string
	}{
		{"sentences", doc("Kim left. Putin stayed!\nOK…  yes"), "",
			"-DOCSTART- -X- O O\n\nKim\tO\nleft\tO\n.\tO\n\nPutin\tO\nstayed\tO\n!\tO\n\nOK\tO\n…\tO\n\nyes\tO\n\n", nil},
		{"no split inside", doc("U.S.A. and 3.5"), "",
			"-DOCSTART- -X- O O\n\nU\tO\n.\tO\nS\tO\n.\tO\nA\tO\n.\tO\n\nand\tO\n3.5\tO\n\n", nil},
		{"numbers", doc("Sent 6,000 and 1.5. Then 1,2", ann(5, 10, "QUANTITY")), "",
			"-DOCSTART- -X- O O\n\nSent\tO\n6,000\tB-QUANTITY\nand\tO\n1.5\tO\n.\tO\n\nThen\tO\n1\tO\n,\tO\n2\tO\n\n", nil},
		{"IOB2", doc("New York New York", ann(0, 8, "LOC"), ann(9, 17, "LOC")), "",
			"-DOCSTART- -X- O O\n\nNew\tB-LOC\nYork\tI-LOC\nNew\tB-LOC\nYork\tI-LOC\n\n", nil},
		{"other kinds left out", doc("Bo said so", ann(0, 2, "SOURCE"), ann(8, 10, "CLAIM"), ann(0, 2, "PERSON")), "",
			"-DOCSTART- -X- O O\n\nBo\tB-PERSON\nsaid\tO\nso\tO\n\n", nil},
		{"claims", doc("Bo said so", ann(0, 2, "SOURCE"), ann(3, 10, "CLAIM")), annotate.KindClaim,
			"-DOCSTART- -X- O O\n\nBo\tO\nsaid\tB-CLAIM\nso\tI-CLAIM\n\n", nil},
		{"not aligned", doc("Korean people", ann(0, 5, "LOC"), ann(8, 13, "MISC")), "",
			"-DOCSTART- -X- O O\n\nKorean\tB-LOC\npeople\tB-MISC\n\n",
			[]string{"conll: document d (t): 2 entity spans do not start and end on token boundaries; tagged by the tokens they overlap"}},
		{"overlap", doc("New York City", ann(0, 8, "LOC"), ann(0, 13, "LOC"), ann(9, 13, "ORG")), "",
			"-DOCSTART- -X- O O\n\nNew\tB-LOC\nYork\tI-LOC\nCity\tI-LOC\n\n",
			[]string{"conll: document d (t): 2 entity spans overlap a longer one and are left out"}},
		{"empty", doc(" \n "), "", "-DOCSTART- -X- O O\n\n", nil},
		{"no break inside a span", doc("Bo said\n\nno. Then yes. Ok", ann(3, 21, "CLAIM")), annotate.KindClaim,
			"-DOCSTART- -X- O O\n\nBo\tO\nsaid\tB-CLAIM\nno\tI-CLAIM\n.\tI-CLAIM\nThen\tI-CLAIM\nyes\tI-CLAIM\n.\tO\n\nOk\tO\n\n", nil},
		{"break after a span", doc("Kim\nleft", ann(0, 3, "PERSON")), "",
			"-DOCSTART- -X- O O\n\nKim\tB-PERSON\n\nleft\tO\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			var warnings []string
			o := ExportOptions{Schema: annotate.DefaultSchema(), Kind: tt.kind, Warn: func(m string) { warnings = append(warnings, m) }}
			if err := ExportCoNLL(&buf, toolSeq(tt.d), o); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings %q, want %q", warnings, tt.warnings)
			}
		})
	}
}

// TestCoNLLDocStart checks the separators DocStart chooses, and that the
// importer reads both forms and the older "-DOCSTART-<TAB>O".
func TestCoNLLDocStart(t *testing.T) {
	docs := []*annotate.DocumentData{
		{Document: annotate.Document{ID: "a", Text: "Kim left"}, Annotations: []annotate.Annotation{{ID: "x", Start: 0, End: 3, Label: "PERSON"}}},
		{Document: annotate.Document{ID: "b", Text: "Bo"}},
	}
	tests := []struct {
		docStart, want string
		docs           int
	}{
		{"", "-DOCSTART- -X- O O\n\nKim\tB-PERSON\nleft\tO\n\n-DOCSTART- -X- O O\n\nBo\tO\n\n", 2},
		{DocStartCoNLL2003, "-DOCSTART- -X- O O\n\nKim\tB-PERSON\nleft\tO\n\n-DOCSTART- -X- O O\n\nBo\tO\n\n", 2},
		{DocStartNone, "Kim\tB-PERSON\nleft\tO\n\nBo\tO\n\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.docStart, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportCoNLL(&buf, toolSeq(docs...), ExportOptions{Schema: annotate.DefaultSchema(), DocStart: tt.docStart}); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			got, _, err := ImportCoNLL(&buf, "x.conll", toolImportOptions())
			if err != nil || len(got) != tt.docs {
				t.Errorf("import: %d documents, %v; want %d", len(got), err, tt.docs)
			}
		})
	}
	old := "-DOCSTART-\tO\n\nKim\tB-PERSON\n\n-DOCSTART-\tO\n\nBo\tO\n"
	if got, _, err := ImportCoNLL(strings.NewReader(old), "old.conll", toolImportOptions()); err != nil || len(got) != 2 {
		t.Errorf("import of the old separator: %d documents, %v; want 2", len(got), err)
	}
	err := ExportCoNLL(&bytes.Buffer{}, toolSeq(docs...), ExportOptions{DocStart: "yes"})
	if err == nil || !strings.Contains(err.Error(), `docstart "yes"`) {
		t.Errorf("DocStart yes: error %v, want one naming it", err)
	}
}

// TestCoNLLRoundTrip checks that each token's tag survives export,
// import and export again. The sentences may not: the rebuilt text puts a
// space after every ".", so "€4.5" ends a sentence the second time.
func TestCoNLLRoundTrip(t *testing.T) {
	for _, kind := range []annotate.Kind{annotate.KindEntity, annotate.KindClaim} {
		t.Run(string(kind), func(t *testing.T) {
			o := ExportOptions{Schema: annotate.DefaultSchema(), Kind: kind}
			var first bytes.Buffer
			if err := ExportCoNLL(&first, toolSeq(toolFixtures(t)...), o); err != nil {
				t.Fatal(err)
			}
			docs, rep, err := ImportCoNLL(bytes.NewReader(first.Bytes()), "x.conll", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			var second bytes.Buffer
			if err := ExportCoNLL(&second, toolSeq(docs...), o); err != nil {
				t.Fatal(err)
			}
			if got, want := conllPairs(second.String()), conllPairs(first.String()); !reflect.DeepEqual(got, want) {
				t.Errorf("tokens and tags differ after a round trip")
			}
		})
	}
}

// conllPairs returns the token and tag lines of a CoNLL file.
func conllPairs(s string) []string {
	var pairs []string
	for _, line := range strings.Split(s, "\n") {
		if line != "" && !strings.HasPrefix(line, "-DOCSTART-") {
			pairs = append(pairs, line)
		}
	}
	return pairs
}

func TestCoNLLImport(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		texts []string
		spans [][]string
		notes int
	}{
		{"two documents", "-DOCSTART- -X- -X- O\n\nKim NNP B-NP B-PER\nleft VBD B-VP O\n. . O O\n\nHe PRP O O\n\n-DOCSTART- O\n\nOslo\tB-LOC\n",
			[]string{"Kim left .\nHe", "Oslo"}, [][]string{{`PER [0,3) "Kim"`}, {`LOC [0,4) "Oslo"`}}, 0},
		{"no DOCSTART", "New\tB-LOC\nYork\tI-LOC\nNew\tB-LOC\n", []string{"New York New"},
			[][]string{{`LOC [0,8) "New York"`, `LOC [9,12) "New"`}}, 0},
		{"IOB1", "New\tI-LOC\nYork\tI-LOC\nis\tO\nbig\tI-MISC\n", []string{"New York is big"},
			[][]string{{`LOC [0,8) "New York"`, `MISC [12,15) "big"`}}, 1},
		{"label changes", "Bo\tB-PER\nInc\tI-ORG\n", []string{"Bo Inc"},
			[][]string{{`ORG [3,6) "Inc"`, `PER [0,2) "Bo"`}}, 1},
		{"across sentences", "Ana\tB-CLAIM\nleft\tI-CLAIM\n.\tI-CLAIM\n\nBo\tI-CLAIM\nstayed\tO\n", []string{"Ana left .\nBo stayed"},
			[][]string{{"CLAIM [0,13) \"Ana left .\\nBo\""}}, 0},
		{"CRLF and BOM", "\uFEFFKim\tB-PER\r\n\r\nleft\tO\r\n", []string{"Kim\nleft"}, [][]string{{`PER [0,3) "Kim"`}}, 0},
		{"empty documents", "-DOCSTART- O\n\n-DOCSTART- O\nHi\tO\n\n\n-DOCSTART- O\n", []string{"Hi"}, [][]string(nil), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ImportCoNLL(strings.NewReader(tt.in), "x.conll", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			var texts []string
			var spans [][]string
			for _, d := range docs {
				texts = append(texts, d.Document.Text)
				if v := toolViewOf(d, false, false); v.Spans != nil {
					spans = append(spans, v.Spans)
				}
			}
			if !reflect.DeepEqual(texts, tt.texts) || !reflect.DeepEqual(spans, tt.spans) {
				t.Errorf("texts %q spans %q\nwant %q %q", texts, spans, tt.texts, tt.spans)
			}
			if len(rep.Notes) != tt.notes {
				t.Errorf("notes %q, want %d", rep.Notes, tt.notes)
			}
		})
	}
}

func TestCoNLLImportErrors(t *testing.T) {
	toolImportErrors(t, ImportCoNLL, "x.conll", []struct{ name, in, want string }{
		{"one column", "Kim\tB-PER\nleft\n", `import x.conll: line 2: want TOKEN<TAB>TAG, got "left"`},
		{"bad tag", "Kim\tB-PER\n\nleft\tX-PER\n", `import x.conll: line 3: tag "X-PER" is not O, B-LABEL or I-LABEL`},
		{"no label", "Kim\tB-\n", `import x.conll: line 1: tag "B-" is not O, B-LABEL or I-LABEL`},
		{"empty token", "\tO\n", `import x.conll: line 1: want TOKEN<TAB>TAG`},
		{"invalid UTF-8", "Kim\tO\n\xff\tO\n", `import x.conll: line 1: text: invalid UTF-8 at byte 4`},
	})
}

func FuzzImportCoNLL(f *testing.F) {
	f.Add([]byte("-DOCSTART- O\n\nKim\tB-PER\nJong\tI-PER\n.\tO\n\nHe\tI-X\n"))
	f.Add([]byte("\uFEFFa b c B-X\r\n\r\n-DOCSTART-\n"))
	for _, g := range []string{"article.conll", "unicode.conll"} {
		if b, err := readGoldenSeed(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, rep, err := ImportCoNLL(bytes.NewReader(data), "fuzz.conll", toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
