package formats

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

func toolAnchor(t *testing.T, raw string) *anchor {
	t.Helper()
	a, err := newAnchor("test", raw)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRemovedByNormalizing(t *testing.T) {
	tests := []struct {
		raw  string
		want []int
	}{
		{"plain", nil},
		{"\uFEFFbom", []int{0}},
		{"a\r\nb\r\n", []int{1, 4}},
		{"a\rb\r\r\nc", []int{4}},
		{"🚀\r\n", []int{1}},
		{"x\uFEFF", nil},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got := removedByNormalizing(tt.raw); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			a := toolAnchor(t, tt.raw)
			if len(a.removed) != len(tt.want) {
				t.Errorf("anchor removed %v, want %v", a.removed, tt.want)
			}
		})
	}
}

func TestAnchorOffset(t *testing.T) {
	// "\uFEFF🚀a\r\nb": raw code points BOM 0, 🚀 1, a 2, CR 3, LF 4, b 5;
	// raw UTF-16: BOM 0, 🚀 1-2, a 3, CR 4, LF 5, b 6; normalised "🚀a\nb".
	a := toolAnchor(t, "\uFEFF🚀a\r\nb")
	tests := []struct {
		name string
		off  int
		unit offsetUnit
		want int
		ok   bool
	}{
		{"start", 0, unitCodePoints, 0, true},
		{"after the BOM", 1, unitCodePoints, 0, true},
		{"after the emoji", 2, unitCodePoints, 1, true},
		{"before CR", 3, unitCodePoints, 2, true},
		{"between CR and LF", 4, unitCodePoints, 2, true},
		{"b", 5, unitCodePoints, 3, true},
		{"end", 6, unitCodePoints, 4, true},
		{"beyond", 7, unitCodePoints, 0, false},
		{"negative", -1, unitCodePoints, 0, false},
		{"UTF-16 after the emoji", 3, unitUTF16, 1, true},
		{"UTF-16 inside the emoji", 2, unitUTF16, 0, false},
		{"UTF-16 b", 6, unitUTF16, 3, true},
		{"UTF-16 end", 7, unitUTF16, 4, true},
		{"LF b", 3, unitLFCodePoints, 3, true},
		{"LF end", 4, unitLFCodePoints, 4, true},
		{"LF beyond", 5, unitLFCodePoints, 0, false},
		{"LF UTF-16 b", 4, unitLFUTF16, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, ok := a.offset(tt.off, tt.unit)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("offset(%d, %s) = %d, %v; want %d, %v", tt.off, tt.unit, got, ok, tt.want, tt.ok)
			}
		})
	}
	if got, want := a.units(), []offsetUnit{unitCodePoints, unitUTF16, unitLFCodePoints, unitLFUTF16}; !reflect.DeepEqual(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
	if got := toolAnchor(t, "plain").units(); !reflect.DeepEqual(got, []offsetUnit{unitCodePoints}) {
		t.Errorf("units of a plain text %v, want code points only", got)
	}
}

func TestAnchorSpanErrors(t *testing.T) {
	a := toolAnchor(t, "🚀 ab\r\ncd")
	tests := []struct {
		start, end int
		unit       offsetUnit
		want       string
	}{
		{-1, 2, unitCodePoints, "start -1 is negative"},
		{3, 3, unitCodePoints, "end 3 not after start 3"},
		{0, 120, unitCodePoints, "end 120 beyond text length 8"},
		{0, 10, unitUTF16, "end 10 beyond text length 9 (UTF-16 code units)"},
		{1, 3, unitUTF16, "[1,3) splits a surrogate pair (UTF-16 code units)"},
		{4, 5, unitCodePoints, "[4,5) holds only a line end that is dropped"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, _, err := a.span(tt.start, tt.end, tt.unit)
			if err == nil || err.Error() != tt.want {
				t.Errorf("span(%d, %d, %s) = %v, want %q", tt.start, tt.end, tt.unit, err, tt.want)
			}
		})
	}
}

func TestAnchorPlace(t *testing.T) {
	tests := []struct {
		name       string
		raw        string
		start, end int
		quote      string
		s, e       int
		repaired   bool
		ok         bool
	}{
		{"as given", "Bo said so.", 8, 10, "so", 8, 10, false, true},
		{"UTF-16", "🚀 Bo said so.", 11, 13, "so", 10, 12, true, true},
		{"CRLF counted", "Bo\r\nsaid so.", 9, 11, "so", 8, 10, false, true},
		{"CRLF counted as LF", "Bo\r\nsaid so.", 8, 10, "so", 8, 10, true, true},
		{"UTF-16 and LF", "🚀\r\nBo\r\nsaid so.", 11, 13, "so", 10, 12, true, true},
		{"quote with CRLF", "Bo\r\nsaid so.", 0, 8, "Bo\r\nsaid", 0, 7, false, true},
		{"nearest after", "so. so. so. so.", 7, 9, "so", 8, 10, true, true},
		{"nearest on a tie: the first", "so. so. so. so.", 6, 8, "so", 4, 6, true, true},
		{"nearest before", "so. so. so. so.", 10, 12, "so", 8, 10, true, true},
		{"nearest to an offset beyond the text", "so. so. so.", 80, 82, "so", 8, 10, true, true},
		{"overlapping occurrences", "aaaa", 9, 12, "aaa", 1, 4, true, true},
		// Label Studio saves a span across lines without its line breaks.
		{"quote without its line break", "Bo said\nso.", 3, 10, "saidso", 3, 10, false, true},
		{"quote with spaces trimmed", "Bo  said \n so.", 0, 13, "Bo said so", 0, 13, false, true},
		{"quote without its line break, UTF-16", "🚀 Bo said\r\nso.", 6, 14, "saidso", 5, 12, true, true},
		{"quote of other letters at the offsets", "Bo said\nso.", 3, 10, "saidto", 0, 0, false, false},
		{"loose quote at the offsets beats an exact one elsewhere", "a b ab", 0, 3, "ab", 0, 3, false, true},
		{"not found", "Bo said so.", 0, 2, "Al", 0, 0, false, false},
		{"empty quote", "Bo said so.", 0, 2, "", 0, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := toolAnchor(t, tt.raw)
			s, e, repaired, ok := a.place(tt.start, tt.end, tt.quote)
			if s != tt.s || e != tt.e || repaired != tt.repaired || ok != tt.ok {
				t.Errorf("place(%d, %d, %q) = %d, %d, %v, %v; want %d, %d, %v, %v",
					tt.start, tt.end, tt.quote, s, e, repaired, ok, tt.s, tt.e, tt.repaired, tt.ok)
			}
		})
	}
}

func TestAnchorPlaceFragments(t *testing.T) {
	a := toolAnchor(t, "🚀 Ana met\r\nBo.")
	tests := []struct {
		name     string
		frags    [][2]int
		quote    string
		want     [][2]int
		repaired bool
		ok       bool
	}{
		{"as given", [][2]int{{6, 9}, {11, 13}}, "met Bo", [][2]int{{6, 9}, {10, 12}}, false, true},
		{"UTF-16", [][2]int{{7, 10}, {12, 14}}, "met Bo", [][2]int{{6, 9}, {10, 12}}, true, true},
		{"wrong", [][2]int{{6, 9}, {11, 13}}, "met Al", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, repaired, ok := a.placeFragments(tt.frags, tt.quote, " ")
			if !reflect.DeepEqual(got, tt.want) || repaired != tt.repaired || ok != tt.ok {
				t.Errorf("got %v, %v, %v; want %v, %v, %v", got, repaired, ok, tt.want, tt.repaired, tt.ok)
			}
		})
	}
}

func TestAnchorGuessUnit(t *testing.T) {
	spans := func(pairs ...int) []toolSpan {
		var out []toolSpan
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, toolSpan{"x", pairs[i], pairs[i+1]})
		}
		return out
	}
	// "🚀 Bo said so.": code points Bo [2,4), so [10,12); UTF-16 Bo [3,5), so [11,13).
	tests := []struct {
		name  string
		raw   string
		spans []toolSpan
		want  offsetUnit
	}{
		{"plain text", "Bo said so.", spans(0, 2), unitCodePoints},
		{"code points fit words", "🚀 Bo said so.", spans(2, 4, 10, 12), unitCodePoints},
		{"UTF-16 fits words", "🚀 Bo said so.", spans(3, 5, 11, 13), unitUTF16},
		{"more fit UTF-16", "🚀 Bo said so.", spans(2, 4, 3, 5, 11, 13), unitUTF16},
		{"tie", "🚀 Bo said so.", spans(4, 6), unitCodePoints},
		{"only UTF-16 fits the text", "🚀 Bo said so.", spans(4, 14), unitUTF16},
		{"nothing fits", "🚀 Bo said so.", spans(0, 99), unitCodePoints},
		{"LF fits words", "Bo\r\nsaid so.", spans(8, 10), unitLFCodePoints},
		{"CRLF fits words", "Bo\r\nsaid so.", spans(9, 11), unitCodePoints},
		{"no spans", "🚀 Bo", nil, unitCodePoints},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := toolAnchor(t, tt.raw).guessUnit(tt.spans); got != tt.want {
				t.Errorf("guessUnit = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestAnchorInvalidText(t *testing.T) {
	_, err := newAnchor("doc.txt", "ok\xffno")
	if err == nil || !strings.Contains(err.Error(), "doc.txt: invalid UTF-8 at byte 2") {
		t.Errorf("got %v, want an error naming the file and byte", err)
	}
}

// TestRepairsUTF16 imports files whose offsets a browser counted in UTF-16
// code units, after emoji: every span is moved back and counted. doccano
// carries no span text, so its reading is chosen per document and noted;
// Label Studio's regions are re-anchored by their text.
func TestRepairsUTF16(t *testing.T) {
	want := []string{`CLAIM [45,60) "“We are ready,”"`, `DATE [36,43) "March 3"`, `LOC [25,29) "Kyiv"`,
		`ORG [2,10) "Orbita-2"`, `SOURCE [66,76) "Zoë Ndiaye"`}
	for _, c := range []struct {
		file, note string
		read       func(io.Reader, string, ImportOptions) ([]*annotate.DocumentData, Report, error)
	}{
		{"utf16.doccano.jsonl", "line 1: offsets read as UTF-16 code units: 5 spans moved", ImportDoccano},
		{"utf16.labelstudio.json", "", ImportLabelStudio},
	} {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(toolGoldenDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			docs, rep, err := c.read(f, c.file, toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			v := toolViewOf(docs[0], false, true)
			if !reflect.DeepEqual(v.Spans, want) {
				t.Errorf("spans %q\nwant %q", v.Spans, want)
			}
			if len(v.Relations) != 1 {
				t.Errorf("relations %q, want the claim attributed to Zoë Ndiaye", v.Relations)
			}
			if rep.Repaired != 5 || len(rep.Unconfirmed) != 0 {
				t.Errorf("repaired %d, unconfirmed %q; want 5 repaired", rep.Repaired, rep.Unconfirmed)
			}
			if c.note != "" && (len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], c.note)) {
				t.Errorf("notes %q, want one saying %q", rep.Notes, c.note)
			}
		})
	}
}
