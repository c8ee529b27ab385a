// Package synth makes synthetic projects for benchmarks: documents of
// news-like text with realistic word lengths, some non-ASCII letters,
// curly quotes, dashes and emoji, annotated in three overlapping layers
// (entities, claims containing entities, sources) with claims linked to
// sources.
//
// The output is deterministic for a seed, so a benchmark data set can be
// rebuilt anywhere.
package synth

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// Options says how much to make.
type Options struct {
	Docs        int
	WordsPerDoc int
	// AnnotationsPerDoc is the target count; a document too short for it
	// gets as many as fit.
	AnnotationsPerDoc int
	Annotator         string
	Seed              uint64
}

// Documents yields opts.Docs documents with their annotations and
// relations. Each is valid against annotate.DefaultSchema.
func Documents(opts Options) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		g := newGenerator(opts.Seed)
		created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range opts.Docs {
			d := g.document(i, opts, created.Add(time.Duration(i)*time.Second))
			if !yield(d, nil) {
				return
			}
		}
	}
}

type generator struct {
	rng   *rand.Rand
	vocab []string
}

// syllables build the vocabulary; a few carry non-ASCII letters so that
// byte, UTF-16 and code-point offsets all differ.
var syllables = []string{
	"ka", "ro", "mi", "sen", "tal", "vor", "ny", "el", "ash", "qui", "bre", "don",
	"lu", "ste", "gar", "fi", "mon", "za", "ter", "ol", "ré", "mü", "ça", "ñe",
}

// punct are tokens mixed in between words.
var punct = []string{",", ",", ",", "—", "“", "”", "’s", "(", ")", "🚀", "北京"}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.vocab = make([]string, 4000)
	for i := range g.vocab {
		n := 1 + g.rng.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syllables[g.rng.IntN(len(syllables))])
		}
		g.vocab[i] = b.String()
	}
	return g
}

// word picks a word with a Zipf-like skew, as in real text.
func (g *generator) word() string {
	i := int(float64(len(g.vocab)) * g.rng.Float64() * g.rng.Float64() * g.rng.Float64())
	return g.vocab[i]
}

// text returns the document text and the code-point span of every word.
func (g *generator) text(words int) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, 0, words)
	pos := 0
	write := func(s string) {
		b.WriteString(s)
		pos += len([]rune(s))
	}
	inSentence := 0
	for w := range words {
		if w > 0 {
			switch {
			case inSentence > 8 && g.rng.IntN(12) == 0:
				write(".")
				if g.rng.IntN(5) == 0 {
					write("\n\n")
				} else {
					write(" ")
				}
				inSentence = 0
			case g.rng.IntN(14) == 0:
				write(" " + punct[g.rng.IntN(len(punct))] + " ")
			default:
				write(" ")
			}
		}
		word := g.word()
		if inSentence == 0 {
			r, size := utf8.DecodeRuneInString(word)
			word = string(unicode.ToUpper(r)) + word[size:]
		}
		start := pos
		write(word)
		spans = append(spans, [2]int{start, pos})
		inSentence++
	}
	write(".\n")
	return b.String(), spans
}

func (g *generator) document(i int, opts Options, created time.Time) *annotate.DocumentData {
	text, words := g.text(max(opts.WordsPerDoc, 1))
	doc := annotate.Document{
		ID:      fmt.Sprintf("doc%06d", i),
		Title:   fmt.Sprintf("Synthetic article %d", i+1),
		Text:    text,
		SHA256:  annotate.SHA256Hex(text),
		Status:  annotate.StatusTodo,
		Created: created,
		Updated: created,
	}
	d := &annotate.DocumentData{Document: doc}
	g.annotate(d, words, opts, created)
	return d
}

// entityLabels are the entity labels of the default schema.
var entityLabels = []string{"PERSON", "ORG", "LOC", "DATE", "QUANTITY", "MISC"}

// annotate adds the three layers: 70 % entities (one to three words, no
// two overlapping), 15 % claims (five to twenty words, over entities) and
// 15 % sources (one or two words), each claim linked to a source.
func (g *generator) annotate(d *annotate.DocumentData, words [][2]int, opts Options, at time.Time) {
	n := opts.AnnotationsPerDoc
	claims, sources := n*15/100, n*15/100
	entities := n - claims - sources
	add := func(first, last int, label string) annotate.Annotation {
		a := annotate.Annotation{
			ID:         fmt.Sprintf("%s-a%06d", d.Document.ID, len(d.Annotations)),
			DocumentID: d.Document.ID,
			Start:      words[first][0],
			End:        words[last][1],
			Label:      label,
			Annotator:  opts.Annotator,
			Created:    at,
			Updated:    at,
		}
		d.Annotations = append(d.Annotations, a)
		return a
	}
	// Entities sit in disjoint slots of the word sequence.
	slot := max(len(words)/max(entities, 1), 1)
	for k := 0; k < entities && k*slot < len(words); k++ {
		first := k * slot
		last := min(first+g.rng.IntN(min(3, slot)), len(words)-1)
		add(first, last, entityLabels[g.rng.IntN(len(entityLabels))])
	}
	var srcs []annotate.Annotation
	for range sources {
		first := g.rng.IntN(len(words))
		srcs = append(srcs, add(first, min(first+g.rng.IntN(2), len(words)-1), "SOURCE"))
	}
	for k := range claims {
		first := g.rng.IntN(len(words))
		c := add(first, min(first+5+g.rng.IntN(16), len(words)-1), "CLAIM")
		if len(srcs) == 0 {
			continue
		}
		s := srcs[g.rng.IntN(len(srcs))]
		d.Relations = append(d.Relations, annotate.Relation{
			ID:         fmt.Sprintf("%s-r%06d", d.Document.ID, k),
			DocumentID: d.Document.ID,
			Type:       annotate.RelationAttributedTo,
			From:       c.ID,
			To:         s.ID,
			Created:    at,
		})
	}
}
