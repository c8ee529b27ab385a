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
			return Invalidf("schema: label %q appears twice", l.Name)
		}
		names[l.Name] = true
		if l.Key == "" {
			continue
		}
		if other, ok := keys[l.Key]; ok {
			return Invalidf("schema: label %q: key %q is already the key of label %q",
				l.Name, l.Key, other)
		}
		keys[l.Key] = l.Name
	}
	types := make(map[string]bool, len(s.Relations))
	for _, rt := range s.Relations {
		if err := validateRelationType(rt); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		if types[rt.Name] {
			return Invalidf("schema: relation type %q appears twice", rt.Name)
		}
		types[rt.Name] = true
	}
	return s.validateAttributes()
}

// validateLabel checks one label on its own.
func validateLabel(l Label) error {
	if err := validateName(l.Name); err != nil {
		return fmt.Errorf("label %w", err)
	}
	if !l.Kind.Valid() {
		return Invalidf("label %q: unknown kind %q", l.Name, l.Kind)
	}
	if !validColor(l.Color) {
		return Invalidf("label %q: colour %q is not #rrggbb", l.Name, l.Color)
	}
	if l.Key != "" && (len(l.Key) != 1 || l.Key[0] < 'a' || l.Key[0] > 'z') {
		return Invalidf("label %q: key %q is not one letter a-z", l.Name, l.Key)
	}
	return nil
}

// validateRelationType checks one relation type on its own.
func validateRelationType(rt RelationType) error {
	if err := validateName(rt.Name); err != nil {
		return fmt.Errorf("relation type %w", err)
	}
	if !rt.FromKind.Valid() {
		return Invalidf("relation type %q: unknown from kind %q", rt.Name, rt.FromKind)
	}
	if !rt.ToKind.Valid() {
		return Invalidf("relation type %q: unknown to kind %q", rt.Name, rt.ToKind)
	}
	return nil
}

// validateName checks a label or relation type name. Its errors read well
// after "label " or "relation type ". Names are kept to a plain alphabet
// because export formats use them as bare words.
func validateName(name string) error {
	if name == "" {
		return Invalidf("name is empty")
	}
	if !utf8.ValidString(name) {
		return Invalidf("%q: name is not valid UTF-8", name)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '.' {
			return Invalidf("%q: name may hold only letters, digits, '_', '-' and '.', not %q",
				name, r)
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

// RelationFrom returns the relation type that links from annotations of
// kind k, the link a person starts from such an annotation: in the default
// schema, attributed_to from a claim. When several start at k, the first
// in the schema's order is the one.
func (s Schema) RelationFrom(k Kind) (RelationType, bool) {
	for _, rt := range s.Relations {
		if rt.FromKind == k {
			return rt, true
		}
	}
	return RelationType{}, false
}

// ValidateAnnotation checks one annotation against the length of its
// document's text in code points and the schema: it has an id, 0 ≤ Start <
// End ≤ textLen, its label is in the schema and its attribute values pass
// ValidateAttributes. The error names the
// annotation and wraps ErrInvalid.
func ValidateAnnotation(a Annotation, textLen int, s Schema) error {
	if err := validateSpan(a, textLen, s); err != nil {
		return err
	}
	return ValidateAttributes(a, s)
}

// validateSpan is ValidateAnnotation without the attribute values.
func validateSpan(a Annotation, textLen int, s Schema) error {
	if a.ID == "" {
		return Invalidf("annotation [%d,%d) has no id", a.Start, a.End)
	}
	switch {
	case a.Start < 0:
		return Invalidf("annotation %s: start %d is negative", a.ID, a.Start)
	case a.End <= a.Start:
		return Invalidf("annotation %s: end %d not after start %d", a.ID, a.End, a.Start)
	case a.End > textLen:
		return Invalidf("annotation %s: end %d beyond text length %d", a.ID, a.End, textLen)
	}
	if _, ok := s.Label(a.Label); !ok {
		return Invalidf("annotation %s: label %q is not in the schema", a.ID, a.Label)
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
		return Invalidf("relation %s %s→%s has no id", r.Type, r.From, r.To)
	}
	rt, ok := s.RelationType(r.Type)
	if !ok {
		return Invalidf("relation %s: type %q is not in the schema", r.ID, r.Type)
	}
	if r.From == r.To {
		return Invalidf("relation %s: links annotation %s to itself", r.ID, r.From)
	}
	from, ok := anns[r.From]
	if !ok {
		return Invalidf("relation %s: from annotation %s does not exist", r.ID, r.From)
	}
	to, ok := anns[r.To]
	if !ok {
		return Invalidf("relation %s: to annotation %s does not exist", r.ID, r.To)
	}
	if from.DocumentID != to.DocumentID {
		return Invalidf("relation %s: annotations %s and %s are in different documents (%s, %s)",
			r.ID, from.ID, to.ID, from.DocumentID, to.DocumentID)
	}
	if r.DocumentID != "" && from.DocumentID != "" && r.DocumentID != from.DocumentID {
		return Invalidf("relation %s: in document %s but its annotations are in document %s",
			r.ID, r.DocumentID, from.DocumentID)
	}
	if k := s.KindOf(from.Label); k != rt.FromKind {
		return Invalidf("relation %s: %s must start from kind %s, but annotation %s %s",
			r.ID, rt.Name, rt.FromKind, from.ID, describeKind(from.Label, k))
	}
	if k := s.KindOf(to.Label); k != rt.ToKind {
		return Invalidf("relation %s: %s must point to kind %s, but annotation %s %s",
			r.ID, rt.Name, rt.ToKind, to.ID, describeKind(to.Label, k))
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
		return Invalidf("document: missing")
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
		return Invalidf("text: invalid UTF-8 at byte %d", off)
	}
	if doc.SHA256 != "" && doc.SHA256 != SHA256Hex(doc.Text) {
		return Invalidf("text does not match its SHA-256 %s", doc.SHA256)
	}
	if !doc.Status.Valid() {
		return Invalidf("unknown status %q", doc.Status)
	}
	if err := ValidateDocumentAttributes(doc, s); err != nil {
		return err
	}
	textLen := RuneLen(doc.Text)
	anns := make(map[string]Annotation, len(d.Annotations))
	for _, a := range d.Annotations {
		if err := ValidateAnnotation(a, textLen, s); err != nil {
			return err
		}
		if a.DocumentID != "" && a.DocumentID != doc.ID {
			return Invalidf("annotation %s: belongs to document %s", a.ID, a.DocumentID)
		}
		if _, dup := anns[a.ID]; dup {
			return Invalidf("annotation %s appears twice", a.ID)
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
			return Invalidf("relation %s: belongs to document %s", r.ID, r.DocumentID)
		}
		if err := ValidateRelation(r, anns, s); err != nil {
			return err
		}
		if ids[r.ID] {
			return Invalidf("relation %s appears twice", r.ID)
		}
		ids[r.ID] = true
		l := link{r.Type, r.From, r.To}
		if other, dup := links[l]; dup {
			return Invalidf("relation %s: repeats relation %s (%s %s→%s)",
				r.ID, other, r.Type, r.From, r.To)
		}
		links[l] = r.ID
	}
	return nil
}
