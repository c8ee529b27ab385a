package agree

import "spanmark/annotate"

// Side is one annotator's work: a name for tables and merge notes, the
// schema that gives each label its kind, and the documents.
type Side struct {
	Name   string
	Schema annotate.Schema
	Docs   []*annotate.DocumentData
}

// pair is the two sides' copies of one text.
type pair struct {
	sha  string
	a, b *annotate.DocumentData
}

// pairDocuments pairs a's and b's documents by text hash, in a's order,
// and counts the documents left over on each side. Nil documents are
// skipped.
func pairDocuments(a, b []*annotate.DocumentData) (pairs []pair, onlyA, onlyB int) {
	inB := make(map[string][]*annotate.DocumentData, len(b))
	nb := 0
	for _, d := range b {
		if d == nil {
			continue
		}
		sha := d.Document.TextHash()
		inB[sha] = append(inB[sha], d)
		nb++
	}
	for _, d := range a {
		if d == nil {
			continue
		}
		sha := d.Document.TextHash()
		copies := inB[sha]
		if len(copies) == 0 {
			onlyA++
			continue
		}
		pairs = append(pairs, pair{sha: sha, a: d, b: copies[0]})
		inB[sha] = copies[1:]
	}
	return pairs, onlyA, nb - len(pairs)
}
