// Package formats reads and writes annotations in Spanmark's own JSON and
// in the formats of other annotation and training tools: spaCy, doccano,
// Label Studio, brat, CoNLL and W3C Web Annotation.
//
// Offsets are Unicode code points, half-open [start, end), in every format
// here: all their consumers count characters as Python does. Exporters
// stream, one document at a time. The importers of other tools' formats
// read one file (or one brat folder) whole, since those files are sized
// for one labelling task, and are all or nothing: a bad record is an error
// that names the file, the line and the record, and no document is
// returned. What they had to change or leave out, and the labels the
// schema lacks, they say in a Report. Offsets that other tools wrote in
// UTF-16 units or against a text with CRLF line ends are re-anchored
// where the format lets that be checked; see repair.go. Exporters and
// importers are described in All, the table of formats (format.go,
// formattable.go), and listed by name in Exporters and Importers.
package formats

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spanmark/annotate"
)

// ExportOptions says how to export.
type ExportOptions struct {
	// Schema gives the kinds and colours of the labels.
	Schema annotate.Schema
	// Annotator is the name of the person whose work is exported.
	Annotator string
	// Replace lets ExportPath replace an existing regular file (WriteFile
	// says which files it never replaces).
	Replace bool
	// Progress, when not nil, is told of each document before ExportPath
	// writes it, with the count so far; an error from it stops the
	// export, which then writes nothing.
	Progress func(done int, title string) error
	// Kind is the kind of annotation a CoNLL export tags; empty means
	// entities.
	Kind annotate.Kind
	// Relations selects doccano's variant with entities and relations.
	Relations bool
	// OmitRelations leaves relations out of a W3C export, whose linking
	// annotations (a List target with no selector) some W3C consumers,
	// Recogito among them, cannot read.
	OmitRelations bool
	// Offsets is the unit the offsets of a W3C export count: "" or
	// OffsetsCodePoints, as the Web Annotation model says, or
	// OffsetsUTF16 for consumers that count UTF-16 code units, as
	// JavaScript strings do.
	Offsets string
	// DocStart is what a CoNLL export writes before each document:
	// "" or DocStartCoNLL2003, or DocStartNone.
	DocStart string
	// Status, when not empty, exports only the documents of that status
	// (StatusEach), such as those marked done.
	Status annotate.Status
	// At is when the export is made, which a brat .zip's entries carry;
	// zero means the time the export starts.
	At time.Time
	// Warn, when not nil, is told about annotations a format cannot hold
	// and leaves out or changes, one message at a time.
	Warn func(msg string)
}

// WithRelations returns o set to export relations in format, or not: the
// option --relations, which selects doccano's variant with relations and
// leaves W3C's linking annotations out when false. Other formats carry
// relations or not whatever it says.
func (o ExportOptions) WithRelations(format string, on bool) ExportOptions {
	o.Relations = on && format == "doccano"
	o.OmitRelations = !on && format == "w3c"
	return o
}

// RelationsByDefault reports whether an export in format carries
// relations when --relations is not given (see WithRelations).
func RelationsByDefault(format string) bool {
	return format == "w3c"
}

// warn passes msg to o.Warn, if there is one.
func (o ExportOptions) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// ImportOptions says how to import.
type ImportOptions struct {
	// Schema is the project's schema. Labels missing from it are reported
	// in Report.NewLabels, relation types missing from it in
	// Report.NewRelations; relations between annotations of kinds their
	// type does not link are left out and noted.
	Schema annotate.Schema
	// TrustOffsets takes every span's offsets as code points of the text
	// as given, without checking them against the span's quoted text and
	// without repairing them.
	TrustOffsets bool
	// Annotator is recorded on annotations whose file does not name one.
	Annotator string
	// NewID makes ids for documents, annotations and relations the file
	// does not give Spanmark ids to; nil means annotate.NewID.
	NewID func() string
	// ZipLimit is the most bytes the members of a brat .zip may
	// decompress to, each and all together; 0 means DefaultZipLimit.
	ZipLimit int64
	// Predictions reads what a tool predicted in place of what people
	// annotated, with each span's score in Report.Scores: today Label
	// Studio's first prediction of each task that has one (its
	// annotations are left out; a task without predictions gives its
	// annotation, each span scored 1). Formats without predictions read
	// their annotations as usual.
	Predictions bool
}

// Report says what an import found besides the documents it returns.
type Report struct {
	Documents   int
	Annotations int
	Relations   int
	// Repaired counts spans whose offsets did not fit their text and
	// were re-anchored.
	Repaired int
	// Unconfirmed lists, one line each, spans that were left out because
	// their quoted text was found neither at their offsets nor near them.
	Unconfirmed []string
	// Notes lists, one line each, other things the import changed or
	// left out.
	Notes []string
	// NewLabels are the labels the file uses that the schema lacks, in
	// order of first use, with a kind guessed from the name (CLAIM and
	// SOURCE by name, entity otherwise) and a colour. The documents are
	// valid against the schema with these labels added.
	NewLabels []annotate.Label
	// NewRelations are the relation types the file uses that the schema
	// lacks, in order of first use, each linking the kinds of the
	// annotations its first relation links. The documents are valid
	// against the schema with these and NewLabels added.
	NewRelations []annotate.RelationType
	// NewAttributes are the attribute definitions the file uses or
	// defines that the schema lacks (see toolattr.go). The documents are
	// valid against the schema with these, NewLabels and NewRelations
	// added.
	NewAttributes []annotate.Attribute
	// Scores holds, with ImportOptions.Predictions, the score of each
	// annotation (by id) that a prediction gave one: its region's score,
	// or else its prediction's, or 1.
	Scores map[string]float64
}

// ExportFunc writes documents in one format to w, one at a time.
type ExportFunc func(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error

// ImportFunc reads the file, or for brat the folder or .zip, at path in
// one format.
type ImportFunc func(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error)

// Exporters holds the Export of every format of All that has one: the
// other tools' formats, by name. The brat entry writes a .zip;
// ExportBrat writes a folder instead.
var Exporters = byName(func(f Format) ExportFunc { return f.Export })

// Importers holds the Import of every format of All that has one: the
// other tools' formats, by name.
var Importers = byName(func(f Format) ImportFunc { return f.Import })

// byName maps the names of the formats of All to what fn returns for
// them, where that is not nil.
func byName[F ExportFunc | ImportFunc](fn func(Format) F) map[string]F {
	m := map[string]F{}
	for _, f := range All {
		if v := fn(f); v != nil {
			m[f.Name] = v
		}
	}
	return m
}

// importFile turns an importer of one stream into an ImportFunc.
func importFile(read func(io.Reader, string, ImportOptions) ([]*annotate.DocumentData, Report, error)) ImportFunc {
	return func(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %w", err)
		}
		defer f.Close()
		return read(f, path, o)
	}
}

// importBratPath imports a brat folder, or a .zip of one, read within
// o.ZipLimit (see zipFS).
func importBratPath(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		z, err := zip.OpenReader(path)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", path, err)
		}
		defer z.Close()
		fsys, err := newZipFS(&z.Reader, o.ZipLimit)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", path, err)
		}
		return ImportBrat(fsys, path, o)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, Report{}, fmt.Errorf("import %w", err)
	}
	if !info.IsDir() {
		return nil, Report{}, fmt.Errorf("import %s: brat needs a folder of .txt and .ann files or a .zip of one", path)
	}
	return ImportBrat(os.DirFS(path), path, o)
}

// The names Export knows spanmark's own formats by; the tools' formats go
// by their names in Exporters.
const (
	ExportJSON  = "spanmark JSON"
	ExportJSONL = "spanmark JSONL"
)

// Export writes every document that each produces to w in format:
// ExportJSON or ExportJSONL (also called "json" and "jsonl"), or a format
// of Exporters. The annotator and schema come from st, and the export is
// stamped with the current time. warn, when not nil, hears about
// annotations a tool's format cannot hold.
func Export(w io.Writer, format string, st annotate.Store, each EachFunc, warn func(string)) error {
	return exportAt(w, format, st, each, warn, time.Now())
}

// exportAt is Export stamped with the time at.
func exportAt(w io.Writer, format string, st annotate.Store, each EachFunc, warn func(string), at time.Time) error {
	h, err := StoreHeader(st, at)
	if err != nil {
		return err
	}
	switch format {
	case ExportJSON, "json":
		return WriteJSON(w, h, each)
	case ExportJSONL, "jsonl":
		return WriteJSONL(w, h, each)
	}
	export, ok := Exporters[format]
	if !ok {
		return fmt.Errorf("unknown export format %q", format)
	}
	return export(w, documentsOf(each), ExportOptions{Schema: h.Schema, Annotator: h.Annotator, Warn: warn})
}

// documentsOf turns each into the sequence the tools' exporters range
// over. An error from each is the sequence's last element.
func documentsOf(each EachFunc) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		stop := errors.New("stopped")
		err := each(func(d *annotate.DocumentData) error {
			if !yield(d, nil) {
				return stop
			}
			return nil
		})
		if err != nil && err != stop {
			yield(nil, err)
		}
	}
}
