package lint

import (
	"slices"
	"time"

	"spanmark/annotate"
)

// maxFixRounds bounds FixDocument's rounds: a trim can uncover another
// problem at the same edge ("Treasury. " loses its space, then its full
// stop), and each round fixes one layer.
const maxFixRounds = 4

// FixDocument applies the fixes of the rules named in ids to a copy of
// d, in memory, and returns the copy, the Edit that makes the same change
// in a store and how many fixes it holds. Fixes are applied in rounds:
// in each, every finding with a fix is applied unless an earlier fix of
// the round touched the same annotation; then d is checked again. The
// annotations a fix changes or adds are stamped with now.
func (l *Linter) FixDocument(d *annotate.DocumentData, ids []string, now time.Time) (*annotate.DocumentData, annotate.Edit, int) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	work := *d
	work.Annotations = slices.Clone(d.Annotations)
	fixed := 0
	for range maxFixRounds {
		n := l.fixRound(&work, want, now)
		if n == 0 {
			break
		}
		fixed += n
	}
	return &work, diff(d.Annotations, work.Annotations), fixed
}

// fixRound applies one round of fixes to d and returns how many.
func (l *Linter) fixRound(d *annotate.DocumentData, want map[string]bool, now time.Time) int {
	touched := make(map[string]bool)
	deleted := make(map[string]bool)
	n := 0
	for _, f := range l.Document(d) {
		// A finding without an annotation (a mention to tag) touches
		// nothing that is there yet: "" is never marked.
		if f.Fix == nil || !want[f.Rule] || f.Annotation != "" && touched[f.Annotation] ||
			f.Fix.Delete != "" && touched[f.Fix.Delete] {
			continue
		}
		switch {
		case f.Fix.Put != nil:
			put := *f.Fix.Put
			put.Updated = now
			i := slices.IndexFunc(d.Annotations, func(a annotate.Annotation) bool { return a.ID == put.ID })
			if i < 0 {
				put.Created = now
				d.Annotations = append(d.Annotations, put)
			} else {
				d.Annotations[i] = put
			}
			touched[put.ID] = true
		case f.Fix.Delete != "":
			deleted[f.Fix.Delete] = true
			touched[f.Fix.Delete] = true
		}
		if f.Annotation != "" {
			touched[f.Annotation] = true
		}
		n++
	}
	d.Annotations = slices.DeleteFunc(d.Annotations, func(a annotate.Annotation) bool { return deleted[a.ID] })
	annotate.SortAnnotations(d.Annotations)
	return n
}

// diff returns the Edit that turns the annotations before into after.
func diff(before, after []annotate.Annotation) annotate.Edit {
	var e annotate.Edit
	old := make(map[string]annotate.Annotation, len(before))
	for _, a := range before {
		old[a.ID] = a
	}
	for _, a := range after {
		if o, ok := old[a.ID]; !ok || !o.Equal(a) {
			e.PutAnnotations = append(e.PutAnnotations, a)
		}
		delete(old, a.ID)
	}
	for _, a := range before {
		if _, gone := old[a.ID]; gone {
			e.DeleteAnnotations = append(e.DeleteAnnotations, a.ID)
		}
	}
	return e
}
