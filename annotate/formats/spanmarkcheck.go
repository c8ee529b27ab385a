package formats

import (
	"errors"
	"io"
)

// Problem is one thing wrong with a file, and where: the file and JSONL
// line, or the document's index and id, or the line and column of a
// syntax error.
type Problem struct {
	Where string
	Msg   string
}

// String returns "where: msg", the form compilers use, so that editors can
// jump to it.
func (p Problem) String() string { return p.Where + ": " + p.Msg }

// Summary counts what a file holds.
type Summary struct {
	Documents   int
	Annotations int
	Relations   int
}

// Check reads a whole spanmark file and returns what it holds and every
// problem in it: it does not stop at the first, but goes on past bad
// documents (and bad JSONL lines) as far as the file can be read. It
// streams like Reader.
func Check(r io.Reader, name string) (Summary, []Problem) {
	var sum Summary
	rd, err := ReadSpanmark(r, name)
	if err != nil {
		return sum, []Problem{problemOf(err, name)}
	}
	var problems []Problem
	for d, errs := range rd.records() {
		sum.Documents++
		if d != nil {
			sum.Annotations += len(d.Annotations)
			sum.Relations += len(d.Relations)
		}
		for _, err := range errs {
			problems = append(problems, problemOf(err, name))
		}
	}
	return sum, problems
}

// Validate returns every problem in a spanmark file, as Check does.
func Validate(r io.Reader, name string) []Problem {
	_, problems := Check(r, name)
	return problems
}

// problemOf turns an error of this package into a Problem.
func problemOf(err error, name string) Problem {
	var pe *placedError
	if errors.As(err, &pe) {
		return Problem{Where: pe.where, Msg: pe.err.Error()}
	}
	return Problem{Where: name, Msg: err.Error()}
}
