package cli

import (
	"strings"
	"testing"

	"spanmark/annotate/formats"
)

// TestHelpListsEveryFormat checks that export's and import's help name
// every format of the table each takes, and that every option of the
// table is a flag of one of them with the table's usage: a format added
// to formats.All is offered and described with nothing to change here.
func TestHelpListsEveryFormat(t *testing.T) {
	isolate(t)
	help := map[string]string{}
	for _, cmd := range []string{"export", "import"} {
		code, _, stderr := spanmark(t, "", cmd, "--help")
		if code != exitOK {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		help[cmd] = stderr
	}
	for _, f := range formats.All {
		if f.Exports() && !strings.Contains(help["export"], f.Name) {
			t.Errorf("export's help lacks %s:\n%s", f.Name, help["export"])
		}
		if f.Import != nil && !strings.Contains(help["import"], f.Name) {
			t.Errorf("import's help lacks %s:\n%s", f.Name, help["import"])
		}
		for _, ext := range f.Extensions {
			if f.ByExtension && !strings.Contains(help["import"], ext) {
				t.Errorf("import's help lacks %s:\n%s", ext, help["import"])
			}
		}
		for _, o := range f.Options {
			both := help["export"] + help["import"]
			usage := strings.ReplaceAll(f.Name+": "+o.Usage, "`", "")
			flag := "  -" + o.Flag
			if !strings.Contains(both, flag+" ") && !strings.Contains(both, flag+"\n") || !strings.Contains(both, usage) {
				t.Errorf("no help of export or import has flag -%s with %q", o.Flag, usage)
			}
		}
	}
}

func TestJoinList(t *testing.T) {
	for _, tt := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a or b"},
		{[]string{"a", "b", "c"}, "a, b or c"},
	} {
		if got := joinList(tt.items, "or"); got != tt.want {
			t.Errorf("joinList(%q) = %q, want %q", tt.items, got, tt.want)
		}
	}
}
