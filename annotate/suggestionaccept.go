package annotate

import "time"

// AcceptEdit returns the edit that accepts the suggestions ss of the
// document d, by the normal tagging rules (Session.Tag's): each becomes an
// annotation of its span and label by annotator at now, with its label's
// attribute defaults, unless d already has an annotation of exactly that
// span and label. It also returns the spans and labels to clear of
// suggestions (Store.Accept's accepted): every suggestion of ss whose
// label the schema has, the duplicates included, since they are settled.
// A suggestion whose label the schema lacks is neither accepted nor
// cleared; skipped counts them.
func AcceptEdit(d *DocumentData, ss []Suggestion, schema Schema, annotator string, now time.Time) (e Edit, accepted []SpanLabel, skipped int) {
	have := make(map[SpanLabel]bool, len(d.Annotations))
	for _, a := range d.Annotations {
		have[a.Key()] = true
	}
	now = now.UTC()
	for _, s := range ss {
		if _, ok := schema.Label(s.Label); !ok {
			skipped++
			continue
		}
		k := s.Key()
		accepted = append(accepted, k)
		if have[k] {
			continue
		}
		have[k] = true
		e.PutAnnotations = append(e.PutAnnotations, Annotation{
			ID: NewID(), DocumentID: d.Document.ID, Start: s.Start, End: s.End,
			Label: s.Label, Annotator: annotator, Attributes: schema.Defaults(s.Label),
			Created: now, Updated: now,
		})
	}
	return e, accepted, skipped
}
