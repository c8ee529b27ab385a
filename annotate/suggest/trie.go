package suggest

import (
	"slices"
	"strings"
)

// vocab numbers the (folded) tokens the index has seen, so that matching
// compares small integers, not strings, and looks each token of a text up
// once.
type vocab map[string]int32

// noTok is the id of a token the vocabulary does not hold: no pattern
// contains it, so no match runs through it.
const noTok int32 = -1

// id returns tok's id, or noTok.
func (v vocab) id(tok string) int32 {
	if id, ok := v[tok]; ok {
		return id
	}
	return noTok
}

// intern returns tok's id, numbering it when it is new. The string is
// copied: a token is usually a slice of a whole document's text, which the
// vocabulary must not keep alive.
func (v vocab) intern(tok string) int32 {
	if id, ok := v[tok]; ok {
		return id
	}
	id := int32(len(v))
	v[strings.Clone(tok)] = id
	return id
}

// tnode is one place in the trie of the patterns' token ids. Most nodes
// have one child (the middle of a long annotated claim), so the first
// child is held in the node; the others of a branching node are in
// trie.more. Sixteen bytes and no pointer: a project's million
// annotations make millions of nodes, which the garbage collector need
// not scan.
type tnode struct {
	tok, kid int32 // the first child, kid 0 when there is none
	pat      int32 // 1 + the index in Index.pats of the first pattern here, or 0
	more     bool  // whether trie.more holds further children
	// share is the greatest label share of the patterns here, in 255ths
	// rounded up: matching passes a node whose patterns cannot reach the
	// minimum score without reading them.
	share uint8
}

// trie holds the patterns by their tokens. Node 0 is the root, whose
// children are found by token id in root, a dense array: nearly every
// token of the vocabulary starts some pattern. The further children of
// the other nodes are in one hash table by node and token (edges.go),
// which holds no pointer for the garbage collector to scan, and which
// finds a child of a node with thousands (a common first word) as fast
// as of one with two.
type trie struct {
	root  []int32
	nodes []tnode
	more  edges
}

func newTrie() trie { return trie{nodes: make([]tnode, 1)} }

// child returns the child of node n for tok, or 0.
func (t *trie) child(n, tok int32) int32 {
	if n == 0 {
		if int(tok) < len(t.root) {
			return t.root[tok]
		}
		return 0
	}
	nd := &t.nodes[n]
	if nd.tok == tok && nd.kid != 0 {
		return nd.kid
	}
	if !nd.more {
		return 0
	}
	return t.more.get(n, tok)
}

// walk returns the node the ids lead to from the root, making the
// missing nodes.
func (t *trie) walk(ids []int32) int32 {
	var n int32
	for _, tok := range ids {
		next := t.child(n, tok)
		if next == 0 {
			next = t.add(n, tok)
		}
		n = next
	}
	return n
}

// add makes a child of n for tok, which it does not have.
func (t *trie) add(n, tok int32) int32 {
	kid := int32(len(t.nodes))
	t.nodes = append(t.nodes, tnode{})
	switch nd := &t.nodes[n]; {
	case n == 0:
		if int(tok) >= len(t.root) {
			t.root = slices.Grow(t.root, int(tok)+1-len(t.root))[:int(tok)+1]
		}
		t.root[tok] = kid
	case nd.kid == 0:
		nd.tok, nd.kid = tok, kid
	default:
		nd.more = true
		t.more.put(n, tok, kid)
	}
	return kid
}
