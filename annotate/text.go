package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes is the longest title TitleFromText returns, in code points.
const maxTitleRunes = 100

// NormalizeText turns the bytes of a text file into a document text. The
// bytes must be valid UTF-8; otherwise the error names the file and the
// byte offset of the first bad byte, and wraps ErrInvalid. A leading byte
// order mark is dropped, and CRLF and lone CR line endings become LF, so
// that offsets do not depend on the platform the file was written on.
// Nothing else changes: no Unicode normalisation, tabs and trailing spaces
// stay, because annotations refer to the text exactly as stored.
func NormalizeText(name string, b []byte) (string, error) {
	text := string(b)
	if off := firstInvalidUTF8(text); off >= 0 {
		return "", Invalidf("%s: invalid UTF-8 at byte %d", name, off)
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if !strings.Contains(text, "\r") {
		return text, nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n"), nil
}

// firstInvalidUTF8 returns the offset of the first byte of s that does not
// start a valid UTF-8 sequence, or -1 if s is valid.
func firstInvalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r != utf8.RuneError {
			continue
		}
		if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
			return i
		}
	}
	return -1
}

// SHA256Hex returns the lower-case hex SHA-256 of the UTF-8 bytes of text,
// the fingerprint that tells whether two documents have the same text.
func SHA256Hex(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// TextHash returns the SHA-256 hex that stands for d's text: its SHA256
// field, or SHA256Hex of its text when the field is empty, as in a
// document built in code or read from a file that left the hash out. It
// is what pairs copies of one article across projects and files.
func (d Document) TextHash() string {
	if d.SHA256 != "" {
		return d.SHA256
	}
	return SHA256Hex(d.Text)
}

// TitleFromText returns a title for a document: its first line that is
// not blank, with runs of white space collapsed to one space, shortened at
// a token boundary and ended with "…" when it is longer than 100 code
// points. A text with no such line gets fallback.
func TitleFromText(text, fallback string) string {
	for line := range strings.Lines(text) {
		// Where a token ends depends only on the next two code points,
		// so a few beyond the limit are enough to shorten at a token.
		if title := collapseSpace(line, maxTitleRunes+8); title != "" {
			return shortenTitle(title)
		}
	}
	return fallback
}

// collapseSpace returns s without its leading and trailing white space and
// with each run of white space inside made one space. It stops once it has
// at least limit code points, so that a text of one long line costs no more
// than a short one.
func collapseSpace(s string, limit int) string {
	var b strings.Builder
	n, space := 0, false
	for _, r := range s {
		if n >= limit {
			break
		}
		if unicode.IsSpace(r) {
			space = n > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// shortenTitle cuts title to at most maxTitleRunes code points, including
// the "…" it appends, after the last whole token that fits, so that neither
// a word nor an emoji sequence is split; a first token too long to fit is
// cut.
func shortenTitle(title string) string {
	if utf8.RuneCountInString(title) <= maxTitleRunes {
		return title
	}
	limit := maxTitleRunes - 1
	tokens := Tokenize(title)
	cut := limit
	if i := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > limit }); i > 0 {
		cut = tokens[i-1].End
	}
	return NewIndex(title).Slice(0, cut) + "…"
}
