package app

import (
	"fmt"
	"strings"
)

// onHover highlights what the annotation under the pointer is linked to.
func (ws *workspace) onHover(ids []string, _ int) {
	if ws.sess == nil {
		return
	}
	var related []string
	for _, id := range ids {
		for _, r := range ws.sess.RelationsOf(id) {
			if r.From == id {
				related = append(related, r.To)
			} else {
				related = append(related, r.From)
			}
		}
	}
	ws.view.SetRelated(related)
}

// tooltip lists every annotation at offset, with its attribute values.
func (ws *workspace) tooltip(offset int) string {
	if ws.sess == nil {
		return ""
	}
	if ws.review != nil {
		if tip, ok := ws.review.tooltip(offset); ok {
			return tip
		}
	}
	var lines []string
	for _, a := range ws.sess.Annotations() {
		if a.Start > offset {
			break
		}
		if offset < a.End {
			line := fmt.Sprintf("%s  “%s”", labelWithValues(a, ws.schema), ellipsis(ws.sess.Text(a.Start, a.End), 48))
			if a.Note != "" {
				line += " — " + ellipsis(a.Note, 48)
			}
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// ellipsis shortens s to at most n code points, on one line.
func ellipsis(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
