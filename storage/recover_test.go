package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"spanmark/annotate"
)

// TestRecover salvages damaged copies of a project and checks that every
// document it writes is the original, whole, and that it finds the
// documents whose pages survive. A file cut short keeps no document
// whole here: bbolt writes a transaction's leaves of the indexes (the
// document list, the texts) after the pages they lead to, so one import
// puts them near the end.
func TestRecover(t *testing.T) {
	src := synthProject(t)
	orig := openProject(t, src, Options{ReadOnly: true})
	infos, err := orig.Documents()
	if err != nil {
		t.Fatal(err)
	}
	wantMeta, _ := orig.Meta()
	wantSchema, _ := orig.Schema()

	tests := []struct {
		damage
		minRecovered int // -1: Recover may find nothing and fail
		keepsMeta    bool
	}{
		{damage{"sound", func(*testing.T, string) {}, ""}, len(infos), true},
		{damages[0], -1, false}, // cut to 8 KiB: the meta pages only
		{damages[1], -1, false},
		{damages[2], -1, false},
		{damages[3], -1, false},
		{damages[4], -1, false}, // cut to 3,000 B
		{damages[5], len(infos), false},
		{damages[6], len(infos), true},
		{damages[7], len(infos) / 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := copyFile(t, src)
			tt.do(t, path)
			dst := filepath.Join(t.TempDir(), "recovered.spanmark")
			rep, err := Recover(path, dst)
			if tt.minRecovered < 0 && err != nil {
				if !errors.Is(err, annotate.ErrDamaged) {
					t.Errorf("Recover = %v, want ErrDamaged", err)
				}
				if _, err := os.Stat(dst); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("a failed Recover left %s: %v", dst, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("recovered %d of %d documents, lost %d; %q", len(rep.Recovered), len(infos), len(rep.Lost), rep.Problems)
			if len(rep.Recovered) < tt.minRecovered {
				t.Errorf("recovered %d documents, want at least %d", len(rep.Recovered), tt.minRecovered)
			}
			if tt.name == "sound" && (len(rep.Lost) > 0 || len(rep.Problems) > 0) {
				t.Errorf("a sound project: lost %v, problems %q", rep.Lost, rep.Problems)
			}
			if fi, err := os.Stat(dst); err != nil {
				t.Error(err)
			} else if fi.Mode().Perm() != 0o600 {
				t.Errorf("recovered file has mode %v, want 0600", fi.Mode().Perm())
			}
			got := openProject(t, dst, Options{ReadOnly: true})
			assertRecovered(t, orig, got, rep)
			if !tt.keepsMeta {
				return
			}
			if m, _ := got.Meta(); m != wantMeta {
				t.Errorf("Meta() = %+v, want %+v", m, wantMeta)
			}
			if s, _ := got.Schema(); !reflect.DeepEqual(s, wantSchema) {
				t.Errorf("Schema() = %+v, want %+v", s, wantSchema)
			}
		})
	}
}

// assertRecovered checks that got holds exactly the documents rep lists,
// each as it is in orig.
func assertRecovered(t *testing.T, orig, got *Store, rep RecoverReport) {
	t.Helper()
	list, err := got.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(list, rep.Recovered) && len(list)+len(rep.Recovered) > 0 {
		t.Errorf("the new project lists %d documents, the report %d", len(list), len(rep.Recovered))
	}
	for _, in := range list {
		if want, got := load(t, orig, in.ID), load(t, got, in.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("document %s recovered as %+v, want %+v", in.ID, got, want)
		}
	}
	for _, l := range rep.Lost {
		if l.ID == "" || l.Err == nil {
			t.Errorf("lost document without id or reason: %+v", l)
		}
	}
}

func TestRecoverErrors(t *testing.T) {
	dir := t.TempDir()
	src := newClosedProject(t)
	text := filepath.Join(dir, "notes.txt")
	writeFile(t, text, []byte("not a project"))
	existing := filepath.Join(dir, "existing")
	writeFile(t, existing, []byte("keep me"))

	tests := []struct {
		name     string
		src, dst string
		wantErr  error
	}{
		{"source missing", filepath.Join(dir, "missing"), filepath.Join(dir, "a"), fs.ErrNotExist},
		{"source not a project", text, filepath.Join(dir, "b"), annotate.ErrNotProject},
		{"source a device", os.DevNull, filepath.Join(dir, "c"), annotate.ErrNotProject},
		{"destination exists", src, existing, fs.ErrExist},
		{"destination is the source", src, src, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.src)
			_, err := Recover(tt.src, tt.dst)
			if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) {
				t.Errorf("Recover = %v, want %v", err, tt.wantErr)
			}
			if before != nil {
				assertUnchanged(t, tt.src, before)
			}
		})
	}
	assertUnchanged(t, existing, []byte("keep me"))
	s := openProject(t, src, Options{Timeout: 100e6})
	if _, err := Recover(src, filepath.Join(dir, "c")); !errors.Is(err, annotate.ErrLocked) {
		t.Errorf("Recover of a project open for writing = %v, want ErrLocked", err)
	}
	s.Close()
}
