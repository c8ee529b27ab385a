package app

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// Settling a document's disagreements: taking theirs, keeping mine.

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
