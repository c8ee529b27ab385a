package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, planted)
	tests := []struct {
		name string
		args []string
		want []string // the match and labels columns of each row
	}{
		{"plain, any case", []string{"shoigu"}, []string{"Shoigu PERSON,SOURCE", "Shoigu PERSON", "Shoigu PERSON", "Shoigu ORG"}},
		{"label filter", []string{"--label", "ORG", "Shoigu"}, []string{"Shoigu ORG"}},
		{"unannotated whole words", []string{"--unannotated", "--word", "nato"}, []string{"NATO "}},
		{"regex", []string{"--regex", "--case-sensitive", `[0-9]+ ships`}, []string{"40 ships QUANTITY"}},
		{"annotations of a label", []string{"--label", "DATE", ""}, []string{"March CLAIM,DATE", "Tuesday DATE", "Tuesday DATE"}},
		{"sorted by right context", []string{"--sort", "right", "--label", "PERSON", "shoigu"}, []string{"Shoigu PERSON", "Shoigu PERSON", "Shoigu PERSON,SOURCE"}}, // " left." < " spoke" < ", Russia"
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _ := mustRun(t, "", append([]string{"search", "--db", db}, tt.args...)...)
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
				f := strings.Split(line, "\t")
				if len(f) != 7 {
					t.Fatalf("row %q has %d fields", line, len(f))
				}
				got = append(got, f[4]+" "+f[6])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		stdout, _ := mustRun(t, "", "search", "--db", db, "--json", "--word", "nato")
		var rows []resultJSON
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
			t.Fatalf("%v in\n%s", err, stdout)
		}
		if len(rows) != 3 || rows[2].Match != "NATO" || rows[2].Start != 98 || rows[2].Document != "Planted" || rows[2].Labels == nil {
			t.Errorf("rows %+v", rows)
		}
		if stdout, _ := mustRun(t, "", "search", "--db", db, "--json", "nothing-like-this"); stdout != "[]\n" {
			t.Errorf("no rows: %q", stdout)
		}
	})
	for _, args := range [][]string{{}, {"a", "b"}, {"--kind", "thing", "x"}, {"--status", "finished", "x"}, {"--sort", "left", "x"}} {
		if code, _, stderr := spanmark(t, "", append([]string{"search", "--db", db}, args...)...); code != exitUsage {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := spanmark(t, "", "search", "--db", db, "--regex", "("); code != exitError || !strings.Contains(stderr, "missing closing )") {
		t.Errorf("bad regex: exit %d, stderr %q", code, stderr)
	}
}
