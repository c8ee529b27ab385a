package cli

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/storage"
)

// markDocument gives the document of the project at path whose text
// hashes to sha the annotations spans (start, end, label triples) and
// status s, at time when.
func markDocument(t *testing.T, path, sha string, s annotate.Status, when time.Time, spans ...annotate.Annotation) {
	t.Helper()
	st, infos := openDocuments(t, path, storage.Options{Now: func() time.Time { return when }})
	defer st.Close()
	for _, in := range infos {
		if in.SHA256 != sha {
			continue
		}
		e := annotate.Edit{Status: s}
		for _, a := range spans {
			a.ID, a.DocumentID = annotate.NewID(), in.ID
			e.PutAnnotations = append(e.PutAnnotations, a)
		}
		if err := st.Apply(in.ID, e); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s: no document %.8s", path, sha)
}

// annotateFirst marks the first document of the project at path done
// with one annotation.
func annotateFirst(t *testing.T, path string) {
	t.Helper()
	infos, err := documentList(t, path)
	if err != nil {
		t.Fatal(err)
	}
	markDocument(t, path, infos[0].SHA256, annotate.StatusDone, time.Now(), annotate.Annotation{Start: 0, End: 1, Label: "PERSON"})
}

// TestProgress assigns four texts to two annotators, two of them to
// both, and checks progress's table and agreement as they work: on the
// one shared document both have done, they agree on Alice and differ on
// Bob and Paris, so exact and overlap F1 are 2·1/(2+2) = 0.5.
//
// Krippendorff's α for entities, by hand: the text's 27 non-space code
// points are units with two values each, (PERSON, PERSON) ×5 (Alice),
// (O, O) ×14, (PERSON, O) ×3 (Bob) and (O, LOC) ×5 (Paris). Each unit
// adds 1 to o(c,k) and o(k,c): o(P,P)=10, o(O,O)=28, o(P,O)=o(O,P)=3,
// o(O,L)=o(L,O)=5, so n_P=13, n_O=36, n_L=5, n=54. D_o = 16/54, D_e =
// 2(13·36 + 13·5 + 36·5)/(54·53) = 1426/2862, α = 1 − D_o/D_e = 0.4053.
// Claims and sources: every unit O, D_e = 0, α = 1.
func TestProgress(t *testing.T) {
	dir := isolate(t)
	pool := filepath.Join(dir, "texts")
	if err := os.Mkdir(pool, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"Monday", "Tuesday", "Friday", "Sunday"} {
		text := "Alice met Bob in Paris on " + day + "."
		if err := os.WriteFile(filepath.Join(pool, day+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	mustRun(t, "", "assign", "--from", pool, "--annotators", "ana,ben", "--overlap", "0.5", "--out", out)
	stdout, _ := mustRun(t, "", "progress", out)
	for _, row := range [][]string{{"ana", "3", "0", "0", "0", "never"}, {"ben", "3", "0", "0", "0", "never"}} {
		if !hasRow(stdout, row) {
			t.Errorf("progress:\n%s\nwant a row %v", stdout, row)
		}
	}
	if !strings.Contains(stdout, "none of the 2 overlap documents is done by all its annotators yet") {
		t.Errorf("progress:\n%s\nwant no agreement yet", stdout)
	}
	a, err := readAssignment(out)
	if err != nil {
		t.Fatal(err)
	}
	var shared []string
	for _, sha := range slices.Sorted(maps.Keys(a.Documents)) {
		if len(a.Documents[sha]) == 2 {
			shared = append(shared, sha)
		}
	}
	alice := annotate.Annotation{Start: 0, End: 5, Label: "PERSON"}
	bob := annotate.Annotation{Start: 10, End: 13, Label: "PERSON"}
	paris := annotate.Annotation{Start: 17, End: 22, Label: "LOC"}
	anaAt := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	benAt := time.Date(2026, 1, 3, 11, 30, 0, 0, time.UTC)
	markDocument(t, assignPath(out, "ana"), shared[0], annotate.StatusDone, anaAt, alice, bob)
	markDocument(t, assignPath(out, "ben"), shared[0], annotate.StatusDone, benAt.Add(-time.Hour), alice, paris)
	markDocument(t, assignPath(out, "ana"), shared[1], annotate.StatusDone, anaAt.Add(-time.Hour))
	markDocument(t, assignPath(out, "ben"), shared[1], annotate.StatusInProgress, benAt, alice)
	stdout, _ = mustRun(t, "", "progress", out)
	want := [][]string{
		append([]string{"ana", "1", "0", "2", "2"}, strings.Fields(anaAt.Local().Format("2006-01-02 15:04"))...),
		append([]string{"ben", "1", "1", "1", "3"}, strings.Fields(benAt.Local().Format("2006-01-02 15:04"))...),
		{"ana", "&", "ben", "1", "0.5000", "0.5000"},
		{"mean", "pairwise", "exact", "F1:", "0.5000", "over", "1", "pair"},
		{"Krippendorff's", "alpha:", "entity", "0.4053", "claim", "1.0000", "source", "1.0000"},
	}
	for _, row := range want {
		if !hasRow(stdout, row) {
			t.Errorf("progress:\n%s\nwant a row %v", stdout, row)
		}
	}
	if !strings.Contains(stdout, "on 1 of 2 overlap documents") {
		t.Errorf("progress:\n%s\nwant agreement on 1 of 2 overlap documents", stdout)
	}
}
