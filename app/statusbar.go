package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// statusBar is the bottom line: project file, annotator, when the last
// edit was saved, the selection in characters, counts, and the open
// document's status.
type statusBar struct {
	project  string
	saved    string
	sel      string
	counts   string
	hint     string
	label    *widget.Label
	status   *widget.Select
	quiet    bool
	onStatus func(annotate.Status)
}

// statusNames maps the status select's options to statuses.
var statusNames = []struct {
	name   string
	status annotate.Status
}{
	{"To do", annotate.StatusTodo},
	{"In progress", annotate.StatusInProgress},
	{"Done", annotate.StatusDone},
}

func newStatusBar(onStatus func(annotate.Status)) *statusBar {
	b := &statusBar{label: widget.NewLabel(""), onStatus: onStatus}
	b.label.Truncation = fyne.TextTruncateEllipsis
	opts := make([]string, len(statusNames))
	for i, s := range statusNames {
		opts[i] = s.name
	}
	b.status = widget.NewSelect(opts, func(name string) {
		if b.quiet {
			return
		}
		for _, s := range statusNames {
			if s.name == name {
				b.onStatus(s.status)
			}
		}
	})
	return b
}

func (b *statusBar) object() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, b.status, b.label)
}

func (b *statusBar) setProject(st annotate.Store) {
	b.project = filepath.Base(st.Path())
	if m, err := st.Meta(); err == nil && m.Annotator != "" {
		b.project += " · " + m.Annotator
	}
	if st.ReadOnly() {
		b.project += " · read-only"
	}
	b.saved = "all saved"
	b.show()
}

func (b *statusBar) setDocument(s *annotate.Session) {
	b.sel = ""
	if s == nil {
		b.counts = "no document"
		b.status.Disable()
		b.show()
		return
	}
	b.status.Enable()
	b.quiet = true
	for _, n := range statusNames {
		if n.status == s.Document().Status {
			b.status.SetSelected(n.name)
		}
	}
	b.quiet = false
	b.setCounts(s)
}

func (b *statusBar) setCounts(s *annotate.Session) {
	b.counts = fmt.Sprintf("%s · %s", plural(len(s.Annotations()), "annotation"), plural(len(s.Relations()), "relation"))
	b.show()
}

// setSelection shows a range in characters (code points).
func (b *statusBar) setSelection(start, end int) {
	if start == end {
		b.sel = ""
	} else {
		b.sel = fmt.Sprintf("%d–%d (%d chars)", start, end, end-start)
	}
	b.show()
}

// markSaved records that the last edit is on disk.
func (b *statusBar) markSaved() {
	b.saved = "saved " + time.Now().Format("15:04:05")
	b.show()
}

// setHint shows a one-line instruction, such as what link mode expects.
func (b *statusBar) setHint(h string) {
	b.hint = h
	b.show()
}

func (b *statusBar) show() {
	parts := []string{b.project, b.saved}
	for _, p := range []string{b.sel, b.counts, b.hint} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	b.label.SetText(strings.Join(parts, "  ·  "))
}

// text is what the status line says, for tests.
func (b *statusBar) text() string { return b.label.Text }

// plural says "1 relation", "2 relations".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
