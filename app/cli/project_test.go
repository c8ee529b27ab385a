package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"spanmark/storage"
)

func TestDefaultProject(t *testing.T) {
	dir := isolate(t)
	tests := []struct {
		name, xdg, want string
	}{
		{"XDG_DATA_HOME", filepath.Join(dir, "xdg"), filepath.Join(dir, "xdg", "spanmark", "default.spanmark")},
		{"unset", "", filepath.Join(dir, "home", ".local", "share", "spanmark", "default.spanmark")},
		{"relative", "rel/dir", filepath.Join(dir, "home", ".local", "share", "spanmark", "default.spanmark")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			got, err := defaultProjectPath()
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}

	path, err := defaultProjectPath()
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := ensureDefaultProject(path); err != nil {
			t.Fatal(err)
		}
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil || len(infos) != 1 || !strings.HasPrefix(infos[0].Title, "North Korean leader Kim Jong Un") {
		t.Errorf("got %+v, %v; want the sample article alone", infos, err)
	}
}
