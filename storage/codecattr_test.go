package storage

import (
	"encoding/hex"
	"errors"
	"reflect"
	"testing"
	"time"
	"unsafe"

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
	got, err := decodeAnnotation("d1", []byte("a1"), b, noCodes)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("decode format 1 annotation = %+v, %v; want %+v", got, err, want)
	}
	if enc := hex.EncodeToString(encodeAnnotation(want, noCodes)); enc != format1Annotation {
		t.Errorf("annotation without values encodes to %s, want the format 1 bytes %s", enc, format1Annotation)
	}
	b, _ = hex.DecodeString(format1Info)
	wantInfo := annotate.DocumentInfo{ID: "d1", Title: "Köln", SHA256: annotate.SHA256Hex("x"),
		Status: annotate.StatusInProgress, SourcePath: "/a/b.txt", Runes: 12, Annotations: 2,
		Relations: 1, Created: t0, Updated: t0}
	gotInfo, err := decodeInfo(b, noCodes)
	if err != nil || !reflect.DeepEqual(gotInfo, wantInfo) {
		t.Errorf("decode format 1 info = %+v, %v; want %+v", gotInfo, err, wantInfo)
	}
}

func TestCodecAttributesRoundTrip(t *testing.T) {
	vals := annotate.AttributesOf(map[string]annotate.AttrValue{
		"verdict":     annotate.StringValue("mostly_false"),
		"checkworthy": annotate.BoolValue(true),
		"hedged":      annotate.BoolValue(false),
		"kb_id":       annotate.StringValue("Q64 — Berlin 👋"),
	})
	a := annotate.Annotation{ID: "a1", DocumentID: "d1", Start: 3, End: 9, Label: "CLAIM",
		Attributes: vals, Created: t0, Updated: t0}
	got, err := decodeAnnotation("d1", []byte("a1"), encodeAnnotation(a, noCodes), noCodes)
	if err != nil || !got.Equal(a) {
		t.Errorf("annotation round trip = %+v, %v; want %+v", got, err, a)
	}
	in := annotate.DocumentInfo{ID: "d1", Status: annotate.StatusTodo,
		Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("jobs")}), Created: t0, Updated: t0}
	gotInfo, err := decodeInfo(encodeInfo(in, noCodes), noCodes)
	if err != nil || !reflect.DeepEqual(gotInfo, in) {
		t.Errorf("info round trip = %+v, %v; want %+v", gotInfo, err, in)
	}
}

func TestCodecAttributesCorrupt(t *testing.T) {
	base := encodeAnnotation(ann("a1", 3, 9, "CLAIM"), noCodes)
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
		{"a name twice", with(2, 1, 'x', attrTrue, 1, 'x', attrFalse)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeAnnotation("d1", []byte("a1"), tt.b, noCodes); !errors.Is(err, errCorrupt) {
				t.Errorf("decode = %v, want errCorrupt", err)
			}
		})
	}
}

// defaultCodes are the codes a new project gives the default schema.
func defaultCodes() *attrCodes {
	c, _ := noCodes.ensure(annotate.DefaultSchema())
	return c
}

// TestCodecCodedAttributes checks the records of format 3: values round
// trip with and without codes for them, a coded claim's verdict and
// check-worthiness take 3 bytes, and names and enum values decode to the
// dictionary's own strings, so that a million records do not each hold
// copies; a format 2 record's names are interned too.
func TestCodecCodedAttributes(t *testing.T) {
	codes := defaultCodes()
	base := len(encodeAnnotation(ann("a1", 3, 9, "CLAIM"), codes))
	a := ann("a1", 3, 9, "CLAIM")
	a.DocumentID = "d1"
	a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("mostly_false"),
		"checkworthy": annotate.BoolValue(true), "kb_id": annotate.StringValue("mostly_false"),
		"unknown": annotate.StringValue("x")})
	for _, c := range []*attrCodes{codes, noCodes} {
		got, err := decodeAnnotation("d1", []byte("a1"), encodeAnnotation(a, c), c)
		if err != nil || !got.Equal(a) {
			t.Errorf("round trip = %+v, %v; want %+v", got, err, a)
		}
	}
	claim := withVerdict("a1", "mostly_false")
	claim.Attributes = claim.Attributes.With("checkworthy", annotate.BoolValue(true))
	b := encodeAnnotation(claim, codes)
	if n := len(b) - base; n != 3 {
		t.Errorf("verdict and check-worthiness take %d bytes, want 3", n)
	}
	got, err := decodeAnnotation("d1", []byte("a1"), b, codes)
	if err != nil {
		t.Fatal(err)
	}
	old, err := decodeAnnotation("d1", []byte("a1"), append(encodeAnnotation(ann("a1", 3, 9, "CLAIM"), codes),
		1, 7, 'v', 'e', 'r', 'd', 'i', 'c', 't', attrString, 4, 't', 'r', 'u', 'e'), codes)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"verdict": "verdict", "checkworthy": "checkworthy", "mostly_false": "verdict"} {
		dict := codes.names[codes.nameCode[want]-1]
		if name == "mostly_false" {
			dict = codes.values[codes.valCode[codedValue{codes.nameCode[want], name}]].Name
		}
		if !sameString(name, got.Attributes, dict) {
			t.Errorf("%s is not the dictionary's string", name)
		}
	}
	if !sameString("verdict", old.Attributes, codes.names[codes.nameCode["verdict"]-1]) {
		t.Error("a format 2 record's name is not the dictionary's string")
	}
}

// sameString reports whether m holds name, or a value called name, as
// the very string dict (same bytes in memory).
func sameString(name string, m annotate.Attributes, dict string) bool {
	for k, v := range m.All() {
		if k == name && unsafe.StringData(k) == unsafe.StringData(dict) {
			return true
		}
		if v.Str() == name && unsafe.StringData(v.Str()) == unsafe.StringData(dict) {
			return true
		}
	}
	return false
}

func TestCodecCodedAttributesCorrupt(t *testing.T) {
	codes := defaultCodes()
	base := encodeAnnotation(ann("a1", 3, 9, "CLAIM"), codes)
	with := func(tail ...byte) []byte { return append(append([]byte(nil), base...), tail...) }
	item := func(code, tag int) byte { return byte(code<<tagBits | tag) }
	verdict, checkworthy := int(codes.nameCode["verdict"]), int(codes.nameCode["checkworthy"])
	falseCode := int(codes.valCode[codedValue{uint64(verdict), "false"}])
	tests := []struct {
		name string
		b    []byte
	}{
		{"no values", with(0)},
		{"name code beyond the codes", with(0, item(len(codes.names)+1, attrTrue))},
		{"value code beyond the codes", with(0, item(len(codes.values), attrEnum))},
		{"empty name written out", with(0, item(0, attrTrue), 0)},
		{"name cut short", with(0, item(0, attrTrue), 5, 'x')},
		{"empty string", with(0, item(verdict, attrString), 0)},
		{"string cut short", with(0, item(verdict, attrString), 5, 'x')},
		{"a name twice", with(0, item(checkworthy, attrTrue), item(checkworthy, attrFalse))},
		{"a name twice, once by its value", with(0, item(falseCode, attrEnum), item(verdict, attrString), 1, 'x')},
		{"varint cut short", with(0, 0x80)},
		// The encoder writes names in order, which Attributes keeps.
		{"names out of order", with(0, item(verdict, attrString), 1, 'x', item(checkworthy, attrTrue))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeAnnotation("d1", []byte("a1"), tt.b, codes); !errors.Is(err, errCorrupt) {
				t.Errorf("decode = %v, want errCorrupt", err)
			}
		})
	}
}

// TestCodecOldAttributesSorted wants the values of a format 1 or 2
// record, which need not be in name order, read into the order
// Attributes keeps.
func TestCodecOldAttributesSorted(t *testing.T) {
	rec := append(encodeAnnotation(ann("a1", 3, 9, "CLAIM"), noCodes), 2, 1, 'y', attrTrue, 1, 'x', attrString, 1, 'v')
	got, err := decodeAnnotation("d1", []byte("a1"), rec, noCodes)
	want := annotate.Attributes{{Name: "x", Value: annotate.StringValue("v")}, {Name: "y", Value: annotate.BoolValue(true)}}
	if err != nil || !got.Attributes.Equal(want) {
		t.Errorf("decode = %v, %v; want %v", got.Attributes, err, want)
	}
}
