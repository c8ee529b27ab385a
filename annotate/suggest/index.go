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
	"slices"
	"strings"

	"spanmark/annotate"
)

// Options configures an Index.
type Options struct {
	// CaseInsensitive matches a string whatever its case: strings are
	// compared lower-cased (strings.ToLower).
	CaseInsensitive bool
}

// labelCount is how many annotations gave a string one label.
type labelCount struct {
	label string
	n     int
}

// pattern is one annotated surface string: how many tokens it has and
// how many annotations gave it each label.
type pattern struct {
	ntok   int
	total  int
	labels []labelCount
}

// keyLabel is a string (its key) with a label.
type keyLabel struct{ key, label string }

// Index holds every annotated surface string of a project with its label
// distribution, and the project's rejections. It is not safe for
// concurrent use.
type Index struct {
	opts Options
	pats map[string]*pattern
	root *node // the patterns' tokens as a trie
	// rejected holds the strings rejected for a label, rejectedAt the
	// rejected spans and labels of each document.
	rejected   map[keyLabel]bool
	rejectedAt map[string]map[annotate.SpanLabel]bool
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	return &Index{
		opts:       opts,
		pats:       make(map[string]*pattern),
		root:       &node{},
		rejected:   make(map[keyLabel]bool),
		rejectedAt: make(map[string]map[annotate.SpanLabel]bool),
	}
}

// Options returns the options the index was made with.
func (x *Index) Options() Options { return x.opts }

// Patterns returns how many distinct strings the index holds.
func (x *Index) Patterns() int { return len(x.pats) }

// node is one place in the trie of the patterns' tokens: the patterns
// whose tokens lead here end here. Matching walks the trie token by token
// from each token of a text, so its cost is the length of the longest
// prefix of a pattern that occurs there, whatever the number of patterns
// sharing a first word.
type node struct {
	next map[string]*node
	keys []string // usually one; more when strings differ only in spacing
}

// find returns the node text's token keys lead to, made when create is
// set, or nil.
func (x *Index) find(text string, create bool) *node {
	w := newWords(text)
	n := x.root
	for i := range w.toks {
		t := x.fold(w.word(i))
		child := n.next[t]
		if child == nil {
			if !create {
				return nil
			}
			if n.next == nil {
				n.next = make(map[string]*node)
			}
			child = &node{}
			n.next[t] = child
		}
		n = child
	}
	return n
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
	k := x.keyOf(text)
	if k.ntok == 0 {
		return
	}
	p := x.pats[k.key]
	if p == nil {
		p = &pattern{ntok: k.ntok}
		x.pats[k.key] = p
		n := x.find(k.key, true)
		n.keys = append(n.keys, k.key)
	}
	p.total++
	for i := range p.labels {
		if p.labels[i].label == label {
			p.labels[i].n++
			return
		}
	}
	p.labels = append(p.labels, labelCount{label, 1})
}

// Remove counts one annotation of text with label less, as when it is
// deleted or relabelled. Removing what was never added does nothing.
func (x *Index) Remove(text, label string) {
	k := x.keyOf(text)
	p := x.pats[k.key]
	if p == nil {
		return
	}
	i := slices.IndexFunc(p.labels, func(c labelCount) bool { return c.label == label })
	if i < 0 {
		return
	}
	p.total--
	if p.labels[i].n--; p.labels[i].n == 0 {
		p.labels = slices.Delete(p.labels, i, i+1)
	}
	if p.total > 0 {
		return
	}
	delete(x.pats, k.key)
	// The trie's nodes stay: a string removed is often tagged again.
	if n := x.find(k.key, false); n != nil {
		n.keys = slices.DeleteFunc(n.keys, func(s string) bool { return s == k.key })
	}
}

// Reject records a rejection: its span and label are not suggested again
// in its document, and its text no longer with its label anywhere.
func (x *Index) Reject(r annotate.Rejection) {
	if k := x.keyOf(r.Text); k.ntok > 0 {
		x.rejected[keyLabel{k.key, r.Label}] = true
	}
	at := x.rejectedAt[r.DocumentID]
	if at == nil {
		at = make(map[annotate.SpanLabel]bool)
		x.rejectedAt[r.DocumentID] = at
	}
	at[r.Key()] = true
}

// AddDocument adds every annotation of d.
func (x *Index) AddDocument(d *annotate.DocumentData) {
	ix := annotate.NewIndex(d.Document.Text)
	for _, a := range d.Annotations {
		x.Add(ix.Slice(a.Start, a.End), a.Label)
	}
}

// Shares returns the labels text would be suggested with and their
// scores, rejected labels left out, in the order they were first given.
func (x *Index) Shares(text string) []annotate.Suggestion {
	k := x.keyOf(text)
	var out []annotate.Suggestion
	x.labels(k.key, x.pats[k.key], 0, func(label string, score float64) {
		out = append(out, annotate.Suggestion{Label: label, Score: score, Source: annotate.SourceStrings})
	})
	return out
}

// labels calls fn with each label of the pattern p (whose key is key)
// that is not rejected and whose share is at least minScore.
func (x *Index) labels(key string, p *pattern, minScore float64, fn func(label string, score float64)) {
	if p == nil {
		return
	}
	for _, c := range p.labels {
		score := float64(c.n) / float64(p.total)
		if score >= minScore && !x.rejected[keyLabel{key, c.label}] {
			fn(c.label, score)
		}
	}
}
