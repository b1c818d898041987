// motcua-bench: prints performance figures (never asserts them). Run in release:
//   swift run -c release motcua-bench [calendar|all]
// See docs/PERFORMANCE.md for the method and the recorded figures.
#if canImport(Glibc)
    import Glibc
#endif
import MotCuaBenchmarks

exit(BenchmarkMain.run(Array(CommandLine.arguments.dropFirst())))
