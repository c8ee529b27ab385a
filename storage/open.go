package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"spanmark/annotate"
)

// fileMode is the permission a new project file gets: projects hold notes
// about sources, some of them confidential, so only their owner may read
// them. Copies made by compaction and recovery get it too.
const fileMode = 0o600

// Open opens the project file at path. A missing file is created when
// opts.Create is set and is otherwise an error wrapping fs.ErrNotExist.
//
// A file that another process holds is annotate.ErrLocked; a file that is
// not a Spanmark project is annotate.ErrNotProject and is left untouched;
// a project written by a newer Spanmark is annotate.ErrNewerVersion; a
// file that is cut short or whose pages cannot be read is
// annotate.ErrDamaged (Recover salvages what it can). A
// project in an older format is upgraded, in one transaction, when it is
// opened for writing. Opened read-only, a format from readableFrom on is
// read as it is; an older one is annotate.ErrReadOnly.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = defaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !opts.Create || opts.ReadOnly {
			return nil, fmt.Errorf("open %s: %w", path, fs.ErrNotExist)
		}
		return create(path, opts)
	case err != nil:
		return nil, fmt.Errorf("open project: %w", err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("open %s: %w: not a regular file", path, annotate.ErrNotProject)
	case fi.Size() == 0:
		// bbolt would initialise an empty file as a new database.
		return nil, fmt.Errorf("open %s: %w: empty file", path, annotate.ErrNotProject)
	}
	return openExisting(path, opts)
}

// openExisting opens the project at path, upgrading an older format when
// it is opened for writing.
func openExisting(path string, opts Options) (*Store, error) {
	if err := checkPages(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Whatever the file is, look at it read-only first: bbolt opened for
	// writing may write to a file it does not recognise.
	db, version, err := probe(path, opts)
	if err != nil {
		return nil, err
	}
	if opts.ReadOnly {
		if version < readableFrom {
			db.Close()
			return nil, fmt.Errorf("open %s: format version %d must be upgraded to %d, which needs write access: %w",
				path, version, FormatVersion, annotate.ErrReadOnly)
		}
		return newStore(db, path, opts), nil
	}
	db.Close()

	db, err = openBolt(path, opts, false)
	if err != nil {
		return nil, err
	}
	removeStaleTemps(path)
	s := newStore(db, path, opts)
	if version < FormatVersion {
		if err := s.upgrade(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.dropLeftStaging(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

func newStore(db *bolt.DB, path string, opts Options) *Store {
	return &Store{db: db, path: path, readOnly: opts.ReadOnly, now: opts.Now}
}

// create makes a new project at path, which must not exist. If it cannot
// be completed, the file is removed again.
func create(path string, opts Options) (*Store, error) {
	opts.ReadOnly = false
	db, err := openBolt(path, opts, true)
	if err != nil {
		return nil, err
	}
	s := newStore(db, path, opts)
	if err := s.update(func(tx *bolt.Tx) error { return initProject(tx, opts) }); err != nil {
		db.Close()
		os.Remove(path)
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return s, nil
}

// initProject lays out an empty project in tx.
func initProject(tx *bolt.Tx, opts Options) error {
	for _, name := range topBuckets {
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	schema, err := encodeSchema(annotate.DefaultSchema())
	if err != nil {
		return err
	}
	m := tx.Bucket(bucketMeta)
	err = putAll(m,
		keyVersion, []byte(strconv.Itoa(FormatVersion)),
		keyAnnotator, []byte(opts.Annotator),
		keyCreated, formatTime(opts.Now()),
		keySchema, schema)
	if err != nil {
		return err
	}
	_, err = ensureCodes(tx, annotate.DefaultSchema())
	return err
}

// probe opens path read-only and checks that it is a Spanmark project
// that this version can read, returning the open database and the
// project's format version.
func probe(path string, opts Options) (*bolt.DB, int, error) {
	ro := opts
	ro.ReadOnly = true
	db, err := openBolt(path, ro, false)
	if err != nil {
		return nil, 0, err
	}
	var version int
	err = safely(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			version, err = readVersion(tx)
			return err
		})
	})
	if err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("open %s: %w", path, err)
	}
	return db, version, nil
}

// openBolt opens path with bbolt. It never creates the file unless
// create is set, and then only if it does not exist yet. Opened for
// writing, bbolt reads the free list, which may be damaged: then the file
// it opened is closed again, so that its lock is not left behind.
func openBolt(path string, opts Options, create bool) (*bolt.DB, error) {
	var f *os.File
	var db *bolt.DB
	err := safely(path, func() error {
		var err error
		db, err = bolt.Open(path, fileMode, &bolt.Options{
			ReadOnly: opts.ReadOnly,
			Timeout:  opts.Timeout,
			OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
				if create {
					flag |= os.O_CREATE | os.O_EXCL
				} else {
					flag &^= os.O_CREATE
				}
				f, err = os.OpenFile(name, flag, perm)
				return f, err
			},
		})
		return err
	})
	var pathErr *fs.PathError
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, annotate.ErrDamaged):
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%s %w", path, annotate.ErrLocked)
	case errors.As(err, &pathErr):
		return nil, fmt.Errorf("open project: %w", err)
	default:
		return nil, fmt.Errorf("open %s: %w: %v", path, annotate.ErrNotProject, err)
	}
}
