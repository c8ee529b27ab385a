// Package annotate is Spanmark's domain: documents, annotations, relations,
// labels and schemas, code-point offsets, tokenizing, validation, and the
// Store interface that the storage and app packages implement or use.
//
// Offsets everywhere in this package are Unicode code points, half-open
// [Start, End): the numbers Python's text[start:end] uses. Byte offsets
// (for Go slicing) and UTF-16 units (for consumers that want them) are
// derived at the edges with the helpers in offsets.go.
//
// The package imports neither Fyne nor bbolt.
package annotate

import "time"

// Kind is what an annotation marks: an entity, a claim or a source.
type Kind string

// The kinds of annotation.
const (
	KindEntity Kind = "entity"
	KindClaim  Kind = "claim"
	KindSource Kind = "source"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{KindEntity, KindClaim, KindSource}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	return k == KindEntity || k == KindClaim || k == KindSource
}

// Status is how far annotation of a document has got.
type Status string

// The document statuses.
const (
	StatusTodo       Status = "todo"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	return s == StatusTodo || s == StatusInProgress || s == StatusDone
}

// Document is one article. Text is the exact text the offsets of its
// annotations refer to; SHA256 is the hex SHA-256 of its UTF-8 bytes.
type Document struct {
	ID         string
	Title      string
	Text       string
	SHA256     string
	Status     Status
	SourcePath string
	// Attributes holds the values of the schema's document attributes,
	// in name order; nil when none is set.
	Attributes Attributes
	Created    time.Time
	Updated    time.Time
}

// DocumentInfo is what a document list shows. A store keeps it up to date
// on every write, so listing documents never reads texts or annotations.
type DocumentInfo struct {
	ID          string
	Title       string
	SHA256      string
	Status      Status
	SourcePath  string
	Runes       int // length of the text in code points
	Annotations int
	Relations   int
	// Attributes holds the document's attribute values, as in Document.
	Attributes Attributes
	Created    time.Time
	Updated    time.Time
}

// Annotation marks the code points [Start, End) of a document with a label.
type Annotation struct {
	ID         string
	DocumentID string
	Start      int
	End        int
	Label      string
	Note       string
	Annotator  string
	// Attributes holds the values of the attributes its label has, in
	// name order; nil when none is set. The slice may be shared with
	// other annotations (a store hands out one slice for equal values):
	// replace it with a changed copy (With, Without), never change it in
	// place.
	Attributes Attributes
	Created    time.Time
	Updated    time.Time
}

// Equal reports whether a and o are the same in every field, as == did
// before annotations held attribute values (times compare with ==, zone
// included).
func (a Annotation) Equal(o Annotation) bool {
	return a.ID == o.ID && a.DocumentID == o.DocumentID && a.Start == o.Start &&
		a.End == o.End && a.Label == o.Label && a.Note == o.Note &&
		a.Annotator == o.Annotator && a.Created == o.Created && a.Updated == o.Updated &&
		a.Attributes.Equal(o.Attributes)
}

// Relation joins two annotations of the same document, for example a claim
// attributed_to its source. From and To are annotation ids.
type Relation struct {
	ID         string
	DocumentID string
	Type       string
	From       string
	To         string
	Created    time.Time
}

// DocumentData is one document with all its annotations and relations,
// the unit that is loaded, exported and imported.
type DocumentData struct {
	Document    Document
	Annotations []Annotation
	Relations   []Relation
}

// Meta describes a project file.
type Meta struct {
	FormatVersion int
	Annotator     string
	Created       time.Time
}
