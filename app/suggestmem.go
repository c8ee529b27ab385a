package app

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"

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

// indexBytesPerAnnotation is about what the index keeps per annotation of
// a project: 69–72 MB for the 1,000,000 of the benchmark project (the
// suggest package's BenchmarkBuild reports the index's size), and a
// tenth more.
const indexBytesPerAnnotation = 80

// buildSlack is the room a build's limit leaves above the index it
// expects, for the documents being read and tokenized meanwhile (at most
// buildAhead of them).
const buildSlack = 16 << 20

// buildLimit is held while a build's memory limit is set, so that two
// builds (a project closed and opened again) do not restore each
// other's.
var buildLimit sync.Mutex

// limitFrom is the number of annotations from which a project's build
// gets a memory limit: below, the index and the build's garbage are a
// few megabytes, and the limit would only make the collector run over
// and over while the window opens its first document beside the build
// (a project of one 1 MB document of 20,000 annotations opened it about
// 60 ms later under the limit, 320 ms after start instead of 260).
var limitFrom = 100_000

// limitBuild is limitBuildMemory; tests see what it is given.
var limitBuild = limitBuildMemory

// limitBuildMemory sets a soft limit on the Go runtime's memory while an
// index of a project of n annotations is built, and returns what lifts
// it. Reading a whole project makes garbage at the speed of the disk,
// and the collector's usual pace (a heap twice what is live) would let
// the window's memory rise by a third above what it holds once the index
// is done (a peak of 363 MB against 285 once built, on the benchmark project;
// 285 with the limit). The limit is
// what the runtime holds now plus what the index should take; should the
// index need more, the collector only works harder until the build ends
// (the runtime caps that at half a processor), and the build goes on.
func limitBuildMemory(n int) (lift func()) {
	if n < limitFrom {
		return func() {}
	}
	buildLimit.Lock()
	prev := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(goMemory() + int64(n)*indexBytesPerAnnotation + buildSlack)
	return func() {
		debug.SetMemoryLimit(prev)
		buildLimit.Unlock()
	}
}

// goMemory returns the memory the Go runtime holds from the system, as
// its memory limit counts it.
func goMemory() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	held := s[0].Value.Uint64() - s[1].Value.Uint64()
	return int64(min(held, math.MaxInt64/2))
}
