package formats

import (
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"spanmark/annotate"
)

// ImportWith imports the file at path, in the format of Importers called
// format, into st, all or nothing. The importer checks the file against
// st's schema; the labels and relation types it uses that the schema
// lacks (Report.NewLabels, Report.NewRelations, Report.NewAttributes) are added to the schema
// first and taken out again if the import fails, so that a failed file
// changes nothing. o.Schema is
// ignored. Documents whose text st already holds are skipped, as
// annotate.Store.Import does. Errors name the file.
func ImportWith(st annotate.Store, format, path string, o ImportOptions) (Report, annotate.ImportResult, error) {
	read, ok := Importers[format]
	if !ok {
		return Report{}, annotate.ImportResult{}, fmt.Errorf("import %s: unknown format %q: want %s", path, format, ImportFormats())
	}
	before, err := st.Schema()
	if err != nil {
		return Report{}, annotate.ImportResult{}, fmt.Errorf("import %s: %w", path, err)
	}
	o.Schema = before
	docs, rep, err := read(path, o)
	if err != nil {
		return Report{}, annotate.ImportResult{}, err
	}
	after := before
	after.Labels = append(slices.Clone(before.Labels), rep.NewLabels...)
	after.Relations = append(slices.Clone(before.Relations), rep.NewRelations...)
	after.Attributes = append(slices.Clone(before.Attributes), rep.NewAttributes...)
	changed := len(rep.NewLabels) > 0 || len(rep.NewRelations) > 0 || len(rep.NewAttributes) > 0
	var res annotate.ImportResult
	err = withSchema(st, before, after, changed, func() error {
		r, err := st.Import(Seq(docs))
		res = r
		return err
	})
	if err != nil {
		return Report{}, annotate.ImportResult{}, fmt.Errorf("import %s: %w", path, err)
	}
	return rep, res, nil
}

// withSchema runs fn with st's schema changed from before to after, when
// changed is set, and puts before back when fn fails: the schema changes
// in a transaction of its own, ahead of fn's, and must not outlive a
// failed fn.
func withSchema(st annotate.Store, before, after annotate.Schema, changed bool, fn func() error) error {
	if changed {
		if err := st.SetSchema(after, annotate.SchemaChange{}); err != nil {
			return err
		}
	}
	err := fn()
	if err != nil && changed {
		if rerr := st.SetSchema(before, annotate.SchemaChange{}); rerr != nil {
			err = fmt.Errorf("%w (and the schema keeps what the file added: %v)", err, rerr)
		}
	}
	return err
}

// ExportTool writes st's documents (those of o.Status, when set) to w in
// format, a name of Exporters, with o's options; the schema and
// annotator come from st.
func ExportTool(w io.Writer, format string, st annotate.Store, o ExportOptions) error {
	return exportTool(w, format, st, StatusEach(st.Each, o.Status), o)
}

// exportTool is ExportTool over the documents each yields.
func exportTool(w io.Writer, format string, st annotate.Store, each EachFunc, o ExportOptions) error {
	export, ok := Exporters[format]
	if !ok {
		return fmt.Errorf("unknown export format %q", format)
	}
	o, err := storeExportOptions(st, o)
	if err != nil {
		return err
	}
	return export(w, documentsOf(each), o)
}

// ExportPath writes st's documents (those of o.Status, when set) to path
// in format: "json", "jsonl" or a name of Exporters, with o's options. The file is written by
// WriteFile's rules (o.Replace lets it replace a file). A brat export to
// a path that does not end in .zip is a folder (see ExportBrat), which
// must not exist or be empty; a labelstudio export is followed by its
// labelling configuration (LabelStudioConfig) in NAME.config.xml beside
// NAME.json. Every file or folder appears whole or not at all. It returns
// the paths it wrote.
func ExportPath(path, format string, st annotate.Store, o ExportOptions) ([]string, error) {
	each := progressEach(StatusEach(st.Each, o.Status), o.Progress)
	if ExportsFolder(format, path) {
		err := WriteFolder(path, func(dir string) error {
			o, err := storeExportOptions(st, o)
			if err != nil {
				return err
			}
			return ExportBrat(dir, documentsOf(each), o)
		})
		if err != nil {
			return nil, err
		}
		return []string{path}, nil
	}
	config := strings.TrimSuffix(path, filepath.Ext(path)) + ".config.xml"
	if format == "labelstudio" {
		// Refuse before the export is written, not after.
		if err := CheckOutput(config, o.Replace); err != nil {
			return nil, err
		}
	}
	err := WriteFile(path, o.Replace, func(w io.Writer) error {
		if Exporters[format] == nil {
			return Export(w, format, st, each, o.Warn)
		}
		return exportTool(w, format, st, each, o)
	})
	if err != nil {
		return nil, err
	}
	if format != "labelstudio" {
		return []string{path}, nil
	}
	if err := WriteLabelStudioConfig(config, st, o.Replace); err != nil {
		return []string{path}, err
	}
	return []string{path, config}, nil
}

// ExportsFolder reports whether ExportPath writes a folder at path for
// format rather than a file: for a Folder format (brat), unless path
// ends in one of its extensions (.zip).
func ExportsFolder(format, path string) bool {
	f, ok := Lookup(format)
	return ok && f.Folder && !slices.Contains(f.Extensions, strings.ToLower(filepath.Ext(path)))
}

// StatusEach returns each without the documents whose status is not
// status; an empty status keeps every document. Progress counts only the
// documents kept, as they are what an export writes.
func StatusEach(each EachFunc, status annotate.Status) EachFunc {
	if status == "" {
		return each
	}
	return func(fn func(*annotate.DocumentData) error) error {
		return each(func(d *annotate.DocumentData) error {
			if d.Document.Status != status {
				return nil
			}
			return fn(d)
		})
	}
}

// progressEach returns each, telling progress of every document first.
func progressEach(each EachFunc, progress func(int, string) error) EachFunc {
	if progress == nil {
		return each
	}
	return func(fn func(*annotate.DocumentData) error) error {
		done := 0
		return each(func(d *annotate.DocumentData) error {
			done++
			if err := progress(done, d.Document.Title); err != nil {
				return err
			}
			return fn(d)
		})
	}
}

// WriteLabelStudioConfig writes the Label Studio labelling configuration
// of st's schema (LabelStudioConfig) to the file path, by WriteFile's
// rules.
func WriteLabelStudioConfig(path string, st annotate.Store, replace bool) error {
	schema, err := st.Schema()
	if err != nil {
		return err
	}
	return WriteFile(path, replace, func(w io.Writer) error {
		_, err := io.WriteString(w, LabelStudioConfig(schema))
		return err
	})
}

// storeExportOptions returns o with st's schema and annotator.
func storeExportOptions(st annotate.Store, o ExportOptions) (ExportOptions, error) {
	if o.At.IsZero() {
		o.At = time.Now()
	}
	h, err := StoreHeader(st, o.At)
	if err != nil {
		return o, err
	}
	o.Schema, o.Annotator = h.Schema, h.Annotator
	return o, nil
}

// ImportChunked imports docs into st in transactions of at most maxDocs
// documents, each ending once it holds maxAnns annotations or more, and
// returns what they added and skipped in all. It is for data too large
// for one transaction, which bbolt holds in memory until it commits, and
// is not all or nothing: when one transaction fails, those before it
// stay.
func ImportChunked(st annotate.Store, docs iter.Seq2[*annotate.DocumentData, error], maxDocs, maxAnns int) (annotate.ImportResult, error) {
	next, stop := iter.Pull2(docs)
	defer stop()
	var total annotate.ImportResult
	for {
		d, err, ok := next()
		if !ok {
			return total, nil
		}
		res, ierr := st.Import(func(yield func(*annotate.DocumentData, error) bool) {
			for n, anns := 1, 0; ; n++ {
				if !yield(d, err) || err != nil {
					return
				}
				anns += len(d.Annotations)
				if n == maxDocs || anns >= maxAnns {
					return
				}
				if d, err, ok = next(); !ok {
					return
				}
			}
		})
		if ierr != nil {
			return total, ierr
		}
		total.Added = append(total.Added, res.Added...)
		total.Skipped = append(total.Skipped, res.Skipped...)
		total.Renamed = append(total.Renamed, res.Renamed...)
	}
}

// Seq yields docs in order, as annotate.Store.Import takes them.
func Seq(docs []*annotate.DocumentData) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}
