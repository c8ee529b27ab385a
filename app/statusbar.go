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
// edit was saved, the selection in characters, counts, a hint, and the
// open document's status. Each part is its own label, so that an edit
// re-measures only the short texts it changes.
type statusBar struct {
	project  *widget.Label
	saved    *widget.Label
	sel      *widget.Label
	counts   *widget.Label
	suggest  *widget.Label // the open document's pending suggestions
	hint     *widget.Label
	status   *widget.Select
	quiet    bool
	onStatus func(annotate.Status)

	prompt  string                                      // what the current mode expects; shown under no message
	after   func(time.Duration, func()) (cancel func()) // the runner's After
	unflash func()                                      // cancels the clearing of the message showing; nil none
}

// messageDelay is how long a message stays on the status line unless the
// next action clears it first.
const messageDelay = 5 * time.Second

// statusNames maps the status select's options to statuses.
var statusNames = []struct {
	name   string
	status annotate.Status
}{
	{"To do", annotate.StatusTodo},
	{"In progress", annotate.StatusInProgress},
	{"Done", annotate.StatusDone},
}

func newStatusBar(onStatus func(annotate.Status), after func(time.Duration, func()) func()) *statusBar {
	b := &statusBar{
		after:    after,
		project:  widget.NewLabel(""),
		saved:    widget.NewLabel(""),
		sel:      widget.NewLabel(""),
		counts:   widget.NewLabel(""),
		suggest:  widget.NewLabel(""),
		hint:     widget.NewLabel(""),
		onStatus: onStatus,
	}
	b.hint.Truncation = fyne.TextTruncateEllipsis
	b.hint.Importance = widget.WarningImportance
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
	parts := container.NewHBox(b.project, b.saved, b.sel, b.counts, b.suggest)
	return container.NewBorder(nil, nil, parts, b.status, b.hint)
}

func (b *statusBar) setProject(st annotate.Store) {
	project := filepath.Base(st.Path())
	if m, err := st.Meta(); err == nil && m.Annotator != "" {
		project += " · " + m.Annotator
	}
	if st.ReadOnly() {
		project += " · read-only"
	}
	setLabel(b.project, project)
	setLabel(b.saved, "all saved")
}

func (b *statusBar) setDocument(s *annotate.Session) {
	setLabel(b.sel, "")
	if s == nil {
		setLabel(b.counts, "no document")
		b.status.Disable()
		return
	}
	b.status.Enable()
	b.showStatus(s.Document().Status)
	b.setCounts(s)
}

// showStatus shows st in the status control, without acting on it, and
// reports whether the control showed another.
func (b *statusBar) showStatus(st annotate.Status) bool {
	for _, n := range statusNames {
		if n.status == st && b.status.Selected != n.name {
			b.quiet = true
			b.status.SetSelected(n.name)
			b.quiet = false
			return true
		}
	}
	return false
}

func (b *statusBar) setCounts(s *annotate.Session) {
	setLabel(b.counts, fmt.Sprintf("%s · %s", plural(s.Len(), "annotation"), plural(len(s.Relations()), "relation")))
}

// setSuggestions shows how many suggestions the open document has, and
// whether they are hidden (View → Show suggestions); none shows nothing.
func (b *statusBar) setSuggestions(n int, shown bool) {
	text := ""
	switch {
	case n > 0 && shown:
		text = plural(n, "suggestion")
	case n > 0:
		text = plural(n, "suggestion") + " (hidden)"
	}
	setLabel(b.suggest, text)
}

// setSelection shows a range in characters (code points).
func (b *statusBar) setSelection(start, end int) {
	if start == end {
		setLabel(b.sel, "")
		return
	}
	setLabel(b.sel, fmt.Sprintf("%d–%d (%d chars)", start, end, end-start))
}

// markSaved records that the last edit is on disk.
func (b *statusBar) markSaved() {
	setLabel(b.saved, "saved "+time.Now().Format("15:04:05"))
}

// setHint shows a one-line instruction, such as what link mode expects,
// until another replaces it; it replaces any message.
func (b *statusBar) setHint(h string) {
	b.stopFlash()
	b.prompt = h
	setLabel(b.hint, h)
}

// flash shows a message, such as why a key did nothing, for a few
// seconds or until clearMessage; then the instruction shows again.
func (b *statusBar) flash(msg string) {
	b.stopFlash()
	setLabel(b.hint, msg)
	b.unflash = b.after(messageDelay, b.clearMessage)
}

// clearMessage takes the message off the line, as the next action does.
func (b *statusBar) clearMessage() {
	if b.unflash == nil {
		return
	}
	b.stopFlash()
	setLabel(b.hint, b.prompt)
}

func (b *statusBar) stopFlash() {
	if b.unflash != nil {
		b.unflash()
		b.unflash = nil
	}
}

// text is what the status line says, for tests.
func (b *statusBar) text() string {
	var parts []string
	for _, l := range []*widget.Label{b.project, b.saved, b.sel, b.counts, b.suggest, b.hint} {
		if l.Text != "" {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "  ·  ")
}

// plural says "1 relation", "2 relations".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
