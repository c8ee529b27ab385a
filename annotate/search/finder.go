package search

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// finder finds the next match in a document's text at or after byte
// offset from, as byte offsets.
type finder interface {
	next(text string, from int) (start, end int, ok bool)
}

// newFinder returns the fastest finder for q: strings.Index for plain
// text, on a lower-cased copy of the text when case does not count, and
// the regexp package only for regular expressions. (Go's case-insensitive
// regexp is several times slower than an Index on a folded copy.)
func newFinder(q Query) (finder, error) {
	switch {
	case q.Regex:
		expr := q.Text
		if !q.CaseSensitive {
			expr = "(?i)" + expr
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, err
		}
		return regexFinder{re}, nil
	case q.CaseSensitive:
		return &plainFinder{sub: q.Text}, nil
	}
	return &plainFinder{sub: fold(q.Text), fold: true}, nil
}

type regexFinder struct{ re *regexp.Regexp }

func (f regexFinder) next(text string, from int) (int, int, bool) {
	loc := f.re.FindStringIndex(text[from:])
	if loc == nil {
		return 0, 0, false
	}
	return from + loc[0], from + loc[1], true
}

// plainFinder finds sub; with fold set, in a lower-cased copy of the
// text, made once per text.
type plainFinder struct {
	sub          string
	fold         bool
	text, folded string
}

func (f *plainFinder) next(text string, from int) (int, int, bool) {
	if f.sub == "" {
		return 0, 0, false
	}
	if f.fold {
		return f.nextFolded(text, from)
	}
	i := strings.Index(text[from:], f.sub)
	if i < 0 {
		return 0, 0, false
	}
	return from + i, from + i + len(f.sub), true
}

// nextFolded finds sub ignoring case. When sub starts with an ASCII
// letter, it looks only where that letter is, in either case, and
// compares there; otherwise it searches a folded copy of the text, made
// once per text. Folding every text would cost more than the search: most
// texts have no match.
func (f *plainFinder) nextFolded(text string, from int) (int, int, bool) {
	first := f.sub[0]
	if 'a' <= first && first <= 'z' {
		pair := string([]byte{first, first - 'a' + 'A'})
		for i := from; i < len(text); i++ {
			k := strings.IndexAny(text[i:], pair)
			if k < 0 {
				break
			}
			i += k
			if foldEqualAt(text, i, f.sub) {
				return i, i + len(f.sub), true
			}
		}
		return 0, 0, false
	}
	if f.text != text {
		f.text, f.folded = text, fold(text)
	}
	i := strings.Index(f.folded[from:], f.sub)
	if i < 0 {
		return 0, 0, false
	}
	return from + i, from + i + len(f.sub), true
}

// foldEqualAt reports whether text, folded, has sub at byte offset i.
func foldEqualAt(text string, i int, sub string) bool {
	if len(text)-i < len(sub) {
		return false
	}
	part := text[i : i+len(sub)]
	for j := 0; j < len(part); {
		c := part[j]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				return false
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(part[j:])
		var buf [utf8.UTFMax]byte
		if string(foldRune(buf[:0], r, part[j:j+n])) != sub[j:min(j+n, len(sub))] {
			return false
		}
		j += n
	}
	return true
}

// foldRune appends r lower-cased to b, or raw (the bytes of r in the
// text) when its lower case has another UTF-8 length.
func foldRune(b []byte, r rune, raw string) []byte {
	lower := unicode.ToLower(r)
	if r == utf8.RuneError || utf8.RuneLen(lower) != len(raw) {
		return append(b, raw...)
	}
	return utf8.AppendRune(b, lower)
}

// fold lower-cases s code point by code point, keeping each one's UTF-8
// length, so that byte offsets into the result are byte offsets into s.
// The few characters whose lower case has another length (İ, the Kelvin
// sign) and invalid bytes are kept as they are: they match only
// themselves.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = foldRune(b, r, s[i:i+n])
		i += n
	}
	return string(b)
}
