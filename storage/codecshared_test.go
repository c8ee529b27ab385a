package storage

import (
	"reflect"
	"sync"
	"testing"

	"spanmark/annotate"
)

// TestCodecSharesCodedSections checks that annotations whose values are
// all codes decode to one map per distinct set of values, and that
// values written out (text, names without a code) get maps of their own.
func TestCodecSharesCodedSections(t *testing.T) {
	codes := defaultCodes()
	str, yes := annotate.StringValue, annotate.BoolValue(true)
	tests := []struct {
		name   string
		a, b   annotate.Attributes
		shared bool
	}{
		{"equal enum values", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false")}), annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false")}), true},
		{"equal enum and bool", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("mixed"), "checkworthy": yes}),
			annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("mixed"), "checkworthy": yes}), true},
		{"other enum values", annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false")}), annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("true")}), false},
		{"equal text", annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": str("Q64")}), annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": str("Q64")}), false},
		{"a name without a code", annotate.AttributesOf(map[string]annotate.AttrValue{"extra": yes}), annotate.AttributesOf(map[string]annotate.AttrValue{"extra": yes}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [2]annotate.Attributes
			for i, vals := range []annotate.Attributes{tt.a, tt.b} {
				a := ann("a1", 3, 9, "CLAIM")
				a.DocumentID, a.Attributes = "d1", vals
				d, err := decodeAnnotation("d1", []byte("a1"), encodeAnnotation(a, codes), codes)
				if err != nil || !reflect.DeepEqual(d.Attributes, vals) {
					t.Fatalf("decode = %v, %v; want %v", d.Attributes, err, vals)
				}
				got[i] = d.Attributes
			}
			same := reflect.ValueOf(got[0]).UnsafePointer() == reflect.ValueOf(got[1]).UnsafePointer()
			if same != tt.shared {
				t.Errorf("one map for both = %v, want %v", same, tt.shared)
			}
		})
	}
}

// TestCodecSharedSectionsConcurrently decodes coded sections from several
// goroutines, as agree's workers load documents (run with -race).
func TestCodecSharedSectionsConcurrently(t *testing.T) {
	codes := defaultCodes()
	verdicts := annotate.DefaultAttributes()[0].Values
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				a := ann("a1", 3, 9, "CLAIM")
				a.DocumentID = "d1"
				a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue(verdicts[(i+w)%len(verdicts)].Name)})
				d, err := decodeAnnotation("d1", []byte("a1"), encodeAnnotation(a, codes), codes)
				if err != nil || !d.Equal(a) {
					t.Errorf("decode = %+v, %v; want %+v", d, err, a)
					return
				}
			}
		})
	}
	wg.Wait()
}
