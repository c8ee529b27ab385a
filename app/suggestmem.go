package app

import (
	"runtime/debug"

	"spanmark/annotate/suggest"
)

// bigIndex is how many patterns make an index whose build is worth a
// forced collection afterwards: a project of some hundred thousand
// annotations, whose build leaves hundreds of megabytes of garbage.
var bigIndex = 100_000

// freeOSMemory is debug.FreeOSMemory; tests count its calls.
var freeOSMemory = debug.FreeOSMemory

// releaseBuildGarbage returns to the operating system the memory the
// build of x left free. The build reads the whole project and grows the
// index's arrays by doubling: its garbage peaks at about what it keeps,
// and Go returns freed memory to the system only slowly (minutes), so
// the window would hold it all the while. It blocks only the goroutine
// it runs on; a small index is not worth the collection.
func releaseBuildGarbage(x *suggest.Index) {
	if x.Patterns() >= bigIndex {
		freeOSMemory()
	}
}
