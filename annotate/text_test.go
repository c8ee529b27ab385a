package annotate

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"unchanged", "Kim “has” — Zoë\n", "Kim “has” — Zoë\n"},
		{"BOM", "\uFEFFhello", "hello"},
		{"only a BOM", "\uFEFF", ""},
		{"BOM kept after the start", "a\uFEFFb", "a\uFEFFb"},
		{"second BOM kept", "\uFEFF\uFEFFx", "\uFEFFx"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"mixed endings", "a\r\n\rb\n\r\r\nc", "a\n\nb\n\n\nc"},
		{"CR LF LF", "a\r\n\nb", "a\n\nb"},
		{"BOM and CRLF", "\uFEFFa\r\nb", "a\nb"},
		{"tabs and trailing spaces kept", "\ta \t\r\n", "\ta \t\n"},
		{"NFD stays NFD", "Zoe\u0308", "Zoe\u0308"},
		{"NFC stays NFC", "Zoë", "Zoë"},
		{"other line separators kept", "a\u2028b\u0085c\fd", "a\u2028b\u0085c\fd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeText("f.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("NormalizeText(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeTextInvalid(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{"bad first byte", "\xffabc", "news/a.txt: invalid UTF-8 at byte 0"},
		{"after BOM", "\uFEFFab\xfe", "news/a.txt: invalid UTF-8 at byte 5"},
		{"truncated sequence", "Zoë \xe2\x80", "news/a.txt: invalid UTF-8 at byte 5"},
		{"lone continuation byte", "ab\x80", "news/a.txt: invalid UTF-8 at byte 2"},
		{"surrogate half", "é\xed\xa0\x80", "news/a.txt: invalid UTF-8 at byte 2"},
		{"overlong encoding", "a\r\n\xc0\xaf", "news/a.txt: invalid UTF-8 at byte 3"},
		{"Latin-1 text", "caf\xe9", "news/a.txt: invalid UTF-8 at byte 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeText("news/a.txt", []byte(tt.in))
			if err == nil {
				t.Fatalf("NormalizeText(%q) = %q, want error", tt.in, got)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if err.Error() != tt.wantErr {
				t.Errorf("error = %q, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestSHA256Hex(t *testing.T) {
	tests := []struct{ text, want string }{
		// Known values: `printf '' | sha256sum`, `printf 'abc' | sha256sum`.
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	}
	for _, tt := range tests {
		if got := SHA256Hex(tt.text); got != tt.want {
			t.Errorf("SHA256Hex(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestDocumentTextHash(t *testing.T) {
	const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	tests := []struct {
		name string
		doc  Document
		want string
	}{
		{"computed when empty", Document{Text: "abc"}, abc},
		{"field kept", Document{Text: "abc", SHA256: abc}, abc},
		// The field wins even when it does not match: checking it is
		// ValidateDocument's work, not the pairing's.
		{"field wins over the text", Document{Text: "other", SHA256: abc}, abc},
		{"empty text", Document{}, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.doc.TextHash(); got != tt.want {
				t.Errorf("TextHash() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTitleFromText(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name string
		text string
		want string
	}{
		{"first line", "North Korea sends workers\nBody text.", "North Korea sends workers"},
		{"skips blank lines", "\n  \t\n  Headline here  \nmore", "Headline here"},
		{"collapses white space", "A\t\tspaced   title", "A spaced title"},
		{"empty text", "", "untitled.txt"},
		{"blank text", " \n\t\n", "untitled.txt"},
		{"exactly 100 code points", strings.Repeat("é", 100), strings.Repeat("é", 100)},
		{"cut at a word", long, strings.Repeat("word ", 19) + "word…"},
		{"one long word", strings.Repeat("x", 150), strings.Repeat("x", 99) + "…"},
		{"one long line", strings.Repeat("a ", 1<<20), strings.Repeat("a ", 49) + "a…"},
		{"long white space runs", "a" + strings.Repeat(" ", 500) + "b\n", "a b"},
		{"emoji not split", strings.Repeat("a", 97) + " 👩‍🔬 tail", strings.Repeat("a", 97) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TitleFromText(tt.text, "untitled.txt")
			if got != tt.want {
				t.Errorf("TitleFromText(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if n := RuneLen(got); n > 100 {
				t.Errorf("title has %d code points, want at most 100", n)
			}
		})
	}
}
