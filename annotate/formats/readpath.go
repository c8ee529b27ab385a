package formats

import (
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"spanmark/annotate"
)

// Source is what one file holds for an import: its documents, read one at
// a time, and the header that describes them. Plain text has a zero
// Header: no annotator and a schema without labels.
type Source interface {
	Header() Header
	// Documents yields the documents in file order, stopping at the first
	// error, which names the file. It can be ranged over only once.
	Documents() iter.Seq2[*annotate.DocumentData, error]
}

// The kinds of file Files takes and OpenPath reads, by extension.
const (
	kindText     = "text"
	kindSpanmark = "spanmark"
)

// fileKinds are the kinds of the extensions of the formats of All read
// by extension.
var fileKinds = func() map[string]string {
	kinds := map[string]string{}
	for _, f := range All {
		for _, ext := range f.Extensions {
			switch {
			case f.ByExtension && f.Spanmark:
				kinds[ext] = kindSpanmark
			case f.ByExtension:
				kinds[ext] = kindText
			}
		}
	}
	return kinds
}()

// fileKind returns the kind of file path is by its extension, or "".
func fileKind(path string) string {
	return fileKinds[strings.ToLower(filepath.Ext(path))]
}

// Skipped is a file or folder Files passed over, and why.
type Skipped struct {
	Path   string
	Reason string
}

// Files expands paths into the files to import, in a deterministic order:
// each path in turn, and within a folder every file under it, walked
// recursively in lexical order. Files ending in .txt, .md, .json or .jsonl
// are taken; hidden files and folders (names starting with ".") and files
// with other extensions inside a folder are passed over and listed in
// skipped. A path that does not exist, or a file named in paths with an
// unknown extension, is an error, so that a mistyped command imports
// nothing.
func Files(paths []string) (files []string, skipped []Skipped, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			if fileKind(p) == "" {
				return nil, nil, fmt.Errorf("%s: unknown kind of file: want .txt, .md, .json or .jsonl", p)
			}
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case path == p:
				return nil
			case strings.HasPrefix(d.Name(), "."):
				skipped = append(skipped, Skipped{path, "hidden"})
				if d.IsDir() {
					return filepath.SkipDir
				}
			case d.IsDir():
			case fileKind(path) == "":
				skipped = append(skipped, Skipped{path, "not .txt, .md, .json or .jsonl"})
			default:
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return files, skipped, nil
}

// Input is a file opened for import. Close it once done with Documents.
type Input struct {
	Source
	file *os.File
}

// Close closes the file.
func (in *Input) Close() error { return in.file.Close() }

// OpenPath opens the file at path for import and reads what comes before
// its documents: .txt and .md files are plain text (see ReadText), .json
// and .jsonl files spanmark files (see ReadSpanmark). Errors name path.
func OpenPath(path string) (*Input, error) {
	kind := fileKind(path)
	if kind == "" {
		return nil, fmt.Errorf("%s: unknown kind of file: want .txt, .md, .json or .jsonl", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var src Source
	if kind == kindText {
		src, err = ReadText(f, path)
	} else {
		src, err = ReadSpanmark(f, path)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Input{Source: src, file: f}, nil
}

// ErrNoText is returned by ReadText for a file with no text but white
// space. It is annotate.ErrInvalid too.
var ErrNoText = annotate.Invalidf("no text to annotate")

// ReadText reads a plain-text file as one document without annotations:
// the text is the file's, normalised by annotate.NormalizeText (valid
// UTF-8 required; byte order mark and CR line ends removed), the title its
// first line (a Markdown heading without its #s), or the file's base name
// if it has none, and the source path
// name; the id is left for the store to make up. A file with no text but
// white space is ErrNoText, as it is nothing to annotate.
func ReadText(r io.Reader, name string) (Source, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text, err := annotate.NormalizeText(name, b)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrNoText)
	}
	return &textSource{doc: &annotate.DocumentData{Document: annotate.Document{
		Title:      textTitle(text, name),
		Text:       text,
		SHA256:     annotate.SHA256Hex(text),
		Status:     annotate.StatusTodo,
		SourcePath: name,
	}}}, nil
}

// textTitle is the title of the text of the file name: its first line,
// without the #s of a heading when the file is Markdown (.md).
func textTitle(text, name string) string {
	title := annotate.TitleFromText(text, filepath.Base(name))
	if !strings.EqualFold(filepath.Ext(name), ".md") {
		return title
	}
	// An ATX heading: one to six #s and a space; closing #s optional.
	hashes := len(title) - len(strings.TrimLeft(title, "#"))
	rest, ok := strings.CutPrefix(title[hashes:], " ")
	if hashes == 0 || hashes > 6 || !ok {
		return title
	}
	if body := strings.TrimRight(rest, "#"); strings.HasSuffix(body, " ") {
		rest = body // closing #s follow a space; "C#" keeps its #
	}
	if rest = strings.TrimSpace(rest); rest == "" {
		return title
	}
	return rest
}

// textSource is the one document of a plain-text file.
type textSource struct {
	doc *annotate.DocumentData
}

func (s *textSource) Header() Header { return Header{} }

func (s *textSource) Documents() iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		yield(s.doc, nil)
	}
}

// Every reader here is a Source.
var (
	_ Source = (*Reader)(nil)
	_ Source = (*textSource)(nil)
)

// MergeSchema returns the project's schema with the labels and relation
// types of a file's schema that it lacks appended, so that the file's
// annotations fit the project, and the names of what it added. A label or
// relation type that both have with different kinds is an error, as the
// file's annotations would change meaning. An added label whose hotkey
// the project already uses gets none. Attribute definitions merge the same
// way (see mergeAttributes).
func MergeSchema(project, file annotate.Schema) (annotate.Schema, []string, error) {
	merged := project.Clone()
	var added []string
	for _, l := range file.Labels {
		if have, ok := project.Label(l.Name); ok {
			if have.Kind != l.Kind {
				return project, nil, annotate.Invalidf("label %s is %s in the project but %s in the file", l.Name, have.Kind, l.Kind)
			}
			continue
		}
		if _, taken := merged.LabelForKey(l.Key); taken {
			l.Key = ""
		}
		merged.Labels = append(merged.Labels, l)
		added = append(added, fmt.Sprintf("label %s (%s)", l.Name, l.Kind))
	}
	for _, rt := range file.Relations {
		if have, ok := project.RelationType(rt.Name); ok {
			if have != rt {
				return project, nil, annotate.Invalidf("relation type %s links %s to %s in the project but %s to %s in the file",
					rt.Name, have.FromKind, have.ToKind, rt.FromKind, rt.ToKind)
			}
			continue
		}
		merged.Relations = append(merged.Relations, rt)
		added = append(added, fmt.Sprintf("relation type %s (%s → %s)", rt.Name, rt.FromKind, rt.ToKind))
	}
	merged, added, err := mergeAttributes(merged, file, added)
	if err != nil {
		return project, nil, err
	}
	if err := merged.Validate(); err != nil {
		return project, nil, err
	}
	return merged, added, nil
}

// ImportSource imports src's documents into st in one all-or-nothing
// transaction (annotate.Store.Import). The labels and relation types of
// src's schema that the project lacks are added to the project's schema
// first (see MergeSchema) and taken out again if the import fails; added
// names them. Errors name the file, name.
func ImportSource(st annotate.Store, src Source, name string) (res annotate.ImportResult, added []string, err error) {
	before, err := st.Schema()
	if err != nil {
		return res, nil, fmt.Errorf("import %s: %w", name, err)
	}
	merged, added, err := MergeSchema(before, src.Header().Schema)
	if err != nil {
		return res, nil, fmt.Errorf("import %s: %w", name, err)
	}
	err = withSchema(st, before, merged, len(added) > 0, func() error {
		var readErr error
		r, err := st.Import(func(yield func(*annotate.DocumentData, error) bool) {
			for d, err := range src.Documents() {
				readErr = err
				if !yield(d, err) || err != nil {
					return
				}
			}
		})
		switch {
		case readErr != nil:
			// The reader's error names the place in the file already.
			return readErr
		case err != nil:
			return fmt.Errorf("%s: %w", name, err)
		}
		res = r
		return nil
	})
	if err != nil {
		return annotate.ImportResult{}, nil, err
	}
	return res, added, nil
}

// ImportFile imports the file at path into st, all or nothing: OpenPath,
// then ImportSource.
func ImportFile(st annotate.Store, path string) (annotate.ImportResult, error) {
	in, err := OpenPath(path)
	if err != nil {
		return annotate.ImportResult{}, err
	}
	defer in.Close()
	res, _, err := ImportSource(st, in, path)
	return res, err
}
