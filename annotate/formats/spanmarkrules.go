// The rules a spanmark document and header must meet as they are read:
// a document is converted only with every way it breaks them listed.

package formats

import (
	"fmt"
	"path/filepath"
	"strings"

	"spanmark/annotate"
)

// convert turns a decoded document into DocumentData and lists every way
// it breaks the format's rules.
func (r *Reader) convert(wd *wireDocument, index int) (*annotate.DocumentData, []error) {
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	schema := r.header.Schema
	doc := annotate.Document{
		ID:         wd.ID,
		Title:      wd.Title,
		Text:       wd.Text,
		SHA256:     annotate.SHA256Hex(wd.Text),
		Status:     wd.Status,
		SourcePath: wd.SourcePath,
	}
	var err error
	if doc.Attributes, err = wd.Attributes.attributes("document"); err != nil {
		add(err)
	} else if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
		add(err)
	}
	if strings.TrimSpace(doc.Text) == "" {
		add(annotate.Invalidf("document has no text"))
	}
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(doc.Text, fmt.Sprintf("%s %d", filepath.Base(r.name), index))
	}
	if wd.SHA256 != "" && wd.SHA256 != doc.SHA256 {
		add(annotate.Invalidf("sha256 %s does not match the text, whose SHA-256 is %s", wd.SHA256, doc.SHA256))
	}
	if doc.Status == "" {
		doc.Status = annotate.StatusTodo
	} else if !doc.Status.Valid() {
		add(annotate.Invalidf("unknown status %q", doc.Status))
	}
	if doc.Created, err = parseTime("created_at", wd.CreatedAt); err != nil {
		add(err)
	}
	if doc.Updated, err = parseTime("updated_at", wd.UpdatedAt); err != nil {
		add(err)
	}
	d := &annotate.DocumentData{
		Document:    doc,
		Annotations: make([]annotate.Annotation, 0, len(wd.Annotations)),
		Relations:   make([]annotate.Relation, 0, len(wd.Relations)),
	}
	x := annotate.NewIndex(doc.Text)
	errs = append(errs, checkSuggestions(wd.Suggestions, x)...)
	anns := make(map[string]annotate.Annotation, len(wd.Annotations))
	for _, wa := range wd.Annotations {
		a, aerrs := convertAnnotation(&wa, doc.ID, x, schema)
		errs = append(errs, aerrs...)
		if _, dup := anns[a.ID]; dup && a.ID != "" {
			add(annotate.Invalidf("annotation %s appears twice", a.ID))
		}
		anns[a.ID] = a
		d.Annotations = append(d.Annotations, a)
	}
	rels := make(map[string]bool, len(wd.Relations))
	for _, wr := range wd.Relations {
		rel := annotate.Relation{ID: wr.ID, DocumentID: doc.ID, Type: wr.Type, From: wr.From, To: wr.To}
		if err := annotate.ValidateRelation(rel, anns, schema); err != nil {
			add(err)
		}
		if rels[rel.ID] && rel.ID != "" {
			add(annotate.Invalidf("relation %s appears twice", rel.ID))
		}
		rels[rel.ID] = true
		d.Relations = append(d.Relations, rel)
	}
	// The domain may have rules beyond the ones above; with those met, it
	// gets the last word.
	if len(errs) == 0 {
		if err := annotate.ValidateDocumentData(d, schema); err != nil {
			add(err)
		}
	}
	return d, errs
}

// convertAnnotation turns a decoded annotation into an Annotation of the
// document docID and lists its problems: those ValidateAnnotation finds
// (attribute values included), an attribute value that is neither a JSON
// string nor a bool, and a "text" or "kind" that does not match the
// document or the schema.
func convertAnnotation(wa *wireAnnotation, docID string, x *annotate.Index, s annotate.Schema) (annotate.Annotation, []error) {
	var errs []error
	a := annotate.Annotation{
		ID:         wa.ID,
		DocumentID: docID,
		Start:      wa.Start,
		End:        wa.End,
		Label:      wa.Label,
		Note:       wa.Note,
		Annotator:  wa.Annotator,
	}
	var err error
	if !wa.Attributes.IsZero() {
		// A value of the wrong JSON type is reported here; the others
		// are still checked.
		if a.Attributes, err = wa.Attributes.attributes("annotation " + a.ID); err != nil {
			errs = append(errs, err)
		}
	}
	if err := annotate.ValidateAnnotation(a, x.Len(), s); err != nil {
		errs = append(errs, err)
	} else {
		if got := x.Slice(a.Start, a.End); wa.Text != got {
			errs = append(errs, annotate.Invalidf("annotation %s: text %q does not match [%d,%d) %q",
				a.ID, wa.Text, a.Start, a.End, got))
		}
		if k := s.KindOf(a.Label); wa.Kind != k {
			errs = append(errs, annotate.Invalidf("annotation %s: kind %q does not match label %s, which is %s",
				a.ID, wa.Kind, a.Label, k))
		}
	}
	if a.Created, err = parseTime("created_at", wa.CreatedAt); err != nil {
		errs = append(errs, fmt.Errorf("annotation %s: %w", a.ID, err))
	}
	if a.Updated, err = parseTime("updated_at", wa.UpdatedAt); err != nil {
		errs = append(errs, fmt.Errorf("annotation %s: %w", a.ID, err))
	}
	return a, errs
}

// checkFormat checks the "format" and "version" members of a header.
func checkFormat(format string, version int) error {
	if err := checkFormatName(format); err != nil {
		return err
	}
	return checkVersion(version)
}

// checkFormatName checks the "format" member of a header.
func checkFormatName(format string) error {
	if format != FormatName {
		return annotate.Invalidf("not a spanmark file: format is %q, want %q", format, FormatName)
	}
	return nil
}

// checkVersion checks the "version" member of a header.
func checkVersion(version int) error {
	if version > Version {
		return fmt.Errorf("format version %d, newer than version %d that this Spanmark reads: %w",
			version, Version, annotate.ErrNewerVersion)
	}
	if version < 1 {
		return annotate.Invalidf("format version %d: want %d", version, Version)
	}
	return nil
}

// checkSchema checks a header's schema; nil stands for the default one.
func checkSchema(ws *wireSchema) (annotate.Schema, error) {
	s := ws.schema()
	if err := s.Validate(); err != nil {
		return annotate.Schema{}, err
	}
	return s, nil
}
