package app

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate/formats"
	"spanmark/assets"
)

// emptyMessage is what the article area says in a project without
// documents.
const emptyMessage = "This project has no documents yet.\nImport articles to annotate, or try the sample article."

// newEmptyState makes what the article area shows while the project has
// no documents: what to do, with a button for each way.
func (ws *workspace) newEmptyState() fyne.CanvasObject {
	msg := widget.NewLabel(emptyMessage)
	msg.Alignment = fyne.TextAlignCenter
	imp := widget.NewButton("Import documents…", ws.importDialog)
	imp.Importance = widget.HighImportance
	sample := widget.NewButton("Open the sample article", func() { ws.showError(ws.openSample()) })
	return container.NewCenter(container.NewVBox(msg, container.NewCenter(container.NewHBox(imp, sample))))
}

// showEmptyState shows the empty state in place of the article view when
// the project has no documents.
func (ws *workspace) showEmptyState() {
	if ws.store != nil && ws.docs.empty() {
		ws.view.Hide()
		ws.empty.Show()
		return
	}
	ws.empty.Hide()
	ws.view.Show()
}

// openSample adds the sample article that ships with Spanmark to the
// project, unless it is there already, and opens it.
func (ws *workspace) openSample() error {
	src, err := formats.ReadText(bytes.NewReader(assets.SampleArticle), assets.SampleName)
	if err != nil {
		return fmt.Errorf("sample article: %w", err)
	}
	res, err := ws.store.Import(src.Documents())
	if err != nil {
		return fmt.Errorf("sample article: %w", err)
	}
	if err := ws.reloadDocuments(); err != nil {
		return err
	}
	switch {
	case len(res.Added) > 0:
		return ws.openDocument(res.Added[0].ID)
	case len(res.Skipped) > 0:
		return ws.openDocument(res.Skipped[0].ExistingID)
	}
	return nil
}
