package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"spanmark/annotate"
)

// brat's standoff format: for each document NAME.txt, its text in UTF-8
// with LF line ends, and NAME.ann, one annotation a line:
//
//	T1	PERSON 20 31	Kim Jong Un
//	T2	CLAIM 0 5;6 10	first line second line
//	#1	AnnotatorNotes T1	a note
//	A1	verdict T2 false
//	R1	attributed_to Arg1:T2 Arg2:T1
//
// (attributes: see bratattr.go) with annotation.conf and visual.conf describing the schema. Offsets are
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
// A relation ends at the first fragment of a split span, an attribute
// applies to every fragment. Events, normalisations and equivalences are
// left out and noted.

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

// ExportBratZip writes docs as brat files in a .zip archive to w, each
// entry dated o.At (or now): unzip and file managers show when the
// export was made, not 1980.
func ExportBratZip(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	at := o.At
	if at.IsZero() {
		at = time.Now()
	}
	zw := zip.NewWriter(w)
	err := bratExport(docs, o, func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at})
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
	left := &attrTally{format: "brat", why: "brat has no text or document attributes"}
	err := eachDocument(docs, func(d *annotate.DocumentData) error {
		text, err := newAnchor(exportDocName(d), d.Document.Text)
		if err != nil {
			return err
		}
		name := bratFileName(d.Document, used)
		if err := put(name+".txt", []byte(text.norm)); err != nil {
			return err
		}
		return put(name+".ann", bratAnn(d, text, o, left))
	})
	if err == nil {
		left.report(o)
	}
	return err
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
// text.norm, the text with LF line ends, and counts in left the attribute
// values it leaves out.
func bratAnn(d *annotate.DocumentData, text *anchor, o ExportOptions, left *attrTally) []byte {
	x := text.normIdx
	var b bytes.Buffer
	tid := make(map[string]int, len(d.Annotations))
	ts, notes, attrs := 0, 0, 0
	left.count(d.Document.Attributes, nil)
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
		bratAttrLines(&b, a, ts, &attrs, o.Schema, left)
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
