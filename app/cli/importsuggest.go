package cli

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

// suggestionImport gathers what spanmark import --as-suggestions reads
// from its files before it stores any of it.
type suggestionImport struct {
	source string
	schema annotate.Schema
	byHash map[string]string // text hash → the project's document id
	byDoc  map[string][]annotate.Suggestion
	seen   map[string]map[annotate.SpanLabel]int // where each span is in byDoc
	// unknown holds the labels the files use that the schema lacks.
	unknown map[string]bool
}

// suggestionsOptionErr returns what is wrong with import's options for
// suggestions, or "".
func suggestionsOptionErr(asSuggestions bool, source, annotator string, paths []string) string {
	switch {
	case !asSuggestions && source != "":
		return "--source needs --as-suggestions"
	case !asSuggestions:
		return ""
	case source == "":
		return "--as-suggestions needs --source NAME"
	case source == annotate.SourceStrings:
		return fmt.Sprintf("--source %s names the suggestions spanmark suggest makes: choose another name", source)
	case strings.ContainsRune(source, 0):
		return "--source: a name without NUL characters"
	case annotator != "":
		return "--annotator does not go with --as-suggestions: suggestions have no annotator"
	case slices.Contains(paths, "-"):
		return "--as-suggestions does not read standard input"
	}
	return ""
}

// importSuggestionsCmd runs import --as-suggestions, its options checked.
func (c *cli) importSuggestionsCmd(db, source, format string, paths []string, o formats.ImportOptions) int {
	files := paths
	if format == "" {
		var err error
		if files, err = c.expand(paths); err != nil {
			return c.fail(fmt.Errorf("import: %w", err))
		}
	}
	if err := c.importSuggestions(db, source, format, files, o); err != nil {
		return c.fail(err)
	}
	return exitOK
}

// importSuggestions reads files, in format ("" for spanmark .json and
// .jsonl files), and stores their spans as the suggestions of source in
// the project at db, replacing source's suggestions of the documents the
// files hold, in one transaction. Documents the project lacks are named
// and skipped. A file that cannot be read whole, or a label the schema
// lacks, stores nothing.
func (c *cli) importSuggestions(db, source, format string, files []string, o formats.ImportOptions) error {
	st, err := openProject("import", db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	imp, err := newSuggestionImport(st, source)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	o.Schema, o.Predictions = imp.schema, true
	for _, file := range files {
		docs, scores, err := readSuggestionFile(format, file, o)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		n, skipped := imp.add(docs, scores)
		for _, d := range skipped {
			fmt.Fprintf(c.stderr, "%s: skipped %q: no document of the project has its text\n", file, d.Document.Title)
		}
		fmt.Fprintf(c.stderr, "%s: %s in %s\n", file, plural(n, "suggestion"), plural(len(docs)-len(skipped), "document"))
	}
	if len(imp.unknown) > 0 {
		return fmt.Errorf("import: labels not in the project's schema, so their suggestions could not be accepted: %s; nothing imported",
			strings.Join(slices.Sorted(maps.Keys(imp.unknown)), ", "))
	}
	if err := st.PutSuggestions(source, imp.byDoc); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(c.stderr, "imported %s from %s as %s's in %s\n", plural(imp.count(), "suggestion"),
		plural(len(files), "file"), source, plural(len(imp.byDoc), "document"))
	return st.Close()
}

// newSuggestionImport starts an import of source's suggestions into st.
func newSuggestionImport(st *storage.Store, source string) (*suggestionImport, error) {
	schema, err := st.Schema()
	if err != nil {
		return nil, err
	}
	infos, err := st.Documents()
	if err != nil {
		return nil, err
	}
	imp := &suggestionImport{source: source, schema: schema, byHash: make(map[string]string, len(infos)),
		byDoc: map[string][]annotate.Suggestion{}, seen: map[string]map[annotate.SpanLabel]int{}, unknown: map[string]bool{}}
	for _, in := range infos {
		imp.byHash[in.SHA256] = in.ID
	}
	return imp, nil
}

// readSuggestionFile reads the documents of one file and the scores of
// their annotations (by id; those without one score 1).
func readSuggestionFile(format, file string, o formats.ImportOptions) ([]*annotate.DocumentData, map[string]float64, error) {
	if format != "" {
		docs, rep, err := formats.Importers[format](file, o)
		return docs, rep.Scores, err
	}
	if !spanmarkFile(file) {
		return nil, nil, fmt.Errorf("%s: as suggestions, only spanmark .json and .jsonl files are read by their extension; name the format of other files with --format", file)
	}
	in, err := formats.OpenPath(file)
	if err != nil {
		return nil, nil, err
	}
	defer in.Close()
	var docs []*annotate.DocumentData
	for d, err := range in.Documents() {
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil, nil
}

// add turns the annotations of the documents the project holds into
// suggestions, returning how many and the documents it skipped. A span
// suggested twice with one label keeps its best score.
func (imp *suggestionImport) add(docs []*annotate.DocumentData, scores map[string]float64) (int, []*annotate.DocumentData) {
	var skipped []*annotate.DocumentData
	n := 0
	for _, d := range docs {
		id, ok := imp.byHash[annotate.SHA256Hex(d.Document.Text)]
		if !ok {
			skipped = append(skipped, d)
			continue
		}
		if imp.seen[id] == nil {
			// Listed even without spans: source's suggestions of it are replaced.
			imp.seen[id] = map[annotate.SpanLabel]int{}
			imp.byDoc[id] = nil
		}
		for _, a := range d.Annotations {
			if _, ok := imp.schema.Label(a.Label); !ok {
				imp.unknown[a.Label] = true
			}
			score, ok := scores[a.ID]
			if !ok {
				score = 1
			}
			s := annotate.Suggestion{DocumentID: id, Start: a.Start, End: a.End, Label: a.Label, Source: imp.source, Score: score}
			if i, dup := imp.seen[id][s.Key()]; dup {
				imp.byDoc[id][i].Score = max(imp.byDoc[id][i].Score, score)
				continue
			}
			imp.seen[id][s.Key()] = len(imp.byDoc[id])
			imp.byDoc[id] = append(imp.byDoc[id], s)
			n++
		}
	}
	return n, skipped
}

// count returns how many suggestions imp holds.
func (imp *suggestionImport) count() int {
	n := 0
	for _, ss := range imp.byDoc {
		n += len(ss)
	}
	return n
}

// spanmarkFile says whether file has the extension of a spanmark format.
func spanmarkFile(file string) bool {
	ext := strings.ToLower(filepath.Ext(file))
	for _, f := range formats.All {
		if f.Spanmark && f.ByExtension && slices.Contains(f.Extensions, ext) {
			return true
		}
	}
	return false
}
