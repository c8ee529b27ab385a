package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

// perturbedProject writes to path a second annotator's copy of docs, as
// bench.sh's perturbation makes one: some spans shorter, some entities
// relabelled, some annotations left out with their relations, the first
// document missing and one text of its own.
func perturbedProject(t *testing.T, path string, docs []*annotate.DocumentData) {
	t.Helper()
	var out []*annotate.DocumentData
	for i, d := range docs[1:] {
		c := &annotate.DocumentData{Document: d.Document}
		dropped := map[string]bool{}
		for j, a := range d.Annotations {
			switch (i + j) % 10 {
			case 1:
				if a.End-a.Start > 1 {
					a.End--
				}
			case 2:
				if a.Label == "PERSON" {
					a.Label = "ORG"
				}
			case 3:
				dropped[a.ID] = true
				continue
			}
			c.Annotations = append(c.Annotations, a)
		}
		for _, r := range d.Relations {
			if !dropped[r.From] && !dropped[r.To] {
				c.Relations = append(c.Relations, r)
			}
		}
		out = append(out, c)
	}
	out = append(out, &annotate.DocumentData{Document: annotate.Document{ID: "own", Title: "own", Text: "A text of B's own."}})
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: "ben"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(formats.Seq(out)); err != nil {
		t.Fatal(err)
	}
}

// repeatFirst appends to the JSONL export at path n copies of its first
// document under new ids: a text that an export holds more than once.
func repeatFirst(t *testing.T, path string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	var doc struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(first, &doc); err != nil || doc.ID == "" {
		t.Fatalf("first line of %s: id %q, %v", path, doc.ID, err)
	}
	for i := range n {
		id := fmt.Sprintf(`"id":"copy%d"`, i)
		b = append(b, bytes.Replace(first, []byte(`"id":"`+doc.ID+`"`), []byte(id), 1)...)
		b = append(b, '\n')
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAgreeStreamedEqualsWhole: agree reads its sides one document at a
// time, and reports exactly what comparing the whole sides reports, for
// every pairing of projects and exports.
func TestAgreeStreamedEqualsWhole(t *testing.T) {
	dir := isolate(t)
	a, b := filepath.Join(dir, "a.spanmark"), filepath.Join(dir, "b.spanmark")
	mustRun(t, "", "gen", "--out", a, "--docs", "30", "--words-per-doc", "150", "--annotations-per-doc", "20", "--seed", "4")
	_, docs := loadProject(t, a)
	perturbedProject(t, b, docs)
	aJSONL, bJSONL := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	mustRun(t, "", "export", "--db", a, "--out", aJSONL)
	mustRun(t, "", "export", "--db", b, "--out", bJSONL)
	// A's export holds its first text twice, B's its first (A's second)
	// three times: the k-th copy on one side pairs with the k-th on the
	// other.
	repeatFirst(t, aJSONL, 1)
	repeatFirst(t, bJSONL, 2)
	for _, pair := range [][2]string{{a, b}, {a, bJSONL}, {aJSONL, b}, {aJSONL, bJSONL}, {b, a}, {bJSONL, aJSONL}, {a, a}} {
		t.Run(filepath.Base(pair[0])+" vs "+filepath.Base(pair[1]), func(t *testing.T) {
			sides, err := loadSides(pair[:])
			if err != nil {
				t.Fatal(err)
			}
			want := agree.Compare(sides[0], sides[1])
			if want.Matched < 20 || want.Overall.Exact.F1() == 1 && pair[0] != pair[1] {
				t.Fatalf("the sides do not differ as meant: %+v", want)
			}
			got, err := compareFiles(pair[0], pair[1])
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("streamed report\n%+v\nwhole sides' report\n%+v", got, want)
			}
			wantJSON, _ := want.JSON()
			if stdout, _ := mustRun(t, "", "agree", "--json", pair[0], pair[1]); stdout != string(wantJSON) {
				t.Errorf("agree --json printed\n%s\nwant\n%s", stdout, wantJSON)
			}
		})
	}
}
