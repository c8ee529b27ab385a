package app

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// Moving through a document's disagreements, and settling them.

// activeID is the span the article view outlines: the selected
// annotation of mine, else their annotation of the current item.
func (r *review) activeID() string {
	if r.ws.active != "" {
		return r.ws.active
	}
	if it, ok := r.item(); ok && it.B != nil {
		return theirsPrefix + it.B.ID
	}
	return ""
}

// item returns the current item.
func (r *review) item() (agree.DiffItem, bool) {
	if r.cur < 0 || r.cur >= len(r.items()) {
		return agree.DiffItem{}, false
	}
	return r.items()[r.cur], true
}

// open reports whether item i still waits for a decision.
func (r *review) open(i int) bool {
	it := r.items()[i]
	return isDisagreement(it) && !r.isKept(it)
}

// disagreements counts the document's disagreements and those kept.
func (r *review) disagreements() (n, kept int) {
	for _, it := range r.items() {
		if isDisagreement(it) {
			n++
			if r.isKept(it) {
				kept++
			}
		}
	}
	return n, kept
}

// key handles a review key typed in the article view, and reports
// whether it was one.
func (r *review) key(c rune) bool {
	switch c {
	case keyNextDiff:
		r.step(1)
	case keyPrevDiff:
		r.step(-1)
	case keyAccept:
		r.accept()
	case keyKeep:
		r.keep()
	case keyDeleteMine:
		r.deleteMine()
	default:
		return false
	}
	return true
}

// step makes the next (+1) or previous (-1) disagreement current, kept
// ones included, wrapping around the document.
func (r *review) step(delta int) {
	if i := r.following(delta, func(i int) bool { return isDisagreement(r.items()[i]) }); i >= 0 {
		r.choose(i)
		return
	}
	r.choose(-1)
	r.ws.status.setHint(r.bar.summary())
}

// following returns the index of the first item after (+1) or before
// (-1) the current one, wrapping around, that want accepts; -1 if none.
// The current item comes last.
func (r *review) following(delta int, want func(i int) bool) int {
	n := len(r.items())
	from := r.cur
	if from < 0 && delta < 0 {
		from = n
	}
	for k := 1; k <= n; k++ {
		if i := ((from+delta*k)%n + n) % n; want(i) {
			return i
		}
	}
	return -1
}

// seek makes current the first open disagreement at or after the
// extent from, wrapping around; none if there is none.
func (r *review) seek(from [2]int) {
	first := -1
	for i, it := range r.items() {
		if !r.open(i) {
			continue
		}
		if first < 0 {
			first = i
		}
		if e := extent(it); e[0] > from[0] || e[0] == from[0] && e[1] >= from[1] {
			r.cur = i
			return
		}
	}
	r.cur = first
}

// choose makes item i current (-1: none), selects my annotation of it and
// scrolls the article to it.
func (r *review) choose(i int) {
	r.cur = i
	ws := r.ws
	it, ok := r.item()
	switch {
	case !ok:
		ws.setActive("")
	case it.A != nil:
		ws.setActive(it.A.ID)
	default:
		ws.setActive("")
	}
	ws.view.SetActive(r.activeID())
	if ok {
		e := extent(it)
		ws.view.ScrollTo(e[0])
		ws.status.setSelection(e[0], e[1])
	}
	ws.status.setHint("")
	r.bar.show()
}

// tap makes the item of a clicked span current, the innermost first,
// cycling outwards through the items under the pointer on repeated
// clicks. It reports whether a span of the review was clicked.
func (r *review) tap(ids []string) bool {
	var hits []int
	for i, it := range r.items() {
		if it.A != nil && slices.Contains(ids, it.A.ID) || it.B != nil && slices.Contains(ids, theirsPrefix+it.B.ID) {
			hits = append(hits, i)
		}
	}
	if len(hits) == 0 {
		return false
	}
	hits = innermostFirst(hits, func(i int) (int, int) {
		e := extent(r.items()[i])
		return e[0], e[1]
	})
	next := hits[0]
	if k := slices.Index(hits, r.cur); k >= 0 {
		next = hits[(k+1)%len(hits)]
	}
	r.choose(next)
	return true
}

// tooltip describes every item at offset. It reports false when the
// document is not in theirs, which leaves the tooltip to annotating.
func (r *review) tooltip(offset int) (string, bool) {
	if r.their == nil {
		return "", false
	}
	var lines []string
	for _, it := range r.items() {
		if e := extent(it); e[0] <= offset && offset < e[1] {
			lines = append(lines, r.describeItem(it))
		}
	}
	return strings.Join(lines, "\n"), true
}

// accept makes mine agree with theirs on the current item, in one
// undoable step: my annotation of a pair takes their range, label and
// attribute values; their annotation alone is copied. Values my schema
// has no room for are left out, and the hint says which. Their relations of it come along when
// the annotation at the other end is in mine (the same range and label)
// and the schema of mine has their type.
func (r *review) accept() {
	it, ok := r.item()
	if !ok || it.B == nil {
		return
	}
	ws := r.ws
	t := *it.B
	if _, ok := ws.schema.Label(t.Label); !ok {
		ws.showError(fmt.Errorf("label %s is not in your project; add it with Edit → Edit labels… to accept this annotation", t.Label))
		return
	}
	var a annotate.Annotation
	if it.A != nil {
		a = *it.A
		a.Start, a.End, a.Label, a.Attributes = t.Start, t.End, t.Label, t.Attributes
	} else {
		a = t
		a.ID = annotate.NewID()
	}
	var leftValues []string
	a.Attributes, leftValues = fittingValues(a, ws.schema)
	rels, left := r.relationsIn(r.diff.Theirs(), r.their.Relations, t, a.ID)
	if it.Class == agree.Minority {
		rels, left = r.minorityRelations(t, a.ID)
	}
	if err := ws.sess.Adopt([]annotate.Annotation{a}, rels); err != nil {
		ws.showError(err)
		return
	}
	if it.Class == agree.Minority {
		r.chosen[a.ID] = true
	}
	r.settled(it)
	hint := r.acceptedHint(it.Class, t)
	if len(rels) > 0 {
		hint += fmt.Sprintf(" with %s", plural(len(rels), "relation"))
	}
	if left > 0 {
		hint += fmt.Sprintf("; %s not copied: the other end is not in your file, or the type not in your labels", plural(left, "relation"))
	}
	if len(leftValues) > 0 {
		hint += fmt.Sprintf("; not in your labels, so not copied: %s", strings.Join(leftValues, ", "))
	}
	ws.status.setHint(hint)
}

// relationsIn returns the relations of t among theirRels, of a document
// whose annotations are theirAnns, made into relations of mine, in which
// t is the annotation id, and how many it left out: those whose other end
// I lack and those that my schema does not allow.
func (r *review) relationsIn(theirAnns []annotate.Annotation, theirRels []annotate.Relation, t annotate.Annotation, id string) (rels []annotate.Relation, left int) {
	schema := r.ws.schema
	for _, rel := range theirRels {
		if rel.From != t.ID && rel.To != t.ID {
			continue
		}
		other := rel.To
		if rel.To == t.ID {
			other = rel.From
		}
		otherID := r.mineLike(theirAnns, other)
		rt, ok := schema.RelationType(rel.Type)
		if otherID == "" || otherID == id || !ok {
			left++
			continue
		}
		from, to := id, otherID
		if rel.To == t.ID {
			from, to = otherID, id
		}
		fromKind, toKind := r.kindOf(from, id, t.Label), r.kindOf(to, id, t.Label)
		if fromKind != rt.FromKind || toKind != rt.ToKind {
			left++
			continue
		}
		rels = append(rels, annotate.Relation{ID: annotate.NewID(), Type: rel.Type, From: from, To: to})
	}
	return rels, left
}

// mineLike returns the id of my annotation with the range and label of
// their annotation id among theirs, or "" if I have none. A document's
// relations are few, so scanning for each beats building maps of all its
// annotations.
func (r *review) mineLike(theirs []annotate.Annotation, id string) string {
	i := slices.IndexFunc(theirs, func(a annotate.Annotation) bool { return a.ID == id })
	if i < 0 {
		return ""
	}
	o := theirs[i]
	mine := r.ws.sess.Annotations()
	for k := sort.Search(len(mine), func(k int) bool { return mine[k].Start >= o.Start }); k < len(mine) && mine[k].Start == o.Start; k++ {
		if mine[k].End == o.End && mine[k].Label == o.Label {
			return mine[k].ID
		}
	}
	return ""
}

// kindOf returns the kind of annotation id of mine, or of label when id
// is the annotation being accepted.
func (r *review) kindOf(id, accepted, label string) annotate.Kind {
	if id != accepted {
		a, _ := r.ws.sess.Annotation(id)
		label = a.Label
	}
	return r.ws.schema.KindOf(label)
}

// keep settles the current item by keeping mine as it is; nothing is
// written. The next open disagreement becomes current; when none is
// left the kept item stays current, saying so.
func (r *review) keep() {
	it, ok := r.item()
	if !ok {
		return
	}
	r.kept[keyOf(it)] = true
	if i := r.following(1, r.open); i >= 0 {
		r.choose(i)
		return
	}
	r.choose(r.cur)
	r.ws.status.setHint(r.bar.summary())
}

// deleteMine deletes my annotation of the current item, as an undoable
// step, with its relations.
func (r *review) deleteMine() {
	it, ok := r.item()
	if !ok || it.A == nil {
		return
	}
	if err := r.ws.sess.Delete(it.A.ID); err != nil {
		r.ws.showError(err)
		return
	}
	r.settled(it)
}

// settled moves on after an edit settled item it: the next open
// disagreement from where it was becomes current.
func (r *review) settled(it agree.DiffItem) {
	e := extent(it)
	r.seekFrom = &e
	r.cur = -1
	r.ws.active = ""
	r.ws.saved()
	r.choose(r.cur)
}
