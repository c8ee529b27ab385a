package app

import (
	"fmt"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// showTeam makes the bar and the panel those of a review of several
// files: t accepts the majority, which a button accepts for the whole
// document, and the panel shows the agreement among all the files.
func (r *review) showTeam() {
	r.nameAccept(agree.DiffItem{})
	r.bar.all.Show()
	r.panel.team.SetText("Team, as the review started\n" + teamText(r.team.report))
	r.panel.team.Show()
}

// acceptMajority makes every open disagreement of the document agree with
// the majority, in one undoable step: my annotation of a pair takes the
// majority's range and label, the majority's annotations I lack are
// copied, and mine that the majority lacks are deleted. The majority's
// relations come along where both their ends are then mine and the
// schema of mine allows them. Kept disagreements stay as they are, and so
// do those whose label my schema lacks, which the status bar counts.
func (r *review) acceptMajority() {
	if r.diff == nil {
		return
	}
	ws := r.ws
	var anns []annotate.Annotation
	var drop []string
	mineOf := map[string]string{} // the majority's annotation id → mine
	labels := map[string]string{} // the majority's annotation id → its label
	skipped := 0
	for i, it := range r.items() {
		if it.Class == agree.Minority {
			continue // not the majority's
		}
		if it.B != nil {
			labels[it.B.ID] = it.B.Label
		}
		switch {
		case it.Class == agree.Agreed:
			mineOf[it.B.ID] = it.A.ID
		case !r.open(i):
		case it.B == nil:
			drop = append(drop, it.A.ID)
		case !hasLabel(ws.schema, it.B.Label):
			skipped++
		default:
			a := *it.B
			if it.A != nil {
				a = *it.A
				a.Start, a.End, a.Label = it.B.Start, it.B.End, it.B.Label
			} else {
				a.ID = annotate.NewID()
			}
			anns = append(anns, a)
			mineOf[it.B.ID] = a.ID
		}
	}
	rels := r.majorityRelations(mineOf, labels)
	if err := ws.sess.AdoptAll("accept majority", anns, rels, drop); err != nil {
		ws.showError(err)
		return
	}
	r.seekFrom, r.cur, ws.active = nil, -1, ""
	ws.saved()
	r.choose(-1)
	hint := fmt.Sprintf("Accepted the majority: %d taken, %d deleted", len(anns), len(drop))
	if skipped > 0 {
		hint += fmt.Sprintf("; %s left: their labels are not in your project", plural(skipped, "disagreement"))
	}
	ws.status.setHint(hint)
}

// majorityRelations returns the majority's relations of the open
// document made into relations of mine, by mineOf, where both ends are
// mine and the schema of mine has the type for the kinds of their labels.
func (r *review) majorityRelations(mineOf, labels map[string]string) []annotate.Relation {
	schema := r.ws.schema
	var rels []annotate.Relation
	for _, rel := range r.their.Relations {
		from, to := mineOf[rel.From], mineOf[rel.To]
		rt, ok := schema.RelationType(rel.Type)
		if from == "" || to == "" || !ok ||
			schema.KindOf(labels[rel.From]) != rt.FromKind || schema.KindOf(labels[rel.To]) != rt.ToKind {
			continue
		}
		rels = append(rels, annotate.Relation{ID: annotate.NewID(), Type: rel.Type, From: from, To: to})
	}
	return rels
}

// hasLabel reports whether schema has a label called name.
func hasLabel(schema annotate.Schema, name string) bool {
	_, ok := schema.Label(name)
	return ok
}
