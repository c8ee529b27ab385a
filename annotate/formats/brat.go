package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"spanmark/annotate"
)

// brat's standoff format: for each document NAME.txt, its text in UTF-8
// with LF line ends, and NAME.ann, one annotation a line:
//
//	T1	PERSON 20 31	Kim Jong Un
//	T2	CLAIM 0 5;6 10	first line second line
//	#1	AnnotatorNotes T1	a note
//	R1	attributed_to Arg1:T2 Arg2:T1
//
// with annotation.conf and visual.conf describing the schema. Offsets are
// code points, which brat, written in Python, counts. brat's server reads
// a .txt with universal newlines, turning CRLF and CR into LF, so a text
// that still has CRLF line ends (a JSON import keeps them) is written with
// LF line ends, and every offset is moved to match it. A line of .ann
// cannot hold a line break, so a span that crosses lines is written as
// fragments, one per line, as brat itself writes it: its text is the
// fragments' texts joined by spaces. annotation.conf groups the labels by
// kind under the types !entity, !claim and !source, which brat shows but
// does not let anyone use, so that an import learns their kinds.
//
// The importer reads every NAME.txt with its NAME.ann below a folder (a
// .txt without one is a document without annotations). It joins the
// fragments of one T back into one annotation when only line breaks lie
// between them; other discontinuous spans become one annotation per
// fragment, each with a note that says so, and are reported. Every T's
// offsets are checked against its text and repaired if they do not fit.
// A relation ends at the first fragment of a split span. Events,
// attributes, normalisations and equivalences are left out and noted.

// ExportBrat writes docs as brat files into the folder dir, which is made
// if it does not exist. It never overwrites a file: a name already taken
// is an error.
func ExportBrat(dir string, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	err := bratExport(docs, o, func(name string, data []byte) error {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return errors.Join(err, f.Close())
	})
	if err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	return nil
}

// ExportBratZip writes docs as brat files in a .zip archive to w.
func ExportBratZip(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	zw := zip.NewWriter(w)
	err := bratExport(docs, o, func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	return nil
}

// bratExport hands the files of a brat export to put, one at a time.
func bratExport(docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions, put func(name string, data []byte) error) error {
	if err := put("annotation.conf", bratAnnotationConf(o.Schema)); err != nil {
		return err
	}
	if err := put("visual.conf", bratVisualConf(o.Schema)); err != nil {
		return err
	}
	used := map[string]bool{}
	return eachDocument(docs, func(d *annotate.DocumentData) error {
		text, err := newAnchor(exportDocName(d), d.Document.Text)
		if err != nil {
			return err
		}
		name := bratFileName(d.Document, used)
		if err := put(name+".txt", []byte(text.norm)); err != nil {
			return err
		}
		return put(name+".ann", bratAnn(d, text, o))
	})
}

// bratFileName makes a file name, without extension, from a document's
// title (or id) that is safe on every file system and not in used, in
// any case, and adds it to used.
func bratFileName(doc annotate.Document, used map[string]bool) string {
	var b strings.Builder
	runes := 0
	for _, r := range doc.Title {
		if runes == 60 {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			b.WriteRune(r)
			runes++
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
			runes++
		}
	}
	base := strings.Trim(b.String(), "_-")
	if base == "" {
		base = "document_" + doc.ID
	}
	name := base
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	used[strings.ToLower(name)] = true
	return name
}

// bratAnn returns the .ann file of one document, with offsets into
// text.norm, the text with LF line ends.
func bratAnn(d *annotate.DocumentData, text *anchor, o ExportOptions) []byte {
	x := text.normIdx
	var b bytes.Buffer
	tid := make(map[string]int, len(d.Annotations))
	ts, notes := 0, 0
	for _, a := range sortedAnnotations(d.Annotations) {
		// Offsets within the text always map; a CR dropped from a span's
		// CRLF moves its end back.
		a.Start, _, _ = text.offset(a.Start, unitCodePoints)
		a.End, _, _ = text.offset(a.End, unitCodePoints)
		frags := bratFragments(x, a.Start, a.End)
		if len(frags) == 0 {
			o.warn("brat: %s: %s holds only line breaks; left out", exportDocName(d), describeSpan(x, a))
			continue
		}
		ts++
		tid[a.ID] = ts
		offs := make([]string, len(frags))
		texts := make([]string, len(frags))
		for i, f := range frags {
			offs[i] = fmt.Sprintf("%d %d", f[0], f[1])
			texts[i] = x.Slice(f[0], f[1])
		}
		fmt.Fprintf(&b, "T%d\t%s %s\t%s\n", tid[a.ID], a.Label, strings.Join(offs, ";"), strings.Join(texts, " "))
		if a.Note == "" {
			continue
		}
		note := strings.Join(strings.FieldsFunc(a.Note, bratBreak), " ")
		if note != a.Note {
			o.warn("brat: %s: the note of %s holds line breaks or tabs, written as spaces", exportDocName(d), describeSpan(x, a))
		}
		notes++
		fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", notes, tid[a.ID], note)
	}
	rels := 0
	for _, r := range d.Relations {
		from, okFrom := tid[r.From]
		to, okTo := tid[r.To]
		if !okFrom || !okTo {
			o.warn("brat: %s: relation %s %s→%s left out: an end is not in the file", exportDocName(d), r.Type, r.From, r.To)
			continue
		}
		rels++
		fmt.Fprintf(&b, "R%d\t%s Arg1:T%d Arg2:T%d\n", rels, r.Type, from, to)
	}
	return b.Bytes()
}

// bratBreak reports whether r cannot stand in one field of an .ann line.
func bratBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t'
}

// bratFragments splits the code points [start, end) of a text into the
// pieces between its line breaks, leaving the breaks and empty pieces out.
func bratFragments(x *annotate.Index, start, end int) [][2]int {
	var frags [][2]int
	from, cp := start, start
	for _, r := range x.Slice(start, end) {
		if r == '\n' || r == '\r' {
			if cp > from {
				frags = append(frags, [2]int{from, cp})
			}
			from = cp + 1
		}
		cp++
	}
	if end > from {
		frags = append(frags, [2]int{from, end})
	}
	return frags
}

// bratAnnotationConf returns annotation.conf for s.
func bratAnnotationConf(s annotate.Schema) []byte {
	var b bytes.Buffer
	b.WriteString("# Spanmark's labels, under their kinds, which cannot be used themselves.\n[entities]\n")
	for _, k := range annotate.Kinds {
		if names := bratLabelsOf(s, k); len(names) > 0 {
			fmt.Fprintf(&b, "!%s\n\t%s\n", k, strings.Join(names, "\n\t"))
		}
	}
	b.WriteString("\n[relations]\n# Spans of any type may overlap.\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n")
	for _, rt := range s.Relations {
		from, to := bratLabelsOf(s, rt.FromKind), bratLabelsOf(s, rt.ToKind)
		if len(from) > 0 && len(to) > 0 {
			fmt.Fprintf(&b, "%s\tArg1:%s, Arg2:%s\n", rt.Name, strings.Join(from, "|"), strings.Join(to, "|"))
		}
	}
	b.WriteString("\n[events]\n\n[attributes]\n")
	return b.Bytes()
}

// bratLabelsOf returns the names of the labels of kind k.
func bratLabelsOf(s annotate.Schema, k annotate.Kind) []string {
	var names []string
	for _, l := range s.Labels {
		if l.Kind == k {
			names = append(names, l.Name)
		}
	}
	return names
}

// bratVisualConf returns visual.conf for s: the labels' colours.
func bratVisualConf(s annotate.Schema) []byte {
	var b bytes.Buffer
	b.WriteString("[labels]\n\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n")
	b.WriteString("ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n")
	for _, l := range s.Labels {
		fmt.Fprintf(&b, "%s\tbgColor:%s\n", l.Name, l.Color)
	}
	return b.Bytes()
}

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
	}
	for _, txt := range txts {
		if err := t.bratDocument(fsys, txt, hasAnn[strings.TrimSuffix(txt, ".txt")]); err != nil {
			return nil, Report{}, err
		}
	}
	return t.finish()
}

// bratKindHints learns the kinds of labels from an annotation.conf that
// groups them under a type named after a kind.
func bratKindHints(conf string, hints map[string]annotate.Kind) {
	section := ""
	var parents []string // the type at each depth of indentation
	for line := range strings.Lines(conf) {
		line = strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]"):
			section = trimmed
			continue
		case section != "[entities]":
			continue
		}
		depth := len(line) - len(strings.TrimLeft(line, "\t"))
		typ := strings.TrimPrefix(strings.Fields(trimmed)[0], "!")
		parents = append(parents[:min(depth, len(parents))], typ)
		for _, p := range parents[:len(parents)-1] {
			if k := annotate.Kind(strings.ToLower(p)); k.Valid() {
				hints[typ] = k
			}
		}
	}
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
	var rels, notes [][2]string // where, line
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
		case 'E', 'A', 'M', 'N', '*':
			skipped[line[0]]++
		default:
			return t.errorf(where, "not a brat annotation: %q", snippet([]byte(line)))
		}
	}
	for kind, n := range skipped {
		t.note(file, "%d %c lines left out: only T, R and AnnotatorNotes lines are read", n, kind)
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

// bratText anchors one T and adds its annotations to d.
func (t *toolImport) bratText(d *toolDoc, id string, tb *bratT) error {
	frags := tb.frags
	if len(frags) == 1 {
		s, e, ok, err := t.quotedSpan(d, tb.where, frags[0][0], frags[0][1], tb.text)
		if err != nil || !ok {
			return err
		}
		frags = [][2]int{{s, e}}
	} else {
		placed, ok, err := t.bratFragments(d, tb)
		if err != nil || !ok {
			return err
		}
		frags = placed
	}
	note := strings.Join(tb.notes, "\n")
	if len(frags) == 1 || bratOnlyBreaks(d.text, frags) {
		a := annotate.Annotation{Start: frags[0][0], End: frags[len(frags)-1][1], Label: tb.label, Note: note}
		tb.ids = append(tb.ids, t.addAnnotation(d, a))
		return nil
	}
	t.note(tb.where, "discontinuous span imported as %d annotations, one per fragment", len(frags))
	for i, f := range frags {
		fragNote := strings.TrimSpace(fmt.Sprintf("fragment %d of %d of brat %s\n%s", i+1, len(frags), id, note))
		a := annotate.Annotation{Start: f[0], End: f[1], Label: tb.label, Note: fragNote}
		tb.ids = append(tb.ids, t.addAnnotation(d, a))
	}
	return nil
}

// bratFragments anchors the fragments of a discontinuous T.
func (t *toolImport) bratFragments(d *toolDoc, tb *bratT) ([][2]int, bool, error) {
	if t.o.TrustOffsets || tb.text == "" {
		out := make([][2]int, len(tb.frags))
		for i, f := range tb.frags {
			s, e, err := d.text.span(f[0], f[1], unitCodePoints)
			if err != nil {
				return nil, false, t.errorf(tb.where, "fragment %d: %v", i+1, err)
			}
			out[i] = [2]int{s, e}
		}
		return out, true, nil
	}
	out, repaired, ok := d.text.placeFragments(tb.frags, tb.text, " ")
	if !ok {
		t.rep.Unconfirmed = append(t.rep.Unconfirmed,
			fmt.Sprintf("%s: %s: text %q does not match its fragments %v", t.name, tb.where, tb.text, tb.frags))
		return nil, false, nil
	}
	if repaired {
		t.rep.Repaired++
	}
	return out, true, nil
}

// bratOnlyBreaks reports whether only line breaks lie between the
// fragments, in order, so that they are one span that crosses lines.
func bratOnlyBreaks(a *anchor, frags [][2]int) bool {
	for i := 1; i < len(frags); i++ {
		gap := a.normIdx.Slice(frags[i-1][1], frags[i][0])
		if gap == "" || strings.Trim(gap, "\n") != "" {
			return false
		}
	}
	return true
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
