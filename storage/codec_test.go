package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"spanmark/annotate"
)

func TestCodecRoundTrip(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*60*60)
	anns := []annotate.Annotation{
		{ID: "a1", DocumentID: "d1", Start: 0, End: 1, Label: "PERSON"},
		{ID: "a2", DocumentID: "d1", Start: 1 << 40, End: 1<<40 + 5, Label: "LOC", Note: "naïve 👋\x00",
			Annotator: "Zoë", Created: t0, Updated: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)},
		{ID: "a3", DocumentID: "d1", Start: 3, End: 9, Label: "MISC",
			Created: time.Date(2262, 4, 11, 23, 47, 16, 999999999, time.UTC), Updated: t0.In(tokyo)},
	}
	for _, a := range anns {
		got, err := decodeAnnotation(a.DocumentID, []byte(a.ID), encodeAnnotation(a, noCodes), noCodes)
		a.Updated = a.Updated.UTC()
		if err != nil || !got.Equal(a) {
			t.Errorf("annotation round trip = %+v, %v; want %+v", got, err, a)
		}
	}

	r := annotate.Relation{ID: "r1", DocumentID: "d1", Type: "attributed_to", From: "a1", To: "a2", Created: t0}
	if got, err := decodeRelation("d1", []byte("r1"), encodeRelation(r)); err != nil || got != r {
		t.Errorf("relation round trip = %+v, %v; want %+v", got, err, r)
	}

	in := annotate.DocumentInfo{
		ID: "d1", Title: "Köln", SHA256: annotate.SHA256Hex("x"), Status: annotate.StatusInProgress,
		SourcePath: "/a/b.txt", Runes: 123456, Annotations: 20000, Relations: 7, Created: t0, Updated: t0,
	}
	if got, err := decodeInfo(encodeInfo(in, noCodes), noCodes); err != nil || !reflect.DeepEqual(got, in) {
		t.Errorf("info round trip = %+v, %v; want %+v", got, err, in)
	}
	if got, err := decodeInfo(encodeInfo(annotate.DocumentInfo{}, noCodes), noCodes); err != nil || !reflect.DeepEqual(got, annotate.DocumentInfo{}) {
		t.Errorf("zero info round trip = %+v, %v", got, err)
	}
}

func TestCodecCorrupt(t *testing.T) {
	good := encodeAnnotation(ann("a1", 3, 9, "PERSON"), noCodes)
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"truncated", good[:len(good)-1]},
		{"cut in a string", good[:4]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
		{"string longer than the record", []byte{6, 18, 0xff, 0x01, 'P'}},
		{"nanoseconds out of range", append(good[:len(good)-5:len(good)-5], 0, 0x80, 0x94, 0xeb, 0xdc, 0x03)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeAnnotation("d1", []byte("a1"), tt.b, noCodes); !errors.Is(err, errCorrupt) {
				t.Errorf("decodeAnnotation = %v, want errCorrupt", err)
			}
		})
	}
	if _, err := decodeInfo([]byte{1}, noCodes); !errors.Is(err, errCorrupt) {
		t.Errorf("decodeInfo of a short record = %v, want errCorrupt", err)
	}
	if _, err := decodeRelation("d1", []byte("r1"), []byte{0xff}); !errors.Is(err, errCorrupt) {
		t.Errorf("decodeRelation of a bad record = %v, want errCorrupt", err)
	}
}
