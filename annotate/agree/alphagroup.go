package agree

import (
	"slices"

	"spanmark/annotate"
)

// GroupDocuments groups the documents of several sides by text, given
// their text hashes side by side: the k-th copy of a text in one side is
// grouped with its k-th copy in every other, as Compare pairs two sides.
// Each group holds, per side, the document's position in that side or −1
// where the side lacks it. Groups come in the order their first document
// is met, side by side.
func GroupDocuments(hashes [][]string) [][]int {
	type key struct {
		sha  string
		copy int
	}
	index := map[key]int{}
	var groups [][]int
	for s, side := range hashes {
		copies := map[string]int{}
		for i, sha := range side {
			k := key{sha, copies[sha]}
			copies[sha]++
			g, ok := index[k]
			if !ok {
				g = len(groups)
				index[k] = g
				groups = append(groups, slices.Repeat([]int{-1}, len(hashes)))
			}
			groups[g][s] = i
		}
	}
	return groups
}

// Alpha returns Krippendorff's α per kind among the sides, every side
// that has a document being one of its raters, as AlphaTally defines it.
// Labels get their kinds from the first side's schema that has them. Nil
// documents are skipped.
func Alpha(sides []Side) AlphaFigures {
	docs := make([][]*annotate.DocumentData, len(sides))
	hashes := make([][]string, len(sides))
	schemas := make([]annotate.Schema, len(sides))
	for s, side := range sides {
		schemas[s] = side.Schema
		for _, d := range side.Docs {
			if d != nil {
				docs[s] = append(docs[s], d)
				hashes[s] = append(hashes[s], d.Document.TextHash())
			}
		}
	}
	t := NewAlphaTally(schemas...)
	copies := make([]*annotate.DocumentData, len(sides))
	for _, g := range GroupDocuments(hashes) {
		for s, pos := range g {
			copies[s] = nil
			if pos >= 0 {
				copies[s] = docs[s][pos]
			}
		}
		t.Add(copies...)
	}
	return t.Figures()
}
