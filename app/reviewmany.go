package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// reviewManyDialog asks for the teammates' files, one file dialog after
// another, lists those chosen, and reviews them together.
func (ws *workspace) reviewManyDialog() {
	if ws.store == nil {
		return
	}
	var paths []string
	list := widget.NewLabel("No files chosen yet.")
	add := widget.NewButton("Add a file…", func() {
		ws.pickTeammateFile(func(path string) {
			paths = append(paths, path)
			names := make([]string, len(paths))
			for i, p := range paths {
				names[i] = filepath.Base(p)
			}
			list.SetText(strings.Join(names, "\n"))
		})
	})
	body := container.NewVBox(widget.NewLabel("Choose two files or more, projects or spanmark exports:"), list, add)
	dialog.ShowCustomConfirm("Review teammates' files", "Review", "Cancel", body, func(ok bool) {
		if ok {
			ws.startReviewMany(paths)
		}
	}, ws.win)
}

// startReviewMany reads the teammates' files at paths and the open
// project on a worker, with a progress dialog, and enters review mode
// against their majority when all are read. Errors name the file; they
// leave the workspace as it was.
func (ws *workspace) startReviewMany(paths []string) {
	if ws.store == nil {
		return
	}
	if err := checkTeamPaths(paths, ws.store.Path()); err != nil {
		ws.showError(err)
		return
	}
	st, schema, open := ws.store, ws.schema, ws.cfg.Open
	p := newProgress(ws.win, "Reading for review", len(paths)+1)
	var tm *team
	var maj agree.Side
	var mine []*annotate.DocumentData
	var rep agree.Report
	ws.run.Go(func() error {
		sides := make([]agree.Side, len(paths))
		for i, path := range paths {
			if p.cancelled() {
				return errCancelled
			}
			ws.run.Do(func() { p.set(i, filepath.Base(path)) })
			side, err := formats.ReadSide(path, open, nil)
			if err != nil {
				return err
			}
			sides[i] = side
		}
		distinctNames(sides, paths)
		ws.run.Do(func() { p.set(len(paths), "your project") })
		var err error
		if mine, err = formats.LoadDocuments(st, func(int) error { return nil }); err != nil {
			return err
		}
		if maj, err = majority(sides); err != nil {
			return err
		}
		own := agree.Side{Name: "mine", Schema: schema, Docs: mine}
		rep = agree.Compare(own, maj)
		tm = newTeam(sides, agree.CompareMany(append([]agree.Side{own}, sides...)))
		return nil
	}, func(err error) {
		p.hide()
		switch {
		case errors.Is(err, errCancelled):
		case err != nil:
			ws.showError(fmt.Errorf("review teammates' files: %w", err))
		case ws.store == st:
			r := newReview(ws, fmt.Sprintf("%d files", len(paths)), maj, mine, schema, rep)
			r.team = tm
			r.showTeam()
			ws.enterReview(r)
		}
	})
}

// checkTeamPaths checks the files chosen for a review of several: two or
// more, each once, none of them the open project at project.
func checkTeamPaths(paths []string, project string) error {
	if len(paths) < 2 {
		return fmt.Errorf("review teammates' files: choose two files or more; %d chosen (File → Review teammate's file… reviews one)", len(paths))
	}
	for i, path := range paths {
		if sameFile(path, project) {
			return fmt.Errorf("cannot review %s: it is the open project; choose your teammates' files", filepath.Base(path))
		}
		for _, other := range paths[:i] {
			if sameFile(path, other) {
				return fmt.Errorf("review teammates' files: %s is chosen twice", filepath.Base(path))
			}
		}
	}
	return nil
}

// distinctNames renames the sides read from paths that share a name
// after their files, so that the figures tell them apart.
func distinctNames(sides []agree.Side, paths []string) {
	count := map[string]int{}
	for _, s := range sides {
		count[s.Name]++
	}
	for i := range sides {
		if count[sides[i].Name] > 1 || sides[i].Name == "mine" {
			sides[i].Name = filepath.Base(paths[i])
		}
	}
}
