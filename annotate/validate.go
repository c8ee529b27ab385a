package annotate

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Validate checks the schema's rules. Every label has a name made of
// letters, digits, '_', '-' and '.', unique within the schema, a valid
// kind, a colour "#rrggbb" and a hotkey that is one lower-case ASCII letter
// (unique) or empty. Every relation type has a name that follows the same
// rules as a label's, unique among relation types, and valid kinds. The
// error names the offending label or relation type and wraps ErrInvalid.
func (s Schema) Validate() error {
	names := make(map[string]bool, len(s.Labels))
	keys := make(map[string]string, len(s.Labels))
	for _, l := range s.Labels {
		if err := validateLabel(l); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		if names[l.Name] {
			return fmt.Errorf("schema: label %q appears twice: %w", l.Name, ErrInvalid)
		}
		names[l.Name] = true
		if l.Key == "" {
			continue
		}
		if other, ok := keys[l.Key]; ok {
			return fmt.Errorf("schema: label %q: key %q is already the key of label %q: %w",
				l.Name, l.Key, other, ErrInvalid)
		}
		keys[l.Key] = l.Name
	}
	types := make(map[string]bool, len(s.Relations))
	for _, rt := range s.Relations {
		if err := validateRelationType(rt); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		if types[rt.Name] {
			return fmt.Errorf("schema: relation type %q appears twice: %w", rt.Name, ErrInvalid)
		}
		types[rt.Name] = true
	}
	return nil
}

// validateLabel checks one label on its own.
func validateLabel(l Label) error {
	if err := validateName(l.Name); err != nil {
		return fmt.Errorf("label %w", err)
	}
	if !l.Kind.Valid() {
		return fmt.Errorf("label %q: unknown kind %q: %w", l.Name, l.Kind, ErrInvalid)
	}
	if !validColor(l.Color) {
		return fmt.Errorf("label %q: colour %q is not #rrggbb: %w", l.Name, l.Color, ErrInvalid)
	}
	if l.Key != "" && (len(l.Key) != 1 || l.Key[0] < 'a' || l.Key[0] > 'z') {
		return fmt.Errorf("label %q: key %q is not one letter a-z: %w", l.Name, l.Key, ErrInvalid)
	}
	return nil
}

// validateRelationType checks one relation type on its own.
func validateRelationType(rt RelationType) error {
	if err := validateName(rt.Name); err != nil {
		return fmt.Errorf("relation type %w", err)
	}
	if !rt.FromKind.Valid() {
		return fmt.Errorf("relation type %q: unknown from kind %q: %w", rt.Name, rt.FromKind, ErrInvalid)
	}
	if !rt.ToKind.Valid() {
		return fmt.Errorf("relation type %q: unknown to kind %q: %w", rt.Name, rt.ToKind, ErrInvalid)
	}
	return nil
}

// validateName checks a label or relation type name. Its errors read well
// after "label " or "relation type ". Names are kept to a plain alphabet
// because export formats use them as bare words.
func validateName(name string) error {
	if name == "" {
		return fmt.Errorf("name is empty: %w", ErrInvalid)
	}
	if !utf8.ValidString(name) {
		return fmt.Errorf("%q: name is not valid UTF-8: %w", name, ErrInvalid)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '.' {
			return fmt.Errorf("%q: name may hold only letters, digits, '_', '-' and '.', not %q: %w",
				name, r, ErrInvalid)
		}
	}
	return nil
}

// validColor reports whether c is "#rrggbb" with hex digits of either case.
func validColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < len(c); i++ {
		if !isHexDigit(c[i]) {
			return false
		}
	}
	return true
}

// isHexDigit reports whether b is 0-9, a-f or A-F.
func isHexDigit(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
}

// Label returns the label called name.
func (s Schema) Label(name string) (Label, bool) {
	for _, l := range s.Labels {
		if l.Name == name {
			return l, true
		}
	}
	return Label{}, false
}

// LabelForKey returns the label whose hotkey is key. The empty key matches
// no label.
func (s Schema) LabelForKey(key string) (Label, bool) {
	if key == "" {
		return Label{}, false
	}
	for _, l := range s.Labels {
		if l.Key == key {
			return l, true
		}
	}
	return Label{}, false
}

// RelationType returns the relation type called name.
func (s Schema) RelationType(name string) (RelationType, bool) {
	for _, rt := range s.Relations {
		if rt.Name == name {
			return rt, true
		}
	}
	return RelationType{}, false
}

// ValidateAnnotation checks one annotation against the length of its
// document's text in code points and the schema: it has an id, 0 ≤ Start <
// End ≤ textLen, and its label is in the schema. The error names the
// annotation and wraps ErrInvalid.
func ValidateAnnotation(a Annotation, textLen int, s Schema) error {
	if a.ID == "" {
		return fmt.Errorf("annotation [%d,%d) has no id: %w", a.Start, a.End, ErrInvalid)
	}
	switch {
	case a.Start < 0:
		return fmt.Errorf("annotation %s: start %d is negative: %w", a.ID, a.Start, ErrInvalid)
	case a.End <= a.Start:
		return fmt.Errorf("annotation %s: end %d not after start %d: %w", a.ID, a.End, a.Start, ErrInvalid)
	case a.End > textLen:
		return fmt.Errorf("annotation %s: end %d beyond text length %d: %w", a.ID, a.End, textLen, ErrInvalid)
	}
	if _, ok := s.Label(a.Label); !ok {
		return fmt.Errorf("annotation %s: label %q is not in the schema: %w", a.ID, a.Label, ErrInvalid)
	}
	return nil
}

// ValidateRelation checks one relation against the annotations of its
// document, by id, and the schema: it has an id, its type is in the
// schema, both ends are annotations in anns that belong to the same
// document (and to the relation's document, when it names one), it does
// not link an annotation to itself, and the labels of its ends have the
// kinds its type asks for. The error names the relation and wraps
// ErrInvalid.
func ValidateRelation(r Relation, anns map[string]Annotation, s Schema) error {
	if r.ID == "" {
		return fmt.Errorf("relation %s %s→%s has no id: %w", r.Type, r.From, r.To, ErrInvalid)
	}
	rt, ok := s.RelationType(r.Type)
	if !ok {
		return fmt.Errorf("relation %s: type %q is not in the schema: %w", r.ID, r.Type, ErrInvalid)
	}
	if r.From == r.To {
		return fmt.Errorf("relation %s: links annotation %s to itself: %w", r.ID, r.From, ErrInvalid)
	}
	from, ok := anns[r.From]
	if !ok {
		return fmt.Errorf("relation %s: from annotation %s does not exist: %w", r.ID, r.From, ErrInvalid)
	}
	to, ok := anns[r.To]
	if !ok {
		return fmt.Errorf("relation %s: to annotation %s does not exist: %w", r.ID, r.To, ErrInvalid)
	}
	if from.DocumentID != to.DocumentID {
		return fmt.Errorf("relation %s: annotations %s and %s are in different documents (%s, %s): %w",
			r.ID, from.ID, to.ID, from.DocumentID, to.DocumentID, ErrInvalid)
	}
	if r.DocumentID != "" && from.DocumentID != "" && r.DocumentID != from.DocumentID {
		return fmt.Errorf("relation %s: in document %s but its annotations are in document %s: %w",
			r.ID, r.DocumentID, from.DocumentID, ErrInvalid)
	}
	if k := s.KindOf(from.Label); k != rt.FromKind {
		return fmt.Errorf("relation %s: %s must start from kind %s, but annotation %s %s: %w",
			r.ID, rt.Name, rt.FromKind, from.ID, describeKind(from.Label, k), ErrInvalid)
	}
	if k := s.KindOf(to.Label); k != rt.ToKind {
		return fmt.Errorf("relation %s: %s must point to kind %s, but annotation %s %s: %w",
			r.ID, rt.Name, rt.ToKind, to.ID, describeKind(to.Label, k), ErrInvalid)
	}
	return nil
}

// describeKind says, after "annotation <id>", what kind its label has.
func describeKind(label string, k Kind) string {
	if k == "" {
		return fmt.Sprintf("has label %q, which is not in the schema", label)
	}
	return fmt.Sprintf("is %s, of kind %s", label, k)
}

// ValidateDocumentData checks a whole document against the schema: its
// text is valid UTF-8 and matches its SHA256 when one is set, its status
// is valid, every annotation passes ValidateAnnotation and belongs to the
// document (an empty DocumentID counts as belonging), every relation
// passes ValidateRelation, and annotation ids and relation ids are unique,
// as are relations (no two of one type between the same two annotations).
// The document's own id may be empty, for a store to fill in. The error
// names the document and the annotation or relation and wraps ErrInvalid.
func ValidateDocumentData(d *DocumentData, s Schema) error {
	if d == nil {
		return fmt.Errorf("document: missing: %w", ErrInvalid)
	}
	if err := validateDocumentData(d, s); err != nil {
		return fmt.Errorf("document %s: %w", documentName(d.Document), err)
	}
	return nil
}

// documentName names a document in an error: by its id, or by its title
// while it has no id yet.
func documentName(d Document) string {
	switch {
	case d.ID != "":
		return d.ID
	case d.Title != "":
		return fmt.Sprintf("%q", d.Title)
	}
	return "without id"
}

// validateDocumentData is ValidateDocumentData without the document's name
// in front of its errors.
func validateDocumentData(d *DocumentData, s Schema) error {
	doc := d.Document
	if off := firstInvalidUTF8(doc.Text); off >= 0 {
		return fmt.Errorf("text: invalid UTF-8 at byte %d: %w", off, ErrInvalid)
	}
	if doc.SHA256 != "" && doc.SHA256 != SHA256Hex(doc.Text) {
		return fmt.Errorf("text does not match its SHA-256 %s: %w", doc.SHA256, ErrInvalid)
	}
	if !doc.Status.Valid() {
		return fmt.Errorf("unknown status %q: %w", doc.Status, ErrInvalid)
	}
	textLen := RuneLen(doc.Text)
	anns := make(map[string]Annotation, len(d.Annotations))
	for _, a := range d.Annotations {
		if err := ValidateAnnotation(a, textLen, s); err != nil {
			return err
		}
		if a.DocumentID != "" && a.DocumentID != doc.ID {
			return fmt.Errorf("annotation %s: belongs to document %s: %w", a.ID, a.DocumentID, ErrInvalid)
		}
		if _, dup := anns[a.ID]; dup {
			return fmt.Errorf("annotation %s appears twice: %w", a.ID, ErrInvalid)
		}
		// Relations compare their ends' documents; within one document an
		// empty DocumentID means this one.
		a.DocumentID = doc.ID
		anns[a.ID] = a
	}
	type link struct{ typ, from, to string }
	ids := make(map[string]bool, len(d.Relations))
	links := make(map[link]string, len(d.Relations))
	for _, r := range d.Relations {
		if r.DocumentID != "" && r.DocumentID != doc.ID {
			return fmt.Errorf("relation %s: belongs to document %s: %w", r.ID, r.DocumentID, ErrInvalid)
		}
		if err := ValidateRelation(r, anns, s); err != nil {
			return err
		}
		if ids[r.ID] {
			return fmt.Errorf("relation %s appears twice: %w", r.ID, ErrInvalid)
		}
		ids[r.ID] = true
		l := link{r.Type, r.From, r.To}
		if other, dup := links[l]; dup {
			return fmt.Errorf("relation %s: repeats relation %s (%s %s→%s): %w",
				r.ID, other, r.Type, r.From, r.To, ErrInvalid)
		}
		links[l] = r.ID
	}
	return nil
}
