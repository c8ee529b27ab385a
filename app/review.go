package app

import (
	"fyne.io/fyne/v2"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// Review mode compares the open project, mine, with a teammate's file,
// theirs, and lets a person settle their differences one by one. Theirs is
// read whole when the review starts and never written; every choice is an
// ordinary undoable edit of mine.

// The keys of review mode in the article view. While reviewing they win
// over label hotkeys and over n for a note; other hotkeys still tag.
const (
	keyNextDiff   = 'n'
	keyPrevDiff   = 'p'
	keyAccept     = 't' // accept theirs
	keyKeep       = 'k' // keep mine
	keyDeleteMine = 'x'
)

// review is the state of review mode.
type review struct {
	ws         *workspace
	path       string     // theirs
	theirs     agree.Side // all their documents
	team       *team      // the files theirs is the majority of; nil when one
	bySHA      map[string]*annotate.DocumentData
	onlyTheirs []string // titles of their documents that mine lacks

	// mine holds my documents in project order, each as last read or
	// edited. Its items are never changed, only replaced, so the slice
	// can be cloned for a worker.
	mine    []*annotate.DocumentData
	latest  *annotate.DocumentData // the open document as last shown
	schema  annotate.Schema        // my schema when mine was read
	version int                    // counts the edits put into mine

	docID string                 // the document shown
	their *annotate.DocumentData // its copy in theirs; nil when theirs lacks it
	diff  *agree.DocDiff         // their differences; nil when theirs lacks it
	cur   int                    // index in the diff's items of the current one; -1 none
	kept  map[pairKey]bool       // items settled by keeping mine
	// In a review of several files: the items of the minority's spans,
	// all the items in order, and my annotations taken from a minority.
	minor  []agree.DiffItem
	all    []agree.DiffItem
	chosen map[string]bool
	// seekFrom, when set, is where the item just settled was: after the
	// edit the next disagreement from there becomes current.
	seekFrom *[2]int

	figures   agree.Figures // the open document's, once figuresOf is docID
	figuresOf string
	project   agree.Report
	want      work // what the worker is still to compute
	computing bool // the worker is computing

	bar    *reviewBar
	panel  *reviewPanel
	labels fyne.CanvasObject // the label bar, which the legend replaces
	offset float64           // where the article and the panel divided before
}

// pairKey names an item of a diff across edits: the ids of its
// annotations, "" for none.
type pairKey struct{ mine, theirs string }

func keyOf(it agree.DiffItem) pairKey {
	var k pairKey
	if it.A != nil {
		k.mine = it.A.ID
	}
	if it.B != nil {
		k.theirs = it.B.ID
	}
	return k
}
