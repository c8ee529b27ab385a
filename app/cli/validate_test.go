package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate/annotatetest"
)

func TestValidate(t *testing.T) {
	dir := isolate(t)
	bad := filepath.Join(testdata, "json", "problems.jsonl")
	wantProblems := []string{
		bad + `:3 (id d2): annotation c1: kind "entity" does not match label CLAIM, which is claim`,
		bad + `:3 (id d2): annotation a1: text "Kurs" does not match [1,6) "Kursk"`,
		bad + `:4:28: JSON syntax error: invalid character '"' after object key:value pair`,
		bad + `:5 (id d3): annotation e1: label "EMOJI" is not in the schema`,
		bad + `:5 (id d3): relation r1: to annotation s9 does not exist`,
		bad + `:6 (id d1): document id d1 is already used by line 2`,
	}
	t.Run("problems", func(t *testing.T) {
		code, stdout, stderr := spanmark(t, "", "validate", bad)
		want := strings.Join(wantProblems, "\n") + "\n"
		if code != exitError || stdout != want || stderr != "spanmark: validate: 6 problems\n" {
			t.Errorf("got exit %d, stdout\n%s\nstderr %q; want exit 1, stdout\n%s", code, stdout, stderr, want)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		code, stdout, _ := spanmark(t, string(annotatetest.Read(t, "json/problems.jsonl")), "validate", "-")
		if code != exitError || strings.Count(stdout, "\nstdin:") != len(wantProblems)-1 {
			t.Errorf("got exit %d, stdout\n%s", code, stdout)
		}
	})
	t.Run("ok", func(t *testing.T) {
		good := filepath.Join(dir, "good.jsonl")
		lines := strings.Split(string(annotatetest.Read(t, "json/problems.jsonl")), "\n")
		annotatetest.WriteFiles(t, dir, map[string]string{"good.jsonl": lines[0] + "\n" + lines[1] + "\n"})
		code, stdout, stderr := spanmark(t, "", "validate", good, good)
		if code != exitOK || stdout != "ok: 2 documents, 8 annotations\n" || stderr != "" {
			t.Errorf("got exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		code, stdout, stderr := spanmark(t, "", "validate", filepath.Join(dir, "nope.json"))
		if code != exitError || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "nope.json: no such file") {
			t.Errorf("got exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
}
