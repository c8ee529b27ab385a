package formats

import (
	"fmt"
	"strings"

	"spanmark/annotate"
)

// bratText anchors one T and adds its annotations to d.
func (t *toolImport) bratText(d *toolDoc, id string, tb *bratT) error {
	frags := tb.frags
	if len(frags) == 1 {
		s, e, ok, err := t.quotedSpan(d, tb.where, frags[0][0], frags[0][1], tb.text)
		if err != nil || !ok {
			return err
		}
		frags = [][2]int{{s, e}}
	} else {
		placed, ok, err := t.bratFragments(d, tb)
		if err != nil || !ok {
			return err
		}
		frags = placed
	}
	note := strings.Join(tb.notes, "\n")
	if len(frags) == 1 || bratOnlyBreaks(d.text, frags) {
		a := annotate.Annotation{Start: frags[0][0], End: frags[len(frags)-1][1], Label: tb.label, Note: note}
		tb.ids = append(tb.ids, t.addAnnotation(d, a))
		return nil
	}
	t.note(tb.where, "discontinuous span imported as %d annotations, one per fragment", len(frags))
	for i, f := range frags {
		fragNote := strings.TrimSpace(fmt.Sprintf("fragment %d of %d of brat %s\n%s", i+1, len(frags), id, note))
		a := annotate.Annotation{Start: f[0], End: f[1], Label: tb.label, Note: fragNote}
		tb.ids = append(tb.ids, t.addAnnotation(d, a))
	}
	return nil
}

// bratFragments anchors the fragments of a discontinuous T.
func (t *toolImport) bratFragments(d *toolDoc, tb *bratT) ([][2]int, bool, error) {
	if t.o.TrustOffsets || tb.text == "" {
		out := make([][2]int, len(tb.frags))
		for i, f := range tb.frags {
			s, e, err := d.text.span(f[0], f[1], unitCodePoints)
			if err != nil {
				return nil, false, t.errorf(tb.where, "fragment %d: %v", i+1, err)
			}
			out[i] = [2]int{s, e}
		}
		return out, true, nil
	}
	out, repaired, ok := d.text.placeFragments(tb.frags, tb.text, " ")
	if !ok {
		t.rep.Unconfirmed = append(t.rep.Unconfirmed,
			fmt.Sprintf("%s: %s: text %q does not match its fragments %v", t.name, tb.where, tb.text, tb.frags))
		return nil, false, nil
	}
	if repaired {
		t.rep.Repaired++
	}
	return out, true, nil
}

// bratOnlyBreaks reports whether only line breaks lie between the
// fragments, in order, so that they are one span that crosses lines.
func bratOnlyBreaks(a *anchor, frags [][2]int) bool {
	for i := 1; i < len(frags); i++ {
		gap := a.normIdx.Slice(frags[i-1][1], frags[i][0])
		if gap == "" || strings.Trim(gap, "\n") != "" {
			return false
		}
	}
	return true
}
