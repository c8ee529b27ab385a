package formats

import (
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

func TestImportWith(t *testing.T) {
	event := annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: newLabelColors[0]}
	withEvent := append(annotate.DefaultSchema().Labels, event)
	good := `{"text": "Kursk burns.", "label": [[0, 5, "LOC"], [6, 11, "EVENT"]]}` + "\n"
	storeErr := fmt.Errorf("import: document 1 (Kursk): %w", annotate.ErrInvalid)
	tests := []struct {
		name, format, input string
		storeErr            error
		wantErr             string
		wantSchemas         int // schemas set: 0, 1 (with EVENT) or 2 (with EVENT, then restored)
		wantDocs            int
	}{
		{name: "adds the new labels", format: "doccano", input: good, wantSchemas: 1, wantDocs: 1},
		{name: "nothing to add", format: "doccano", input: `{"text": "Kursk.", "label": [[0, 5, "LOC"]]}`, wantDocs: 1},
		{name: "store fails", format: "doccano", input: good, storeErr: storeErr,
			wantErr: "import x.jsonl: import: document 1 (Kursk)", wantSchemas: 2},
		{name: "bad file", format: "doccano", input: good + `{"text": "B", "label": [[0, 9]]}`,
			wantErr: "import x.jsonl: line 2: "},
		{name: "unknown format", format: "xml", input: good,
			wantErr: `import x.jsonl: unknown format "xml": want brat, conll, doccano, labelstudio, spacy, w3c`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			annotatetest.WriteFiles(t, dir, map[string]string{"x.jsonl": tc.input})
			path := filepath.Join(dir, "x.jsonl")
			st := newImportStore(tc.storeErr)
			rep, res, err := ImportWith(st, tc.format, path, ImportOptions{Annotator: "ana"})
			if tc.wantErr != "" {
				want := strings.Replace(tc.wantErr, "x.jsonl", path, 1)
				if err == nil || !strings.HasPrefix(err.Error(), want) {
					t.Errorf("got %v, want %s…", err, want)
				}
				if len(res.Added) != 0 || len(st.imported) != 0 {
					t.Errorf("got %d added, %d imported after an error", len(res.Added), len(st.imported))
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(st.schemas) != tc.wantSchemas {
				t.Fatalf("set the schema %d times, want %d", len(st.schemas), tc.wantSchemas)
			}
			if tc.wantSchemas > 0 && !reflect.DeepEqual(st.schemas[0].Labels, withEvent) {
				t.Errorf("labels set: got %+v, want %+v", st.schemas[0].Labels, withEvent)
			}
			if tc.wantSchemas == 2 && !reflect.DeepEqual(st.schemas[1], annotate.DefaultSchema()) {
				t.Errorf("restored schema: got %+v", st.schemas[1])
			}
			if len(st.imported) != tc.wantDocs || len(res.Added) != tc.wantDocs || err == nil && rep.Documents != tc.wantDocs {
				t.Errorf("imported %d (result %d, report %d), want %d", len(st.imported), len(res.Added), rep.Documents, tc.wantDocs)
			}
			for _, d := range st.imported {
				for _, a := range d.Annotations {
					if a.Annotator != "ana" {
						t.Errorf("annotator %q, want ana", a.Annotator)
					}
				}
			}
		})
	}
}

// TestImportWithNewRelations checks that the relation types a file adds
// reach the project's schema, and leave it again when the import fails.
func TestImportWithNewRelations(t *testing.T) {
	in := `{"text": "Google was founded by Larry Page.", "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"},` +
		` {"id": 1, "start_offset": 22, "end_offset": 32, "label": "PERSON"}], "relations": [{"from_id": 0, "to_id": 1, "type": "foundedBy"}]}`
	foundedBy := annotate.RelationType{Name: "foundedBy", FromKind: annotate.KindEntity, ToKind: annotate.KindEntity}
	for _, storeErr := range []error{nil, errors.New("disk full")} {
		t.Run(fmt.Sprint(storeErr), func(t *testing.T) {
			dir := t.TempDir()
			annotatetest.WriteFiles(t, dir, map[string]string{"x.jsonl": in})
			st := newImportStore(storeErr)
			rep, _, err := ImportWith(st, "doccano", filepath.Join(dir, "x.jsonl"), ImportOptions{})
			if (err != nil) != (storeErr != nil) {
				t.Fatalf("error %v, want %v", err, storeErr)
			}
			if err == nil && !slices.Equal(rep.NewRelations, []annotate.RelationType{foundedBy}) {
				t.Errorf("new relation types %+v, want foundedBy", rep.NewRelations)
			}
			if len(st.schemas) == 0 || !slices.Contains(st.schemas[0].Relations, foundedBy) {
				t.Fatalf("schemas set %+v, want the first with foundedBy", st.schemas)
			}
			last, _ := st.Schema()
			if got := slices.Contains(last.Relations, foundedBy); got != (storeErr == nil) {
				t.Errorf("schema after the import has foundedBy: %v, want %v", got, storeErr == nil)
			}
		})
	}
}

// chunkStore is a mock project that records the size of every Import,
// failing the one numbered failAt (from 1; 0 never).
type chunkStore struct {
	*importStore
	chunks []int
}

func newChunkStore(failAt int) *chunkStore {
	s := &chunkStore{importStore: newImportStore(nil)}
	inner := s.ImportFn
	s.ImportFn = func(docs iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error) {
		n := 0
		counted := func(yield func(*annotate.DocumentData, error) bool) {
			for d, err := range docs {
				n++
				if !yield(d, err) {
					return
				}
			}
		}
		res, err := inner(counted)
		s.chunks = append(s.chunks, n)
		if len(s.chunks) == failAt {
			return annotate.ImportResult{}, errors.New("disk full")
		}
		return res, err
	}
	return s
}

// chunkDocs yields n documents of two annotations each, or an error in
// place of the document numbered bad (from 1; 0 never).
func chunkDocs(n, bad int) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for i := 1; i <= n; i++ {
			if i == bad {
				yield(nil, errors.New("bad document"))
				return
			}
			d := &annotate.DocumentData{
				Document:    annotate.Document{ID: fmt.Sprint(i)},
				Annotations: make([]annotate.Annotation, 2),
			}
			if !yield(d, nil) {
				return
			}
		}
	}
}

func TestImportChunked(t *testing.T) {
	tests := []struct {
		name             string
		docs, bad        int
		maxDocs, maxAnns int
		failAt           int
		wantChunks       []int
		wantAdded        int
		wantErr          string
	}{
		{name: "by documents", docs: 7, maxDocs: 3, maxAnns: 100, wantChunks: []int{3, 3, 1}, wantAdded: 7},
		{name: "by annotations", docs: 7, maxDocs: 100, maxAnns: 5, wantChunks: []int{3, 3, 1}, wantAdded: 7},
		{name: "exact fit", docs: 6, maxDocs: 3, maxAnns: 100, wantChunks: []int{3, 3}, wantAdded: 6},
		{name: "nothing", docs: 0, maxDocs: 3, maxAnns: 100, wantChunks: nil},
		{name: "store fails", docs: 7, maxDocs: 3, maxAnns: 100, failAt: 2, wantChunks: []int{3, 3}, wantAdded: 3, wantErr: "disk full"},
		{name: "bad document", docs: 7, bad: 5, maxDocs: 3, maxAnns: 100, wantChunks: []int{3, 2}, wantAdded: 3, wantErr: "import: bad document"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newChunkStore(tc.failAt)
			res, err := ImportChunked(st, chunkDocs(tc.docs, tc.bad), tc.maxDocs, tc.maxAnns)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || err.Error() != tc.wantErr) {
				t.Errorf("got error %v, want %q", err, tc.wantErr)
			}
			if !slices.Equal(st.chunks, tc.wantChunks) {
				t.Errorf("chunks: got %v, want %v", st.chunks, tc.wantChunks)
			}
			if len(res.Added) != tc.wantAdded {
				t.Errorf("added %d, want %d", len(res.Added), tc.wantAdded)
			}
		})
	}
}
