package cli

import (
	"io"
	"time"

	"spanmark/annotate/formats"
	"spanmark/storage"
)

// exportSuggestions writes st in spanmark JSON or JSONL (format) to out,
// or to standard output, each document with its suggestions.
func (c *cli) exportSuggestions(st *storage.Store, format, out string, o formats.ExportOptions) error {
	h, err := formats.StoreHeader(st, time.Now())
	if err != nil {
		return err
	}
	h.Suggestions = st.Suggestions
	write := formats.WriteJSON
	if f, _ := formats.Lookup(format); f.Title == formats.ExportJSONL {
		write = formats.WriteJSONL
	}
	each := formats.StatusEach(st.Each, o.Status)
	if out == "" {
		return write(c.stdout, h, each)
	}
	return formats.WriteFile(out, o.Replace, func(w io.Writer) error { return write(w, h, each) })
}
