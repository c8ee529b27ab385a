package formats

import (
	"iter"
	"runtime"

	"spanmark/annotate"
)

// conversion is one record with the document convert made of it and
// the problems it found.
type conversion struct {
	rec  docRecord
	doc  *annotate.DocumentData
	errs []error
}

// convertRecord decodes what the scanner left undecoded and converts it.
func (r *Reader) convertRecord(rec docRecord) conversion {
	if rec.err != nil {
		return conversion{rec: rec}
	}
	d, errs := r.convert(&rec.doc, rec.index)
	return conversion{rec: rec, doc: d, errs: errs}
}

// converted yields the file's records, converted, in file order. JSON
// Lines are decoded and converted on every core, since decoding is most
// of the work of reading a big file (agree reads whole projects); the
// order, and so every message's line, stays the file's.
func (r *Reader) converted() iter.Seq[conversion] {
	js, lines := r.scan.(*jsonlScanner)
	workers := runtime.GOMAXPROCS(0)
	if !lines || workers < 2 {
		return func(yield func(conversion) bool) {
			for {
				rec, ok := r.scan.next()
				if !ok || !yield(r.convertRecord(rec)) {
					return
				}
			}
		}
	}
	return inOrder(workers, js.nextRaw, func(raw rawLine) conversion {
		return r.convertRecord(js.decode(raw))
	})
}
