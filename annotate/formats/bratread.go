package formats

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"spanmark/annotate"
)

// bratT is a text-bound annotation of an .ann file.
type bratT struct {
	where string
	label string
	frags [][2]int
	text  string
	notes []string
	ids   []string // the annotations made from it; a relation ends at the first
}

// ImportBrat reads the brat files below the root of fsys; name is where
// fsys comes from, for messages.
func ImportBrat(fsys fs.FS, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	t := newToolImport(name, o)
	var txts, anns, confs []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case e.IsDir():
		case path.Ext(p) == ".txt":
			txts = append(txts, p)
		case path.Ext(p) == ".ann":
			anns = append(anns, p)
		case e.Name() == "annotation.conf":
			confs = append(confs, p)
		}
		return nil
	})
	if err != nil {
		return nil, Report{}, fmt.Errorf("import %s: %w", name, err)
	}
	hasTxt := make(map[string]bool, len(txts))
	for _, txt := range txts {
		hasTxt[strings.TrimSuffix(txt, ".txt")] = true
	}
	hasAnn := make(map[string]bool, len(anns))
	for _, ann := range anns {
		stem := strings.TrimSuffix(ann, ".ann")
		if !hasTxt[stem] {
			return nil, Report{}, t.errorf(ann, "no %s.txt beside it", path.Base(stem))
		}
		hasAnn[stem] = true
	}
	if len(txts) == 0 {
		return nil, Report{}, t.errorf("", "no .txt files")
	}
	t.hints = map[string]annotate.Kind{}
	for _, c := range confs {
		b, err := fs.ReadFile(fsys, c)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %s: %w", name, c, err)
		}
		bratKindHints(string(b), t.hints)
		t.bratAttributeHints(string(b))
	}
	for _, txt := range txts {
		if err := t.bratDocument(fsys, txt, hasAnn[strings.TrimSuffix(txt, ".txt")]); err != nil {
			return nil, Report{}, err
		}
	}
	return t.finish()
}

// bratDocument imports NAME.txt and, if hasAnn, NAME.ann.
func (t *toolImport) bratDocument(fsys fs.FS, txt string, hasAnn bool) error {
	raw, err := fs.ReadFile(fsys, txt)
	if err != nil {
		return fmt.Errorf("import %s: %s: %w", t.name, txt, err)
	}
	d, err := t.newDoc(txt, string(raw), toolMeta{
		FallbackTitle: strings.TrimSuffix(path.Base(txt), ".txt"),
		SourcePath:    path.Join(filepath.ToSlash(t.name), txt),
	})
	if err != nil {
		return err
	}
	if !hasAnn {
		return nil
	}
	annPath := strings.TrimSuffix(txt, ".txt") + ".ann"
	b, err := fs.ReadFile(fsys, annPath)
	if err != nil {
		return fmt.Errorf("import %s: %s: %w", t.name, annPath, err)
	}
	ann, err := annotate.NormalizeText(annPath, b)
	if err != nil {
		return t.errorf("", "%v", err)
	}
	return t.bratAnn(d, annPath, ann)
}

// bratAnn reads one .ann file into d.
func (t *toolImport) bratAnn(d *toolDoc, file, ann string) error {
	ts := map[string]*bratT{}
	var order []string
	var rels, notes, attrs [][2]string // where, line
	skipped := map[byte]int{}
	for n, line := range strings.Split(ann, "\n") {
		where := fmt.Sprintf("%s: line %d", file, n+1)
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch line[0] {
		case 'T':
			tb, id, err := bratParseT(where, line)
			if err != nil {
				return t.errorf("", "%v", err)
			}
			if ts[id] != nil {
				return t.errorf(where, "%s repeats", id)
			}
			ts[id] = tb
			order = append(order, id)
		case 'R':
			rels = append(rels, [2]string{where, line})
		case '#':
			notes = append(notes, [2]string{where, line})
		case 'A', 'M':
			attrs = append(attrs, [2]string{where, line})
		case 'E', 'N', '*':
			skipped[line[0]]++
		default:
			return t.errorf(where, "not a brat annotation: %q", snippet([]byte(line)))
		}
	}
	for kind, n := range skipped {
		t.note(file, "%d %c lines left out: only T, R, A and AnnotatorNotes lines are read", n, kind)
	}
	for _, n := range notes {
		if err := t.bratNote(n[0], n[1], ts); err != nil {
			return err
		}
	}
	for _, id := range order {
		if err := t.bratText(d, id, ts[id]); err != nil {
			return err
		}
	}
	for _, r := range rels {
		if err := t.bratRelation(d, r[0], r[1], ts); err != nil {
			return err
		}
	}
	for _, a := range attrs {
		if err := t.bratAttribute(d, a[0], a[1], ts); err != nil {
			return err
		}
	}
	return nil
}

// bratParseT parses a T line: "T1\tLABEL 0 5;6 10\ttext".
func bratParseT(where, line string) (*bratT, string, error) {
	fields := strings.SplitN(line, "\t", 3)
	if len(fields) < 2 {
		return nil, "", fmt.Errorf("%s: want T<id>\\tLABEL START END\\tTEXT", where)
	}
	id := fields[0]
	where += ": " + id
	label, offsets, ok := strings.Cut(fields[1], " ")
	if !ok || label == "" {
		return nil, "", fmt.Errorf("%s: want LABEL START END", where)
	}
	tb := &bratT{where: where, label: label}
	if len(fields) == 3 {
		tb.text = fields[2]
	}
	for _, frag := range strings.Split(offsets, ";") {
		var s, e int
		parts := strings.Fields(frag)
		if len(parts) != 2 {
			return nil, "", fmt.Errorf("%s: offsets %q are not START END", where, frag)
		}
		s, errS := strconv.Atoi(parts[0])
		e, errE := strconv.Atoi(parts[1])
		if errS != nil || errE != nil {
			return nil, "", fmt.Errorf("%s: offsets %q are not numbers", where, frag)
		}
		tb.frags = append(tb.frags, [2]int{s, e})
	}
	return tb, id, nil
}

// bratNote reads an AnnotatorNotes line: "#1\tAnnotatorNotes T1\tnote".
func (t *toolImport) bratNote(where, line string, ts map[string]*bratT) error {
	fields := strings.SplitN(line, "\t", 3)
	if len(fields) < 2 {
		return t.errorf(where, "want #<id>\\tAnnotatorNotes T<id>\\tNOTE")
	}
	kind, target, _ := strings.Cut(fields[1], " ")
	if kind != "AnnotatorNotes" {
		t.note(where, "%s left out: only AnnotatorNotes are read", kind)
		return nil
	}
	tb := ts[target]
	if tb == nil {
		t.note(where, "note left out: %s is not a T annotation of this file", target)
		return nil
	}
	if len(fields) == 3 && fields[2] != "" {
		tb.notes = append(tb.notes, fields[2])
	}
	return nil
}

// bratRelation reads an R line: "R1\tattributed_to Arg1:T3 Arg2:T7".
func (t *toolImport) bratRelation(d *toolDoc, where, line string, ts map[string]*bratT) error {
	fields := strings.Split(line, "\t")
	if len(fields) < 2 {
		return t.errorf(where, "want R<id>\\tTYPE Arg1:T<id> Arg2:T<id>")
	}
	where += ": " + fields[0]
	parts := strings.Fields(fields[1])
	if len(parts) != 3 {
		return t.errorf(where, "want TYPE Arg1:T<id> Arg2:T<id>, got %q", fields[1])
	}
	var ends [2]*bratT
	for i, arg := range parts[1:] {
		_, ref, ok := strings.Cut(arg, ":")
		if !ok || ts[ref] == nil {
			return t.errorf(where, "%s is not a T annotation of this file", arg)
		}
		ends[i] = ts[ref]
	}
	if len(ends[0].ids) == 0 || len(ends[1].ids) == 0 {
		t.note(where, "relation left out: an end was not imported")
		return nil
	}
	t.addRelation(d, where, annotate.Relation{Type: parts[0], From: ends[0].ids[0], To: ends[1].ids[0]})
	return nil
}
