// Package assets holds the files Spanmark ships inside its binary: the
// application icon and the sample article a new default project starts with.
package assets

import _ "embed"

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleArticle is the article a new default project opens with, so that
// the first start is useful. It has curly quotes and an em dash, so its
// byte offsets differ from its code-point offsets.
//
//go:embed article.txt
var SampleArticle []byte

// SampleName is the file name the sample article is imported under.
const SampleName = "article.txt"
