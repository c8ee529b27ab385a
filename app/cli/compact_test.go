package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/storage"
)

func TestCompact(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "gen", "--out", db, "--docs", "20", "--words-per-doc", "2000", "--annotations-per-doc", "300")
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		d, err := st.Load(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		var e annotate.Edit
		for _, a := range d.Annotations[:len(d.Annotations)*9/10] {
			e.DeleteAnnotations = append(e.DeleteAnnotations, a.ID)
		}
		if err := st.Apply(in.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	if infos, err = st.Documents(); err != nil {
		t.Fatal(err)
	}

	t.Run("open elsewhere", func(t *testing.T) {
		before := annotatetest.FileState(t, db)
		code, _, stderr := spanmark(t, "", "compact", "--db", db)
		if code != exitError || !strings.Contains(stderr, annotate.ErrLocked.Error()) || annotatetest.FileState(t, db) != before {
			t.Errorf("got exit %d, stderr %q; want the lock error and the file untouched", code, stderr)
		}
	})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, db)
	_, stderr := mustRun(t, "", "compact", "--db", db)
	after := fileSize(t, db)
	// bbolt grows a file in steps of powers of two below 1 GB, so half
	// is the least a compaction of this project can show.
	if after > before/2 {
		t.Errorf("compact: %d bytes before, %d after; want at most half", before, after)
	}
	if want := fmt.Sprintf("compacted %s: %d bytes before, %d after", db, before, after); !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to start %q", stderr, want)
	}
	got, err := documentList(t, db)
	if err != nil || !reflect.DeepEqual(got, infos) {
		t.Errorf("after compact: got %+v, %v\nwant %+v", got, err, infos)
	}

	// A compacted project has nothing left to reclaim: the copy is no
	// smaller, and the project stays as it is.
	state := annotatetest.FileState(t, db)
	_, stderr = mustRun(t, "", "compact", "--db", db)
	if !strings.Contains(stderr, " has no space to reclaim: ") || annotatetest.FileState(t, db) != state {
		t.Errorf("compact again: stderr %q; want the project kept", stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "p.spanmark" && e.Name() != "home" && e.Name() != "data" {
			t.Errorf("compact left %s behind", e.Name())
		}
	}
}
