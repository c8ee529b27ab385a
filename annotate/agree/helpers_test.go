package agree

import (
	"fmt"

	"spanmark/annotate"
)

// textX is the article most tests annotate. Its spaces are at 3, 7, 13,
// 16, 27, 34, 39, 43 and 48, so 54 − 9 = 45 of its code points count for
// kappa. Spans used: [0,3) "Kim", [8,13) "Putin", [17,26) "Pyongyang",
// [28,42) "Troops will go", [44,48) "TASS".
const textX = "Kim met Putin in Pyongyang. Troops will go, TASS said."

// textY and textZ are two more articles; textY has 11 non-space code
// points.
const (
	textY = "Seoul is far."
	textZ = "Another text."
)

// a is a span to annotate: [start, end) with a label.
type a struct {
	start, end int
	label      string
}

// r is a relation by positions in the document's annotations.
type r struct{ from, to int }

// doc builds a document with id id and the given annotations, whose ids
// are id-0, id-1, … and attributed_to relations between them.
func doc(id, text string, spans []a, rels ...r) *annotate.DocumentData {
	d := &annotate.DocumentData{Document: annotate.Document{
		ID: id, Title: "title " + id, Text: text, Status: annotate.StatusTodo,
	}}
	for i, s := range spans {
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: fmt.Sprintf("%s-%d", id, i), DocumentID: id, Start: s.start, End: s.end, Label: s.label,
		})
	}
	for i, rl := range rels {
		d.Relations = append(d.Relations, annotate.Relation{
			ID: fmt.Sprintf("%s-r%d", id, i), DocumentID: id, Type: annotate.RelationAttributedTo,
			From: fmt.Sprintf("%s-%d", id, rl.from), To: fmt.Sprintf("%s-%d", id, rl.to),
		})
	}
	return d
}

// side builds a side with the default schema.
func side(name string, docs ...*annotate.DocumentData) Side {
	return Side{Name: name, Schema: annotate.DefaultSchema(), Docs: docs}
}

// spansFrom turns spans into matching spans indexed in order.
func spansFrom(spans []a) []span {
	out := make([]span, len(spans))
	for i, s := range spans {
		out[i] = span{start: s.start, end: s.end, label: s.label, i: i}
	}
	return out
}
