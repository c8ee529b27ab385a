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
	var docsB []*annotate.DocumentData
	var hashesB []string
	for _, d := range b {
		if d != nil {
			docsB = append(docsB, d)
			hashesB = append(hashesB, d.Document.TextHash())
		}
	}
	p := NewPairer(hashesB)
	for _, d := range a {
		if d == nil {
			continue
		}
		sha := d.Document.TextHash()
		if j := p.Pair(sha); j >= 0 {
			pairs = append(pairs, pair{sha: sha, a: d, b: docsB[j]})
		}
	}
	onlyB, onlyA = p.Unpaired()
	return pairs, onlyA, onlyB
}

// Pairer pairs documents by text hash, as Compare does, when the
// documents of one side come one at a time and only the text hashes of
// the other side, the indexed one, are known beforehand: the k-th copy
// of a text on one side pairs with its k-th copy on the other.
type Pairer struct {
	copies           map[string][]int // indexed positions per hash, not yet paired
	indexed          int
	streamed, paired int
}

// NewPairer returns a Pairer for an indexed side whose documents have
// the given text hashes, in the side's order.
func NewPairer(hashes []string) *Pairer {
	p := &Pairer{copies: make(map[string][]int, len(hashes)), indexed: len(hashes)}
	for i, sha := range hashes {
		p.copies[sha] = append(p.copies[sha], i)
	}
	return p
}

// Pair returns the position on the indexed side of the partner of the
// next document of the streamed side, whose text hash is sha, or -1 when
// it has none.
func (p *Pairer) Pair(sha string) int {
	p.streamed++
	copies := p.copies[sha]
	if len(copies) == 0 {
		return -1
	}
	p.copies[sha] = copies[1:]
	p.paired++
	return copies[0]
}

// Unpaired returns how many documents of the indexed side, and of the
// streamed side so far, have no partner.
func (p *Pairer) Unpaired() (indexed, streamed int) {
	return p.indexed - p.paired, p.streamed - p.paired
}
