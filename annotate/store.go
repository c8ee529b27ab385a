package annotate

import "iter"

// Store is a project: one annotator's documents, annotations, relations and
// schema. Every method that changes something runs as one transaction that
// is durable on disk before the method returns; when it returns an error,
// nothing was changed.
//
// The storage package implements Store on a bbolt file; the app and the
// command line use only this interface.
type Store interface {
	// Path is where the project lives, for display.
	Path() string
	// ReadOnly reports whether the store was opened for reading only.
	ReadOnly() bool
	// Close releases the project file.
	Close() error

	// Meta returns the project's meta data.
	Meta() (Meta, error)
	// SetAnnotator records the name of the person whose work this is.
	SetAnnotator(name string) error

	// Schema returns the project's labels and relation types.
	Schema() (Schema, error)
	// SetSchema replaces the schema after validating it, in one
	// transaction, and carries every annotation and document along as c
	// says: renamed labels, attributes and enum values are renamed in
	// every annotation and document in the same transaction, and values
	// that no longer fit are removed if c.DropValues is set and refused
	// (ErrInvalid) if not. Labels whose names disappear otherwise must not
	// be in use (ErrLabelInUse), and a label whose kind changes must not
	// be in a relation its new kind does not fit.
	SetSchema(s Schema, c SchemaChange) error
	// CountLosses counts the annotations and documents that SetSchema(s,
	// c) with c.DropValues set would take values from, without changing
	// anything: the number a person confirms before deleting.
	CountLosses(s Schema, c SchemaChange) (Losses, error)

	// Documents lists every document, ordered by creation, without reading
	// texts or annotations.
	Documents() ([]DocumentInfo, error)
	// Load reads one document with its annotations (in
	// CompareAnnotations order) and relations. A missing document is
	// ErrNotFound.
	Load(docID string) (*DocumentData, error)
	// AddDocument adds a document without annotations. It fills in a
	// missing ID, SHA256, Status and timestamps and returns the stored
	// document. A document whose SHA256 is already in the project is
	// ErrDuplicateDocument and is not added.
	AddDocument(d Document) (Document, error)
	// SetStatus sets a document's status.
	SetStatus(docID string, s Status) error
	// SetTitle renames a document.
	SetTitle(docID, title string) error
	// DeleteDocument removes a document with its annotations and relations.
	DeleteDocument(docID string) error

	// Apply makes one edit to one document's annotations and relations in
	// a single transaction, after validating the result against the text
	// and the schema. Deleting an annotation also deletes every relation
	// that names it. Puts are applied in order: annotations, then
	// relations (so a relation may name an annotation put in the same
	// edit). Timestamps are stored as given; a zero Created or Updated gets
	// the current time. (The caller stamps edits, so that undo restores an
	// annotation exactly as it was.)
	Apply(docID string, e Edit) error

	// Import adds documents with their annotations and relations, all in
	// one transaction: if any document fails validation or docs yields an
	// error, nothing is written. Ids are kept, except a document id that
	// another text already has: that document gets a new id, reported in
	// ImportResult.Renamed. A document whose SHA256 is already in the
	// project (or earlier in docs) is skipped and reported.
	Import(docs iter.Seq2[*DocumentData, error]) (ImportResult, error)

	// Each calls fn for every document with its annotations and relations,
	// in the order of Documents, from one consistent read of the file,
	// holding only one document in memory at a time. An error from fn stops
	// the walk and is returned.
	Each(fn func(*DocumentData) error) error
	// EachText calls fn for every document's info and text, in the order
	// of Documents, from one consistent read of the file, without
	// decoding annotations or relations: a walk that needs them for a few
	// documents only (a search, whose query most texts do not contain)
	// calls load, which reads this document's annotations and relations
	// in the same read. load is valid only during the call of fn. An
	// error from fn stops the walk and is returned.
	EachText(fn func(info DocumentInfo, text string, load func() (*DocumentData, error)) error) error

	// SuggestionStore keeps the suggestions, never mixed with the
	// annotations above.
	SuggestionStore
}

// Edit is a change to one document's annotations and relations, applied
// atomically by Store.Apply. Deletions are applied before puts.
type Edit struct {
	PutAnnotations    []Annotation
	DeleteAnnotations []string // annotation ids
	PutRelations      []Relation
	DeleteRelations   []string // relation ids
	// Status, when set, becomes the document's status in the same
	// transaction: a document's first edit marks it in progress.
	Status Status
	// DocumentAttributes, when SetDocumentAttributes is true, replaces
	// the document's attribute values in the same transaction (nil
	// clears them all). The flag tells "clear every value" from "leave
	// the values alone", which a nil map alone cannot.
	DocumentAttributes    Attributes
	SetDocumentAttributes bool
}

// Empty reports whether e changes nothing.
func (e Edit) Empty() bool {
	return len(e.PutAnnotations) == 0 && len(e.DeleteAnnotations) == 0 &&
		len(e.PutRelations) == 0 && len(e.DeleteRelations) == 0 && e.Status == "" && !e.SetDocumentAttributes
}

// ImportResult says what Store.Import did.
type ImportResult struct {
	Added   []DocumentInfo
	Skipped []SkippedDocument
	// Renamed lists the added documents whose id the project, or a
	// document earlier in the import, already gave another text.
	Renamed []RenamedDocument
}

// RenamedDocument is a document Import added under a new id, because
// its own was taken: two projects' files may use the same ids, and only
// the text decides whether two documents are the same.
type RenamedDocument struct {
	Title string
	OldID string // the id the document came with
	NewID string // the id it has in the project
}

// SkippedDocument is a document Import did not add because the project
// already holds a document with the same text.
type SkippedDocument struct {
	Title      string
	SHA256     string
	ExistingID string
}
