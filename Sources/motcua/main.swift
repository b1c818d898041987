// The motcua executable: wiring only. Everything it runs lives in MotCuaCLI (tested in-process).
#if canImport(Glibc)
    import Glibc
#endif
import MotCuaCLI

exit(MotCuaMain.run())
