package app

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestMetadataMatchesFyneApp keeps the metadata Run gives Fyne the same
// as FyneApp.toml, which Fyne's packaging tool reads.
func TestMetadataMatchesFyneApp(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := map[string]string{}
	for line := range strings.Lines(string(b)) {
		k, v, ok := strings.Cut(line, "=")
		if ok {
			toml[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	want := map[string]string{
		"ID":      metadata.ID,
		"Name":    metadata.Name,
		"Version": metadata.Version,
		"Build":   strconv.Itoa(metadata.Build),
	}
	for k, v := range want {
		if toml[k] != v {
			t.Errorf("FyneApp.toml has %s = %q, the app's metadata %q", k, toml[k], v)
		}
	}
	if !metadata.Migrations["fyneDo"] {
		t.Error("the metadata does not declare the fyneDo migration")
	}
}
