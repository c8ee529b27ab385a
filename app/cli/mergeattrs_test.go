package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeAttributes: merged projects keep attribute values; with two
// inputs that differ, the tie keeps the first input's value and the note
// says so.
func TestMergeAttributes(t *testing.T) {
	dir := isolate(t)
	ana, ben := agreePair(t, dir)
	tests := []struct {
		name    string
		inputs  []string
		verdict string
		tie     string
	}{
		{"ben first", []string{ben, ana}, "false", "verdict: tie false/<unset>, kept ben"},
		{"ana first", []string{ana, ben}, "", "verdict: tie <unset>/false, kept ana"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".spanmark")
			mustRun(t, "", append([]string{"merge", "--out", out}, tc.inputs...)...)
			_, docs := loadProject(t, out)
			ties := 0
			for _, d := range docs {
				for _, a := range d.Annotations {
					if !strings.Contains(a.Note, "verdict: tie") {
						continue
					}
					ties++
					if got := a.Attributes.Get("verdict").String(); got != tc.verdict || !strings.HasSuffix(a.Note, tc.tie) {
						t.Errorf("%s: verdict %q, note %q; want %q and %q", a.Label, got, a.Note, tc.verdict, tc.tie)
					}
				}
			}
			if ties != 1 {
				t.Errorf("%d annotations tell of a tie, want 1", ties)
			}
		})
	}
}
