// Command spanmark is a desktop application for annotating articles by
// hand: people highlight spans, tag them as entities, claims or sources,
// link claims to their sources, and export datasets. Its command line is
// package spanmark/app/cli ("spanmark help" lists it); this file only
// wires the command line to the window.
package main

import (
	_ "embed"
	"os"

	"spanmark/app"
	"spanmark/app/cli"
	"spanmark/storage"
)

// fyneApp is FyneApp.toml, whose [Details] give the version that
// "spanmark version" prints.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Window: func(path string) error {
			return app.Run(app.Config{Path: path, Open: cli.OpenStore, Compact: storage.CompactFile})
		},
		FyneApp: fyneApp,
	}))
}
