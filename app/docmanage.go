package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// renameDocumentDialog asks for a new title for the open document.
func (ws *workspace) renameDocumentDialog() {
	if ws.sess == nil {
		return
	}
	entry := newDialogEntry(false)
	entry.SetText(ws.sess.Document().Title)
	d := newFormDialog("Rename document", "Rename", "Cancel",
		widget.NewForm(widget.NewFormItem("Title", entry)),
		func(ok bool) {
			if ok {
				ws.showError(ws.renameDocument(entry.Text))
			}
		}, ws.win)
	d.wire(entry)
	d.Resize(fyne.NewSize(480, 160))
	ws.showKeyed(d, d.Confirm)
	ws.win.Canvas().Focus(entry)
}

// renameDocument gives the open document a new title.
func (ws *workspace) renameDocument(title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return errors.New("rename document: the title is empty; nothing was changed")
	}
	if err := ws.sess.SetTitle(title); err != nil {
		return err
	}
	ws.docs.edit(ws.sess.Document().ID, func(in *annotate.DocumentInfo) { in.Title = title })
	ws.status.markSaved()
	return nil
}

// deleteDocumentDialog asks before deleting the open document, saying
// what goes with it.
func (ws *workspace) deleteDocumentDialog() {
	if ws.sess == nil {
		return
	}
	ws.showConfirm("Delete document?", ws.deleteQuestion(), func(ok bool) {
		if ok {
			ws.showError(ws.deleteDocument())
		}
	})
}

// deleteQuestion asks whether to delete the open document, saying how many
// annotations and relations go with it.
func (ws *workspace) deleteQuestion() string {
	return fmt.Sprintf("Delete “%s” with its %s and %s?\nDocument → Undo delete brings it back until the project is closed.",
		ellipsis(ws.sess.Document().Title, 60), plural(ws.sess.Len(), "annotation"), plural(len(ws.sess.Relations()), "relation"))
}

// deleteDocument deletes the open document and opens the next one in the
// list (or the one before). What the document held is kept, as the file
// held it, until the project closes, for undoDelete.
func (ws *workspace) deleteDocument() error {
	ws.attrs.flush() // so that Undo delete brings the typed text back too
	doc := ws.sess.Document()
	data, err := ws.store.Load(doc.ID)
	if err != nil {
		return fmt.Errorf("delete document %s: %w", doc.Title, err)
	}
	next, ok := ws.docs.neighbour(doc.ID, 1)
	if !ok {
		next, ok = ws.docs.neighbour(doc.ID, -1)
	}
	if err := ws.store.DeleteDocument(doc.ID); err != nil {
		return fmt.Errorf("delete document %s: %w", doc.Title, err)
	}
	ws.deleted = append(ws.deleted, data)
	ws.forgetSession(doc.ID)
	ws.sess = nil
	ws.updateDeleteMenu()
	ws.status.setHint(fmt.Sprintf("Deleted “%s” — Document → Undo delete brings it back", ellipsis(doc.Title, 40)))
	if err := ws.reloadDocuments(); err != nil {
		return err
	}
	if ok {
		return ws.openDocument(next)
	}
	ws.showDocument()
	return nil
}

// undoDelete brings back the document deleted last, under its own id,
// with its annotations and relations, and opens it.
func (ws *workspace) undoDelete() error {
	if len(ws.deleted) == 0 || ws.store == nil {
		return nil
	}
	data := ws.deleted[len(ws.deleted)-1]
	res, err := ws.store.Import(func(yield func(*annotate.DocumentData, error) bool) { yield(data, nil) })
	if err != nil {
		return fmt.Errorf("undo delete of %s: %w", data.Document.Title, err)
	}
	ws.deleted = ws.deleted[:len(ws.deleted)-1]
	ws.updateDeleteMenu()
	ws.status.setHint("")
	if err := ws.reloadDocuments(); err != nil {
		return err
	}
	if len(res.Added) == 0 {
		// The same text was added again since: it stays, with what it has.
		return fmt.Errorf("undo delete: the text of “%s” is in the project again already; nothing was changed", data.Document.Title)
	}
	return ws.openDocument(res.Added[0].ID)
}

// updateDeleteMenu names the document Undo delete would bring back.
func (ws *workspace) updateDeleteMenu() {
	if ws.undoDeleteItem == nil {
		return
	}
	ws.undoDeleteItem.Label, ws.undoDeleteItem.Disabled = "Undo delete", true
	if n := len(ws.deleted); n > 0 {
		ws.undoDeleteItem.Label = fmt.Sprintf("Undo delete of “%s”", ellipsis(ws.deleted[n-1].Document.Title, 40))
		ws.undoDeleteItem.Disabled = false
	}
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
}
