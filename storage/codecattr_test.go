package storage

import (
	"encoding/hex"
	"errors"
	"reflect"
	"testing"
	"time"

	"spanmark/annotate"
)

// Records written by the encoder before attributes existed (format 1),
// kept as hex so that a change to the encoder cannot change them.
const (
	format1Annotation = "061205434c41494d066e61c3af7665045a6fc3abcc9aa2fd0ccccec4ff01ce9aa2fd0ccccec4ff01"
	format1Info       = "026431054bc3b66c6e40326437313136343262373236623034343031363237636139666261633332" +
		"663563383533306662313930336363346462303232353837313739323161343838310b696e5f70726f" +
		"6772657373082f612f622e747874180402cc9aa2fd0ccccec4ff01cc9aa2fd0ccccec4ff01"
)

func TestCodecReadsFormat1Records(t *testing.T) {
	b, _ := hex.DecodeString(format1Annotation)
	want := annotate.Annotation{ID: "a1", DocumentID: "d1", Start: 3, End: 9, Label: "CLAIM",
		Note: "naïve", Annotator: "Zoë", Created: t0, Updated: t0.Add(time.Second)}
	got, err := decodeAnnotation("d1", []byte("a1"), b)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("decode format 1 annotation = %+v, %v; want %+v", got, err, want)
	}
	if enc := hex.EncodeToString(encodeAnnotation(want)); enc != format1Annotation {
		t.Errorf("annotation without values encodes to %s, want the format 1 bytes %s", enc, format1Annotation)
	}
	b, _ = hex.DecodeString(format1Info)
	wantInfo := annotate.DocumentInfo{ID: "d1", Title: "Köln", SHA256: annotate.SHA256Hex("x"),
		Status: annotate.StatusInProgress, SourcePath: "/a/b.txt", Runes: 12, Annotations: 2,
		Relations: 1, Created: t0, Updated: t0}
	gotInfo, err := decodeInfo(b)
	if err != nil || !reflect.DeepEqual(gotInfo, wantInfo) {
		t.Errorf("decode format 1 info = %+v, %v; want %+v", gotInfo, err, wantInfo)
	}
}

func TestCodecAttributesRoundTrip(t *testing.T) {
	vals := annotate.Attributes{
		"verdict":     annotate.StringValue("mostly_false"),
		"checkworthy": annotate.BoolValue(true),
		"hedged":      annotate.BoolValue(false),
		"kb_id":       annotate.StringValue("Q64 — Berlin 👋"),
	}
	a := annotate.Annotation{ID: "a1", DocumentID: "d1", Start: 3, End: 9, Label: "CLAIM",
		Attributes: vals, Created: t0, Updated: t0}
	got, err := decodeAnnotation("d1", []byte("a1"), encodeAnnotation(a))
	if err != nil || !got.Equal(a) {
		t.Errorf("annotation round trip = %+v, %v; want %+v", got, err, a)
	}
	in := annotate.DocumentInfo{ID: "d1", Status: annotate.StatusTodo,
		Attributes: annotate.Attributes{"topic": annotate.StringValue("jobs")}, Created: t0, Updated: t0}
	gotInfo, err := decodeInfo(encodeInfo(in))
	if err != nil || !reflect.DeepEqual(gotInfo, in) {
		t.Errorf("info round trip = %+v, %v; want %+v", gotInfo, err, in)
	}
}

func TestCodecAttributesCorrupt(t *testing.T) {
	base := encodeAnnotation(ann("a1", 3, 9, "CLAIM"))
	with := func(tail ...byte) []byte { return append(append([]byte(nil), base...), tail...) }
	tests := []struct {
		name string
		b    []byte
	}{
		{"count zero", with(0)},
		{"count beyond the record", with(100, 1, 'x', attrTrue)},
		{"unknown tag", with(1, 1, 'x', 7)},
		{"empty string value", with(1, 1, 'x', attrString, 0)},
		{"missing tag", with(1, 1, 'x')},
		{"string cut short", with(1, 1, 'x', attrString, 5, 'a')},
		{"bytes after the values", with(1, 1, 'x', attrTrue, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeAnnotation("d1", []byte("a1"), tt.b); !errors.Is(err, errCorrupt) {
				t.Errorf("decode = %v, want errCorrupt", err)
			}
		})
	}
}
