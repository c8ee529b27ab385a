package app

import (
	"os"

	"spanmark/annotate"
)

// textHash is the hash that pairs a document with its copy in another
// file, as package agree pairs them: its SHA256, or the hash of its text
// when that is empty.
func textHash(d annotate.Document) string {
	if d.SHA256 != "" {
		return d.SHA256
	}
	return annotate.SHA256Hex(d.Text)
}

// sameFile reports whether the paths name the same file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
