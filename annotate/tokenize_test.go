package annotate

import (
	"slices"
	"testing"
)

// tokenTexts returns the text of each token.
func tokenTexts(text string, tokens []Token) []string {
	x := NewIndex(text)
	var out []string
	for _, t := range tokens {
		out = append(out, x.Slice(t.Start, t.End))
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"only space", " \t\n ", nil},
		{"words and punctuation", "Kim Jong Un (R) plans.", []string{"Kim", "Jong", "Un", "(", "R", ")", "plans", "."}},
		{"curly apostrophe", "after Ukraine’s incursion", []string{"after", "Ukraine’s", "incursion"}},
		{"straight apostrophe", "don't stop", []string{"don't", "stop"}},
		{"hyphen between digit and letter", "the 11-country team", []string{"the", "11-country", "team"}},
		{"unicode hyphens", "non\u2010stop one\u2011way", []string{"non\u2010stop", "one\u2011way"}},
		{"soft hyphen", "Ukrai\u00adne", []string{"Ukrai\u00adne"}},
		{"apostrophe at word edges", "'quoted' rock-", []string{"'", "quoted", "'", "rock", "-"}},
		{"doubled joiner", "a--b a’’b", []string{"a", "-", "-", "b", "a", "’", "’", "b"}},
		{"thousands separator", "send 6,000 workers", []string{"send", "6,000", "workers"}},
		{"decimal point", "1.5 km", []string{"1.5", "km"}},
		{"several separators", "9,000,000 and 1,234.56", []string{"9,000,000", "and", "1,234.56"}},
		{"number ends a sentence", "sent 6,000. Then 1.5, and 2,000,", []string{"sent", "6,000", ".", "Then", "1.5", ",", "and", "2,000", ","}},
		{"percent stays a token", "3.5% of 1,000%", []string{"3.5", "%", "of", "1,000", "%"}},
		{"list of numbers", "1,2,3 and 1, 2", []string{"1", ",", "2", ",", "3", "and", "1", ",", "2"}},
		{"comma before four digits", "1,2345", []string{"1", ",", "2345"}},
		{"comma before two digits", "1,23 x", []string{"1", ",", "23", "x"}},
		{"points between digits", "v1.2.3 10.30", []string{"v1.2.3", "10.30"}},
		{"point or comma after a letter", "a.5 b,000", []string{"a", ".", "5", "b", ",", "000"}},
		{"leading point", ".5 -1.5", []string{".", "5", "-", "1.5"}},
		{"number then letters", "the 2,000s", []string{"the", "2,000s"}},
		{"number at the end", "x 6,000", []string{"x", "6,000"}},
		{"separator at the end", "6, 6.", []string{"6", ",", "6", "."}},
		{"non-ASCII digits keep the comma apart", "٣,٤٥٦", []string{"٣", ",", "٤٥٦"}},
		{"curly quotes and em dash", "Kim “has”—said", []string{"Kim", "“", "has", "”", "—", "said"}},
		{"combining mark", "Zoe\u0308 Zoë", []string{"Zoe\u0308", "Zoë"}},
		{"leading combining mark", "\u0301a", []string{"\u0301a"}},
		{"mark after punctuation", "!\u0301a", []string{"!\u0301", "a"}},
		{"CJK", "北京市 is", []string{"北京市", "is"}},
		{"Hebrew and Arabic", "שלום, سلام!", []string{"שלום", ",", "سلام", "!"}},
		{"Arabic-Indic digits", "٣٤٥ km", []string{"٣٤٥", "km"}},
		{"Persian zero-width non-joiner", "می\u200cخواهم", []string{"می\u200cخواهم"}},
		{"emoji then word", "🚀Launch", []string{"🚀", "Launch"}},
		{"emoji sequence", "a 🚀🚀 b", []string{"a", "🚀", "🚀", "b"}},
		{"ZWJ sequence", "👩‍🔬scientist", []string{"👩‍🔬", "scientist"}},
		{"ZWJ sequence with VS16", "🏳️‍🌈 flag", []string{"🏳️‍🌈", "flag"}},
		{"skin tone", "👍🏽 ok", []string{"👍🏽", "ok"}},
		{"family", "👨‍👩‍👧‍👦", []string{"👨‍👩‍👧‍👦"}},
		{"ZWJ not followed by a symbol", "🚀\u200Dx", []string{"🚀", "\u200D", "x"}},
		{"flags", "🇺🇦🇰🇷!", []string{"🇺🇦", "🇰🇷", "!"}},
		{"lone regional indicator", "🇺 x", []string{"🇺", "x"}},
		{"tag sequence flag", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F go", []string{"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "go"}},
		{"keycap", "press 1\uFE0F\u20E3", []string{"press", "1\uFE0F\u20E3"}},
		{"heart with VS16", "I ❤️ it", []string{"I", "❤️", "it"}},
		{"invisible separators", "a\u200Bb\u200Fc\u2067d\u2069\uFEFFe", []string{"a", "b", "c", "d", "e"}},
		{"non-breaking space", "6\u00a0000", []string{"6", "000"}},
		{"tabs and newlines", "a\tb\r\nc", []string{"a", "b", "c"}},
		{"invalid UTF-8", "a\xffb \xe2\x80", []string{"a", "\xff", "b", "\xe2", "\x80"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := Tokenize(tt.text)
			if got := tokenTexts(tt.text, tokens); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if got := TokenizeRunes([]rune(tt.text)); !slices.Equal(got, tokens) {
				t.Errorf("TokenizeRunes(%q) = %v, want %v", tt.text, got, tokens)
			}
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	got := Tokenize("I 🚀 Zoe\u0308’s")
	want := []Token{{0, 1}, {2, 3}, {4, 10}}
	if !slices.Equal(got, want) {
		t.Errorf("Tokenize = %v, want %v", got, want)
	}
}

func TestWordAt(t *testing.T) {
	// "Kim “has” 🚀" has tokens Kim [0,3) “ [4,5) has [5,8) ” [8,9) 🚀 [10,11).
	tokens := Tokenize("Kim “has” 🚀")
	tests := []struct {
		offset int
		want   Token
		wantOK bool
	}{
		{-1, Token{}, false},
		{0, Token{0, 3}, true},
		{2, Token{0, 3}, true},
		{3, Token{}, false},
		{4, Token{4, 5}, true},
		{5, Token{5, 8}, true},
		{8, Token{8, 9}, true},
		{9, Token{}, false},
		{10, Token{10, 11}, true},
		{11, Token{}, false},
	}
	for _, tt := range tests {
		got, ok := WordAt(tokens, tt.offset)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("WordAt(%d) = %v, %v, want %v, %v", tt.offset, got, ok, tt.want, tt.wantOK)
		}
	}
	if got, ok := WordAt(nil, 0); ok {
		t.Errorf("WordAt(nil, 0) = %v, true, want false", got)
	}
}

func TestSnapToTokens(t *testing.T) {
	// "the 11-country  team." has tokens the [0,3), 11-country [4,14),
	// team [16,20) and . [20,21).
	tokens := Tokenize("the 11-country  team.")
	tests := []struct {
		name               string
		start, end         int
		wantStart, wantEnd int
	}{
		{"inside one word", 5, 7, 4, 14},
		{"whole word", 4, 14, 4, 14},
		{"across words", 1, 17, 0, 20},
		{"trims surrounding space", 3, 16, 4, 14},
		{"space before a word", 14, 17, 16, 20},
		{"ends at a word's start", 3, 4, 3, 4},
		{"starts at a word's end", 14, 16, 14, 16},
		{"punctuation", 20, 21, 20, 21},
		{"to the end", 18, 21, 16, 21},
		{"empty", 5, 5, 5, 5},
		{"reversed", 7, 5, 7, 5},
		{"beyond the text", 30, 40, 30, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotStart, gotEnd := SnapToTokens(tokens, tt.start, tt.end)
			if gotStart != tt.wantStart || gotEnd != tt.wantEnd {
				t.Errorf("SnapToTokens(%d, %d) = %d, %d, want %d, %d",
					tt.start, tt.end, gotStart, gotEnd, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

// FuzzTokenize checks that tokens are ordered, do not overlap, cover every
// code point that is not a separator, and that snapping any range yields
// token boundaries.
func FuzzTokenize(f *testing.F) {
	f.Add("Kim “has” 11-country 🚀Launch", 3, 9)
	f.Add("👨‍👩‍👧‍👦🇺🇦🇰 Zoe\u0308 שלום", 0, 4)
	f.Add("a\xff\u200d\u200b’-b", 1, 2)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		tokens := Tokenize(text)
		runes := []rune(text)
		covered := make([]bool, len(runes))
		prevEnd := 0
		for _, tok := range tokens {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(runes) {
				t.Fatalf("token %v after end %d in %d code points", tok, prevEnd, len(runes))
			}
			if isSeparator(runes[tok.Start]) {
				t.Fatalf("token %v starts with separator %q", tok, runes[tok.Start])
			}
			for i := tok.Start; i < tok.End; i++ {
				covered[i] = true
			}
			prevEnd = tok.End
		}
		for i, r := range runes {
			if !covered[i] && !isSeparator(r) {
				t.Fatalf("code point %d (%q) is in no token", i, r)
			}
		}
		if got := TokenizeRunes(runes); !slices.Equal(got, tokens) {
			t.Fatalf("TokenizeRunes = %v, want %v", got, tokens)
		}
		gotStart, gotEnd := SnapToTokens(tokens, start, end)
		if gotStart == start && gotEnd == end {
			return
		}
		first, ok1 := WordAt(tokens, gotStart)
		last, ok2 := WordAt(tokens, gotEnd-1)
		if !ok1 || !ok2 || first.Start != gotStart || last.End != gotEnd || gotStart >= end || gotEnd <= start {
			t.Fatalf("SnapToTokens(%d, %d) = %d, %d: not token boundaries overlapping the range", start, end, gotStart, gotEnd)
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	for _, bb := range benchTexts() {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.text)))
			for b.Loop() {
				Tokenize(bb.text)
			}
		})
	}
}

func BenchmarkSnapToTokens(b *testing.B) {
	tokens := Tokenize(benchText(mixedUnit))
	n := tokens[len(tokens)-1].End
	v := 0
	for b.Loop() {
		SnapToTokens(tokens, v, v+40)
		v = (v + 7919) % n
	}
}
