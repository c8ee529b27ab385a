package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// suggestFixture is two documents: the first annotated, the second not,
// with the first's strings in it (and "Moscow" inside "Moscowite",
// which is no occurrence).
const suggestFixture = `{"format":"spanmark","version":1,"documents":[
 {"id":"a","text":"Shoigu met envoys in Moscow.","annotations":[
  {"id":"a1","start":0,"end":6,"text":"Shoigu","label":"PERSON","kind":"entity"},
  {"id":"a2","start":21,"end":27,"text":"Moscow","label":"LOC","kind":"entity"}]},
 {"id":"b","text":"Moscow said Shoigu left Moscow, a Moscowite.","annotations":[]}]}`

func TestSuggestAndAccept(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, suggestFixture, "import", "--db", db, "-")
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"suggest"}, "LOC\t2\nPERSON\t1\ntotal\t3\n"},
		// Suggesting again replaces, never adds.
		{[]string{"suggest"}, "LOC\t2\nPERSON\t1\ntotal\t3\n"},
		{[]string{"accept", "--label", "LOC"}, "LOC\t2\ntotal\t2\n"},
		{[]string{"accept", "--source", "model"}, "total\t0\n"},
		// The accepted ones are gone; the rest stay.
		{[]string{"suggest"}, "PERSON\t1\ntotal\t1\n"},
		{[]string{"accept", "--min-score", "1"}, "PERSON\t1\ntotal\t1\n"},
		{[]string{"suggest"}, "total\t0\n"},
	}
	for _, s := range steps {
		stdout, _ := mustRun(t, "", append(s.args, "--db", db)...)
		if stdout != s.want {
			t.Fatalf("%q: got %q, want %q", s.args, stdout, s.want)
		}
	}
	stdout, _ := mustRun(t, "", "export", "--db", db, "--format", "jsonl")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var rec struct {
			ID          string
			Annotations []struct {
				Start, End  int
				Text, Label string
			}
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID != "b" {
			continue
		}
		for _, a := range rec.Annotations {
			got = append(got, a.Label+":"+a.Text)
		}
	}
	if want := "LOC:Moscow PERSON:Shoigu LOC:Moscow"; strings.Join(got, " ") != want {
		t.Errorf("document b's annotations: %q, want %q", got, want)
	}
}

func TestSuggestUsage(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, suggestFixture, "import", "--db", db, "-")
	for _, args := range [][]string{
		{"suggest", "--min-score", "2"}, {"suggest", "--min-score", "NaN"}, {"suggest", "extra"},
		{"accept", "--min-score", "-1"}, {"accept", "extra"},
	} {
		if code, _, stderr := spanmark(t, "", append(args, "--db", db)...); code != exitUsage {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := spanmark(t, "", "suggest", "--db", filepath.Join(dir, "none.spanmark")); code != exitError || !strings.Contains(stderr, "no project") {
		t.Errorf("missing project: exit %d, stderr %q", code, stderr)
	}
}
