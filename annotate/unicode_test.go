package annotate

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// unicodeSpan is one entry of testdata/unicode_annotations.json, whose
// offsets Python computed (testdata/gen_unicode_annotations.py).
type unicodeSpan struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Label      string `json:"label"`
	ByteStart  int    `json:"byte_start"`
	ByteEnd    int    `json:"byte_end"`
	UTF16Start int    `json:"utf16_start"`
	UTF16End   int    `json:"utf16_end"`
}

// TestUnicodeFixture checks the Index, the tokenizer and validation
// against spans over a torture text whose offsets Python computed.
func TestUnicodeFixture(t *testing.T) {
	raw, err := os.ReadFile("../testdata/unicode.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Guard the fixture itself: a checkout that converts line endings or
	// an editor that drops the BOM would make the test prove less.
	if !bytes.HasPrefix(raw, []byte("\uFEFF")) || !bytes.Contains(raw, []byte("\r\n")) {
		t.Fatal("testdata/unicode.txt lost its BOM or CRLF line endings")
	}
	text, err := NormalizeText("unicode.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(text, "\r\uFEFF") {
		t.Fatalf("normalised text still holds a CR or a BOM")
	}
	b, err := os.ReadFile("../testdata/unicode_annotations.json")
	if err != nil {
		t.Fatal(err)
	}
	var spans []unicodeSpan
	if err := json.Unmarshal(b, &spans); err != nil {
		t.Fatalf("unicode_annotations.json: %v", err)
	}
	if len(spans) < 12 {
		t.Fatalf("unicode_annotations.json has %d spans, want at least 12", len(spans))
	}
	x := NewIndex(text)
	tokens := Tokenize(text)
	schema := DefaultSchema()
	for _, sp := range spans {
		t.Run(sp.Text, func(t *testing.T) {
			if got := x.Slice(sp.Start, sp.End); got != sp.Text {
				t.Errorf("Slice(%d, %d) = %q, want %q", sp.Start, sp.End, got, sp.Text)
			}
			checkOffset(t, "ByteOffset", sp.Start, x.ByteOffset(sp.Start), sp.ByteStart)
			checkOffset(t, "ByteOffset", sp.End, x.ByteOffset(sp.End), sp.ByteEnd)
			checkOffset(t, "CodePoint", sp.ByteStart, x.CodePoint(sp.ByteStart), sp.Start)
			checkOffset(t, "CodePoint", sp.ByteEnd, x.CodePoint(sp.ByteEnd), sp.End)
			checkOffset(t, "UTF16Offset", sp.Start, x.UTF16Offset(sp.Start), sp.UTF16Start)
			checkOffset(t, "UTF16Offset", sp.End, x.UTF16Offset(sp.End), sp.UTF16End)
			checkOffset(t, "CodePointFromUTF16", sp.UTF16Start, x.CodePointFromUTF16(sp.UTF16Start), sp.Start)
			checkOffset(t, "CodePointFromUTF16", sp.UTF16End, x.CodePointFromUTF16(sp.UTF16End), sp.End)
			if got := text[sp.ByteStart:sp.ByteEnd]; got != sp.Text {
				t.Errorf("text[%d:%d] = %q, want %q", sp.ByteStart, sp.ByteEnd, got, sp.Text)
			}
			if got, want := RuneLen(sp.Text), sp.End-sp.Start; got != want {
				t.Errorf("RuneLen = %d, want %d", got, want)
			}
			if got, want := UTF16Len(sp.Text), sp.UTF16End-sp.UTF16Start; got != want {
				t.Errorf("UTF16Len = %d, want %d", got, want)
			}
			// Every span covers whole tokens, so snapping keeps it.
			if start, end := SnapToTokens(tokens, sp.Start, sp.End); start != sp.Start || end != sp.End {
				t.Errorf("SnapToTokens(%d, %d) = %d, %d, want it unchanged", sp.Start, sp.End, start, end)
			}
			a := Annotation{ID: NewID(), Start: sp.Start, End: sp.End, Label: sp.Label}
			if err := ValidateAnnotation(a, x.Len(), schema); err != nil {
				t.Errorf("ValidateAnnotation: %v", err)
			}
		})
	}
}

// checkOffset reports a lookup fn(arg) that returned got instead of want.
func checkOffset(t *testing.T, fn string, arg, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("%s(%d) = %d, want %d", fn, arg, got, want)
	}
}
