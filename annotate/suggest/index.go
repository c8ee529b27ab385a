// Package suggest computes the suggestions a project's own annotations
// make: every annotated surface string, with the distribution of labels
// it was given, becomes a pattern, and every other occurrence of it in
// any document is suggested for each of its labels, scored by that
// label's share of the string's annotations.
//
// An occurrence starts at the start of a token and ends at the end of a
// token of the document (annotate.Tokenize), so "Russia" is never
// suggested inside "Russian". An occurrence already covered by an
// annotation of a label (one that contains its span) is not suggested
// for that label.
//
// Rejections suppress two things. The rejected span with its label is
// never suggested again in that document, from any source (a store
// leaves such suggestions out too). And the rejected string drops out of
// the index for that label: it is no longer suggested with that label
// anywhere, while its other labels keep their shares. (A model's
// prediction is about one place, so rejecting one suppresses only that
// place; this package's suggestions are about a string, so rejecting one
// says the string is not that label.)
//
// An Index is built once from the whole project (Build) and then kept up
// to date one annotation at a time (Index.Add, Index.Remove, or through
// an open document's Doc.Edit), never rebuilt per keystroke.
package suggest

import (
	"strings"

	"spanmark/annotate"
)

// Options configures an Index.
type Options struct {
	// CaseInsensitive matches a string whatever its case: strings are
	// compared lower-cased (strings.ToLower).
	CaseInsensitive bool
}

// Index holds every annotated surface string of a project with its label
// distribution, and the project's rejections. It is not safe for
// concurrent use.
type Index struct {
	opts  Options
	vocab vocab
	trie  trie      // the patterns' token ids
	pats  []pattern // the patterns, the trie's nodes pointing in
	live  int       // how many of pats are still patterns
	// maxTok is the most tokens a pattern has ever had: how far past a
	// range SuggestIn must read to find the matches that start in it.
	maxTok int
	keys   []byte // the patterns' keys, back to back
	// counts holds the patterns' label counts (labels.go), freeCount the
	// first of its slots that were emptied (a ref; 0 when none); names
	// holds the labels by number, and labelNos the numbers by name.
	counts    []labelCount
	freeCount int32
	names     []string
	labelNos  map[string]uint32
	// rejected holds, by label, the strings (keys) rejected for it;
	// rejectedAt the rejected spans and labels of each document.
	rejected   map[string]map[string]bool
	rejectedAt map[string]map[annotate.SpanLabel]bool
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	return &Index{
		opts:       opts,
		vocab:      make(vocab),
		trie:       newTrie(),
		labelNos:   make(map[string]uint32),
		rejected:   make(map[string]map[string]bool),
		rejectedAt: make(map[string]map[annotate.SpanLabel]bool),
	}
}

// Options returns the options the index was made with.
func (x *Index) Options() Options { return x.opts }

// Patterns returns how many distinct strings the index holds.
func (x *Index) Patterns() int { return x.live }

// ids returns the ids of the (folded) tokens of w, numbering new ones
// when intern is set, else noTok for those the index has not seen.
func (x *Index) ids(w *words, intern bool, buf []int32) []int32 {
	buf = buf[:0]
	for i := range w.toks {
		t := x.fold(w.word(i))
		if intern {
			buf = append(buf, x.vocab.intern(t))
		} else {
			buf = append(buf, x.vocab.id(t))
		}
	}
	return buf
}

// strKey is what the index knows a string by: its key (the text from its
// first token's start to its last token's end, lower-cased when case is
// ignored), the key of its first token and its number of tokens. A
// string without tokens has ntok 0.
type strKey struct {
	key, first string
	ntok       int
}

// keyOf returns the key of text.
func (x *Index) keyOf(text string) strKey {
	w := newWords(text)
	if len(w.toks) == 0 {
		return strKey{}
	}
	last := len(w.toks) - 1
	return strKey{
		key:   x.fold(text[w.toks[0].b0:w.toks[last].b1]),
		first: x.fold(w.word(0)),
		ntok:  len(w.toks),
	}
}

// fold lower-cases s when the index ignores case.
func (x *Index) fold(s string) string {
	if x.opts.CaseInsensitive {
		return strings.ToLower(s)
	}
	return s
}

// Add counts one more annotation of text with label.
func (x *Index) Add(text, label string) {
	w := newWords(text)
	if len(w.toks) == 0 {
		return
	}
	x.add(x.fold(w.span(0, len(w.toks)-1)), x.ids(&w, true, nil), label)
}

// Remove counts one annotation of text with label less, as when it is
// deleted or relabelled. Removing what was never added does nothing.
func (x *Index) Remove(text, label string) {
	w := newWords(text)
	if len(w.toks) == 0 {
		return
	}
	x.remove(x.fold(w.span(0, len(w.toks)-1)), x.ids(&w, false, nil), label)
}

// Reject records a rejection: its span and label are not suggested again
// in its document, and its text no longer with its label anywhere.
func (x *Index) Reject(r annotate.Rejection) {
	if k := x.keyOf(r.Text); k.ntok > 0 {
		keys := x.rejected[r.Label]
		if keys == nil {
			keys = make(map[string]bool)
			x.rejected[r.Label] = keys
		}
		keys[k.key] = true
	}
	at := x.rejectedAt[r.DocumentID]
	if at == nil {
		at = make(map[annotate.SpanLabel]bool)
		x.rejectedAt[r.DocumentID] = at
	}
	at[r.Key()] = true
}

// isRejected reports whether the string key was rejected for label.
func (x *Index) isRejected(key []byte, label string) bool {
	keys := x.rejected[label]
	return keys != nil && keys[string(key)]
}

// AddDocument adds every annotation of d. The document is tokenized
// once: an annotation that starts at a token's start and ends at a
// token's end is keyed by those tokens, as keyOf would key its text (a
// token's extent depends only on the characters inside it and the one
// after it, which lies outside the annotation in both); only one that
// cuts a word is tokenized on its own.
func (x *Index) AddDocument(d *annotate.DocumentData) {
	w := newWords(d.Document.Text)
	x.addWords(d, &w)
}

// addWords is AddDocument of d, whose text's tokens are w.
func (x *Index) addWords(d *annotate.DocumentData, w *words) {
	text := d.Document.Text
	var ix *annotate.Index
	var ids []int32
	for _, a := range d.Annotations {
		i, j := w.firstFrom(a.Start), w.firstFrom(a.End)-1
		if i <= j && j < len(w.toks) && w.toks[i].start == a.Start && w.toks[j].end == a.End {
			ids = ids[:0]
			for k := i; k <= j; k++ {
				ids = append(ids, x.vocab.intern(x.fold(w.word(k))))
			}
			x.add(x.fold(w.span(i, j)), ids, a.Label)
			continue
		}
		if ix == nil {
			ix = annotate.NewIndex(text)
		}
		x.Add(ix.Slice(a.Start, a.End), a.Label)
	}
}

// Shares returns the labels text would be suggested with and their
// scores, rejected labels left out, in the order they were first given.
func (x *Index) Shares(text string) []annotate.Suggestion {
	var out []annotate.Suggestion
	x.labels(x.lookup(text), 0, func(label string, score float64) {
		out = append(out, annotate.Suggestion{Label: label, Score: score, Source: annotate.SourceStrings})
	})
	return out
}

// labels calls fn with each label of the pattern p that is not rejected
// and whose share is at least minScore.
func (x *Index) labels(p *pattern, minScore float64, fn func(label string, score float64)) {
	if p == nil {
		return
	}
	x.eachLabel(p, func(label string, n int32) {
		score := float64(n) / float64(p.total)
		if score >= minScore && !x.isRejected(x.key(p), label) {
			fn(label, score)
		}
	})
}
