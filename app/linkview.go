package app

import (
	"spanmark/annotate"
	"spanmark/app/textview"
)

// showLinks draws the links of the selected annotation in the article
// view, or every link of the document when View → Show all links is on.
func (ws *workspace) showLinks() {
	if ws.sess == nil {
		ws.view.SetLinks(nil)
		return
	}
	var rels []annotate.Relation
	switch {
	case ws.prefs.allLinks():
		rels = ws.sess.Relations()
	case ws.active != "":
		rels = ws.sess.RelationsOf(ws.active)
	}
	ws.view.SetLinks(viewLinks(ws.sess, ws.schema, rels))
}

// viewLinks turns relations into the view's arrows, each in the colour
// of the label it comes from.
func viewLinks(s *annotate.Session, schema annotate.Schema, rels []annotate.Relation) []textview.Link {
	if len(rels) == 0 {
		return nil
	}
	colors := make(map[string]string, len(schema.Labels))
	for _, l := range schema.Labels {
		colors[l.Name] = l.Color
	}
	links := make([]textview.Link, 0, len(rels))
	for _, r := range rels {
		from, ok := s.Annotation(r.From)
		if !ok {
			continue
		}
		links = append(links, textview.Link{From: r.From, To: r.To, Color: parseColor(colors[from.Label])})
	}
	return links
}

// toggleAllLinks switches between drawing the selected annotation's links
// and drawing all of them, and remembers the choice.
func (ws *workspace) toggleAllLinks() {
	ws.prefs.setAllLinks(!ws.prefs.allLinks())
	ws.allLinksItem.Checked = ws.prefs.allLinks()
	ws.refreshMenu()
	ws.showLinks()
}

// toggleLabels shows or hides the label tags on spans, and remembers it.
func (ws *workspace) toggleLabels() {
	ws.prefs.setLabels(!ws.prefs.labels())
	ws.labelsItem.Checked = ws.prefs.labels()
	ws.refreshMenu()
	ws.view.SetLabels(ws.prefs.labels())
}

func (ws *workspace) refreshMenu() {
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
}
