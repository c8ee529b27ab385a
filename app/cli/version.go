package cli

import (
	"fmt"
	"runtime"

	"github.com/BurntSushi/toml"
)

// gitDescribe is what "git describe" said of the source the binary was
// built from. The Makefile sets it with
// -ldflags "-X spanmark/app/cli.gitDescribe=...": a plain go build has no
// git to ask.
var gitDescribe = "dev"

// appVersion is the [Details] table of FyneApp.toml, where the version
// that fyne package stamps on installers is kept, so that there is one.
type appVersion struct {
	Details struct {
		Version string
		Build   int
	}
}

// parseAppVersion reads the version and build number of FyneApp.toml's
// contents.
func parseAppVersion(fyneApp []byte) (appVersion, error) {
	var v appVersion
	if _, err := toml.Decode(string(fyneApp), &v); err != nil {
		return appVersion{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	if v.Details.Version == "" {
		return appVersion{}, fmt.Errorf("FyneApp.toml: no Version in [Details]")
	}
	return v, nil
}

func (c *cli) versionCmd(args []string) int {
	fset := c.flags("version", "", "Print Spanmark's version (FyneApp.toml's Version and Build), what git describe\n"+
		"said of the source it was built from (\"dev\" outside the Makefile's build), and the Go\n"+
		"toolchain and platform.")
	rest, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(rest) > 0:
		return c.usageError(fset, "unexpected %q", rest[0])
	}
	v, err := parseAppVersion(c.fyneApp)
	if err != nil {
		return c.fail(fmt.Errorf("version: %w", err))
	}
	fmt.Fprintf(c.stdout, "spanmark %s (build %d, git %s, %s %s/%s)\n",
		v.Details.Version, v.Details.Build, gitDescribe, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
