package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"\s*\n\s*Build\s*=\s*(\d+)`).FindSubmatch(real)
	if m == nil {
		t.Fatal("FyneApp.toml: no Version and Build lines")
	}
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name    string
		fyneApp string
		code    int
		want    string
	}{
		{"the project's FyneApp.toml", string(real), exitOK, "spanmark " + string(m[1]) + " (build " + string(m[2]) + ", git dev, " + runtime.Version() + " " + platform + ")\n"},
		{"another version", "[Details]\nName = \"x\"\nVersion = \"2.3.4\"\nBuild = 17\n", exitOK, "spanmark 2.3.4 (build 17, git dev, "},
		{"no version", "[Details]\nBuild = 17\n", exitError, "FyneApp.toml: no Version in [Details]"},
		{"not TOML", "[Details\n", exitError, "FyneApp.toml: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run([]string{"version"}, Env{Stdout: &stdout, Stderr: &stderr, FyneApp: []byte(tc.fyneApp)})
			got := stdout.String() + stderr.String()
			if code != tc.code || !strings.Contains(got, tc.want) {
				t.Errorf("exit %d, output %q; want exit %d and %q", code, got, tc.code, tc.want)
			}
		})
	}
}
