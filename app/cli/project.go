package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/assets"
	"spanmark/storage"
)

// OpenStore opens a project for the app, creating it unless read-only.
func OpenStore(path string, readOnly bool) (annotate.Store, error) {
	st, err := storage.Open(path, storage.Options{ReadOnly: readOnly, Create: !readOnly, Annotator: defaultAnnotator()})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// defaultAnnotator names the person whose work a new project holds: the
// operating system's user name, which the project can change later.
func defaultAnnotator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// defaultProjectPath returns where the default project lives: under
// $XDG_DATA_HOME (or ~/.local/share) on Linux and other Unix systems, and
// under the user's configuration folder on macOS and Windows.
func defaultProjectPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "darwin", "ios", "windows", "plan9", "android":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("default project: %w", err)
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if !filepath.IsAbs(dir) {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("default project: %w", err)
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "spanmark", "default.spanmark"), nil
}

// ensureDefaultProject creates the default project at path, with the
// sample article as its first document, unless it exists. If the sample
// cannot be added, the new project is removed, so that the next start
// tries again.
func ensureDefaultProject(path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("default project: %w", err)
	}
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: defaultAnnotator()})
	if err != nil {
		return err
	}
	sample, err := formats.ReadText(bytes.NewReader(assets.SampleArticle), assets.SampleName)
	if err == nil {
		_, err = st.Import(sample.Documents())
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("default project %s: sample article: %w", path, err)
	}
	return nil
}

// projectPath returns --db's value, or the default project's path.
func projectPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return defaultProjectPath()
}

// openExisting opens the project --db names read-only, for a command
// that must not create one.
func openExisting(cmd, db string) (*storage.Store, error) {
	return openProject(cmd, db, true)
}

// openProject opens the existing project db names (the default project
// when db is empty), read-only or for writing, for a command that reports
// errors as they come: they are prefixed with cmd. It never creates one.
func openProject(cmd, db string, readOnly bool) (*storage.Store, error) {
	st, err := openProjectFile(db, readOnly)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return st, nil
}

// openProjectFile is openProject for a command that prefixes every error
// of its run itself.
func openProjectFile(db string, readOnly bool) (*storage.Store, error) {
	path, err := projectPath(db)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no project at %s (spanmark import creates one)", path)
	}
	return storage.Open(path, storage.Options{ReadOnly: readOnly})
}
