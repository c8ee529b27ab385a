package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestShortcutHelpAligns finds every key's description starting at the
// same column of the monospace text, and every key of the table in it.
func TestShortcutHelpAligns(t *testing.T) {
	lines := strings.Split(shortcutHelp(), "\n")
	col, n := -1, 0
	for _, s := range shortcuts {
		for _, k := range s.keys {
			i := indexLine(lines, "  "+k[0]+" ")
			if i < 0 {
				t.Fatalf("no line for %q", k[0])
			}
			at := strings.Index(lines[i], "  "+k[1])
			if at < 0 {
				t.Fatalf("line %q lacks %q", lines[i], k[1])
			}
			c := utf8.RuneCountInString(lines[i][:at])
			if col < 0 {
				col = c
			}
			if c != col {
				t.Errorf("%q: description at column %d, want %d", lines[i], c, col)
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("%d keys, want the table's", n)
	}
}

// indexLine returns the index of the first line starting with prefix.
func indexLine(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}
