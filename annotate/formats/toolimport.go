package formats

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"spanmark/annotate"
)

// newLabelColors colour the labels an import adds, in turn.
var newLabelColors = []string{
	"#8c564b", "#e377c2", "#bcbd22", "#9467bd", "#2ca02c", "#ff7f0e", "#1f77b4", "#7f7f7f",
}

// toolImport gathers the documents of one imported file, with what the
// Report says about them. Importers build documents through it so that
// ids, labels, relations and repairs follow the same rules everywhere.
type toolImport struct {
	name   string // the file, for messages
	o      ImportOptions
	schema annotate.Schema          // o.Schema with the new labels added
	hints  map[string]annotate.Kind // kinds the file's own configuration gives labels
	ids    map[string]bool          // every id given out, so that none repeats
	docs   []*toolDoc
	rep    Report
	// attrHints are the attribute definitions the file's configuration
	// gives, in attrOrder (see toolattr.go).
	attrHints map[attrKey]annotate.Attribute
	attrOrder []attrKey
}

// toolDoc is one document being imported.
type toolDoc struct {
	data *annotate.DocumentData
	text *anchor
	anns map[string]annotate.Annotation
	pos  map[string]int     // where each annotation is in data.Annotations
	rels map[[3]string]bool // type, from, to of the relations so far
}

// toolMeta is what a file may say about a document besides its text.
// Without a title, the document's first line is its title, or else
// FallbackTitle, or else the file and record it comes from.
type toolMeta struct {
	ID, Title, Status, SourcePath, FallbackTitle string
}

// toolSpan is a span as a file gives it, before it is anchored.
type toolSpan struct {
	where      string // the record, for messages
	start, end int
}

// newToolImport starts the import of the file name.
func newToolImport(name string, o ImportOptions) *toolImport {
	if o.NewID == nil {
		o.NewID = annotate.NewID
	}
	schema := o.Schema
	schema.Labels = slices.Clone(schema.Labels)
	schema.Relations = slices.Clone(schema.Relations)
	schema.Attributes = slices.Clone(schema.Attributes)
	return &toolImport{name: name, o: o, schema: schema, ids: map[string]bool{}}
}

// errorf returns an import error naming the file and the record where.
func (t *toolImport) errorf(where, format string, args ...any) error {
	return fmt.Errorf("import %s: %s", t.name, joinWhere(where, fmt.Sprintf(format, args...)))
}

// note records something the import changed or left out.
func (t *toolImport) note(where, format string, args ...any) {
	t.rep.Notes = append(t.rep.Notes, t.name+": "+joinWhere(where, fmt.Sprintf(format, args...)))
}

// joinWhere puts the record where in front of msg.
func joinWhere(where, msg string) string {
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

// id returns want when it is a Spanmark id not used yet in this import,
// and a new id otherwise, so that ids survive a round trip through a
// format that carries them and foreign ids never collide.
func (t *toolImport) id(want string) string {
	if !isSpanmarkID(want) || t.ids[want] {
		want = t.o.NewID()
		for t.ids[want] {
			want = t.o.NewID()
		}
	}
	t.ids[want] = true
	return want
}

// isSpanmarkID reports whether s looks like an id annotate.NewID makes.
func isSpanmarkID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := range len(s) {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// newDoc starts a document with the text raw, as the file gives it; the
// document keeps it with line ends normalised (annotate.NormalizeText).
func (t *toolImport) newDoc(where, raw string, m toolMeta) (*toolDoc, error) {
	a, err := newAnchor(joinWhere(where, "text"), raw)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", t.name, err)
	}
	status := annotate.Status(m.Status)
	if !status.Valid() {
		status = annotate.StatusTodo
	}
	title := m.Title
	if title == "" {
		fallback := m.FallbackTitle
		if fallback == "" {
			fallback = strings.TrimSpace(filepath.Base(t.name) + " " + where)
		}
		title = annotate.TitleFromText(a.norm, fallback)
	}
	d := &toolDoc{
		data: &annotate.DocumentData{Document: annotate.Document{
			ID:         t.id(m.ID),
			Title:      title,
			Text:       a.norm,
			SHA256:     annotate.SHA256Hex(a.norm),
			Status:     status,
			SourcePath: m.SourcePath,
		}},
		text: a,
		anns: map[string]annotate.Annotation{},
		pos:  map[string]int{},
		rels: map[[3]string]bool{},
	}
	t.docs = append(t.docs, d)
	return d, nil
}

// addAnnotation adds a to d, with an id, document id and annotator filled
// in, and returns its id. A label the schema lacks becomes a new label.
func (t *toolImport) addAnnotation(d *toolDoc, a annotate.Annotation) string {
	a.Label = t.useLabel(a.Label)
	a.ID = t.id(a.ID)
	a.DocumentID = d.data.Document.ID
	if a.Annotator == "" {
		a.Annotator = t.o.Annotator
	}
	d.pos[a.ID] = len(d.data.Annotations)
	d.data.Annotations = append(d.data.Annotations, a)
	d.anns[a.ID] = a
	return a.ID
}

// addRelation adds r to d unless the schema does not allow it or d
// already has it; then it notes why r was left out.
func (t *toolImport) addRelation(d *toolDoc, where string, r annotate.Relation) {
	r.DocumentID = d.data.Document.ID
	r.Type = t.useRelationType(r.Type, d.anns[r.From], d.anns[r.To])
	check := r
	check.ID = "new"
	if err := annotate.ValidateRelation(check, d.anns, t.schema); err != nil {
		msg := strings.TrimSuffix(err.Error(), ": "+annotate.ErrInvalid.Error())
		t.note(where, "relation left out: %s", strings.TrimPrefix(msg, "relation new: "))
		return
	}
	key := [3]string{r.Type, r.From, r.To}
	if d.rels[key] {
		t.note(where, "relation left out: repeats an earlier %s relation between the same annotations", r.Type)
		return
	}
	d.rels[key] = true
	r.ID = t.id(r.ID)
	d.data.Relations = append(d.data.Relations, r)
}

// useLabel returns the label to use for name, adding it to the schema
// and the report's new labels when the schema lacks it. A name the schema
// could not hold has its other characters replaced by '_', with a note.
func (t *toolImport) useLabel(name string) string {
	name, known := t.schemaName(name, "label", func(n string) bool {
		_, ok := t.schema.Label(n)
		return ok
	})
	if known {
		return name
	}
	l := annotate.Label{
		Name:  name,
		Kind:  t.guessKind(name),
		Color: newLabelColors[len(t.rep.NewLabels)%len(newLabelColors)],
	}
	t.schema.Labels = append(t.schema.Labels, l)
	t.rep.NewLabels = append(t.rep.NewLabels, l)
	return name
}

// useRelationType returns the relation type to use for name, between the
// annotations from and to, adding it to the schema and the report's new
// relation types, with the kinds of from and to, when the schema lacks
// it, as useLabel does for labels. Without both ends nothing is added:
// the relation is left out anyway.
func (t *toolImport) useRelationType(name string, from, to annotate.Annotation) string {
	name, known := t.schemaName(name, "relation type", func(n string) bool {
		_, ok := t.schema.RelationType(n)
		return ok
	})
	if known {
		return name
	}
	fromKind, toKind := t.schema.KindOf(from.Label), t.schema.KindOf(to.Label)
	if name == "" || fromKind == "" || toKind == "" {
		return name
	}
	rt := annotate.RelationType{Name: name, FromKind: fromKind, ToKind: toKind}
	t.schema.Relations = append(t.schema.Relations, rt)
	t.rep.NewRelations = append(t.rep.NewRelations, rt)
	return name
}

// schemaName returns name, or if the schema could not hold it, name with
// its other characters replaced by '_' (labelName) and a note, and
// whether the schema has that name, as has tells. what is "label" or
// "relation type", for the note.
func (t *toolImport) schemaName(name, what string, has func(string) bool) (string, bool) {
	if has(name) {
		return name, true
	}
	valid := labelName(name)
	if valid == name {
		return name, false
	}
	if !has(valid) {
		t.note("", "%s %q renamed %q: a %s holds only letters, digits, '_', '-' and '.'", what, name, valid, what)
		return valid, false
	}
	return valid, true
}

// labelName replaces every character of name that a label name cannot
// hold (see annotate.Schema.Validate) with '_'.
func labelName(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, name)
}

// guessKind guesses the kind of a label the schema lacks.
func (t *toolImport) guessKind(name string) annotate.Kind {
	if k, ok := t.hints[name]; ok {
		return k
	}
	switch {
	case strings.EqualFold(name, "CLAIM"):
		return annotate.KindClaim
	case strings.EqualFold(name, "SOURCE"):
		return annotate.KindSource
	}
	return annotate.KindEntity
}

// quotedSpan anchors a span whose file gives its text, quote, with its
// offsets [start, end). It reports false, after listing the span as
// unconfirmed, when the quote cannot be found. Offsets out of range are
// an error only when the span is taken as given.
func (t *toolImport) quotedSpan(d *toolDoc, where string, start, end int, quote string) (int, int, bool, error) {
	if t.o.TrustOffsets || quote == "" {
		s, e, err := d.text.span(start, end, unitCodePoints)
		if err != nil {
			return 0, 0, false, t.errorf(where, "%v", err)
		}
		return s, e, true, nil
	}
	s, e, repaired, ok := d.text.place(start, end, quote)
	if !ok {
		t.rep.Unconfirmed = append(t.rep.Unconfirmed,
			fmt.Sprintf("%s: %s: text %q not found at [%d,%d) nor near it", t.name, where, quote, start, end))
		return 0, 0, false, nil
	}
	if repaired {
		t.rep.Repaired++
	}
	return s, e, true, nil
}

// unquotedSpans anchors the spans of one document whose file gives no
// quoted text: they are read in the unit that fits them best (see
// anchor.guessUnit), or as given with TrustOffsets.
func (t *toolImport) unquotedSpans(d *toolDoc, where string, spans []toolSpan) ([][2]int, error) {
	unit := unitCodePoints
	if !t.o.TrustOffsets {
		unit = d.text.guessUnit(spans)
	}
	out := make([][2]int, len(spans))
	moved := 0
	for i, sp := range spans {
		s, e, err := d.text.span(sp.start, sp.end, unit)
		if err != nil {
			return nil, t.errorf(sp.where, "%v", err)
		}
		if gs, ge, err := d.text.span(sp.start, sp.end, unitCodePoints); err != nil || gs != s || ge != e {
			moved++
		}
		out[i] = [2]int{s, e}
	}
	if moved > 0 {
		t.rep.Repaired += moved
		t.note(where, "offsets read as %s: %d spans moved", unit, moved)
	}
	return out, nil
}

// finish checks every document against the schema with the new labels
// and returns them with the report.
func (t *toolImport) finish() ([]*annotate.DocumentData, Report, error) {
	t.addHintedAttributes()
	out := make([]*annotate.DocumentData, 0, len(t.docs))
	for _, d := range t.docs {
		slices.SortStableFunc(d.data.Annotations, func(a, b annotate.Annotation) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		if err := annotate.ValidateDocumentData(d.data, t.schema); err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", t.name, err)
		}
		t.rep.Annotations += len(d.data.Annotations)
		t.rep.Relations += len(d.data.Relations)
		out = append(out, d.data)
	}
	t.rep.Documents = len(out)
	return out, t.rep, nil
}
