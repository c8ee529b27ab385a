package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// gui opens the annotation window on the project at path, or on the
// default project, which it creates with the sample article first.
// Without a display it creates nothing.
func (c *cli) gui(path string) int {
	if path != "" && filepath.Ext(path) != ".spanmark" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			// A mistyped subcommand should not become a new project.
			return c.globalUsageError("%s: no such project; a new project's name ends in .spanmark", path)
		}
	}
	if err := checkDisplay(os.Getenv("DISPLAY")); err != nil {
		return c.fail(err)
	}
	if path == "" {
		var err error
		if path, err = defaultProjectPath(); err != nil {
			return c.fail(err)
		}
		if err := ensureDefaultProject(path); err != nil {
			return c.fail(err)
		}
	}
	if err := c.window(path); err != nil {
		return c.fail(err)
	}
	return exitOK
}
