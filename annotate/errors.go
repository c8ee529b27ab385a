package annotate

import (
	"errors"
	"fmt"
)

// Errors that callers test for with errors.Is. They are wrapped with
// context (the file, document or annotation) on the way up.
var (
	// ErrNotFound: no document, annotation or relation with that id.
	ErrNotFound = errors.New("not found")
	// ErrLocked: the project file is open in another Spanmark window.
	ErrLocked = errors.New("is open in another Spanmark window")
	// ErrNotProject: the file is not a Spanmark project.
	ErrNotProject = errors.New("not a Spanmark project")
	// ErrDamaged: the project file is truncated or has pages that cannot
	// be read; storage.Recover salvages what is left.
	ErrDamaged = errors.New("is damaged")
	// ErrNewerVersion: the project was written by a newer Spanmark.
	ErrNewerVersion = errors.New("written by a newer Spanmark")
	// ErrReadOnly: the project was opened read-only.
	ErrReadOnly = errors.New("project is open read-only")
	// ErrDuplicateDocument: a document with the same text is already in the project.
	ErrDuplicateDocument = errors.New("document with the same text already in the project")
	// ErrInvalid: a value breaks a rule (offsets, labels, relation kinds, schema).
	ErrInvalid = errors.New("invalid")
	// ErrLabelInUse: a label that annotations use cannot be removed.
	ErrLabelInUse = errors.New("label is in use")
)

// invalidError is an error that breaks a rule: it wraps ErrInvalid
// without saying "invalid", which adds nothing to the message a person
// reads.
type invalidError struct{ err error }

func (e invalidError) Error() string   { return e.err.Error() }
func (e invalidError) Unwrap() []error { return []error{e.err, ErrInvalid} }

// Invalidf formats an error as fmt.Errorf does (%w included) that also
// wraps ErrInvalid.
func Invalidf(format string, args ...any) error {
	return invalidError{fmt.Errorf(format, args...)}
}
