// swift-tools-version: 6.0
// motcua — the front-desk program of a Vietnamese commune's one-stop counter.
// Swift 6 language mode, no package dependencies: the only C libraries are the system's
// (ncursesw, sqlite3, libcrypt). See docs/DECISIONS.md.
import PackageDescription

let package = Package(
    name: "motcua",
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .executable(name: "motcua-bench", targets: ["motcua-bench"])
    ],
    targets: [
        // --- The only modules that touch C ---------------------------------------------------
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A regular C target, not a systemLibrary: SwiftPM drops ncursesw.pc's -D flags, and every
        // includer of curses.h must agree on NCURSES_WIDECHAR (see docs/DECISIONS.md).
        .target(
            name: "CNcursesW",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "CCrypt",
            linkerSettings: [.linkedLibrary("crypt")]
        ),

        // --- Pure domain -----------------------------------------------------------------------
        .target(name: "MotCuaCore"),

        // Glibc wrappers for the edges (files, clock, environment, subprocesses): no Foundation.
        .target(name: "MotCuaSystem", dependencies: ["MotCuaCore"]),

        // The shipped configuration (Config/*.json), compiled into the binary so that the program
        // works from any directory. Config/ stays the single source: the files here are symlinks.
        .target(
            name: "MotCuaDefaults",
            dependencies: ["MotCuaCore", "MotCuaSystem"],
            resources: [
                .embedInCode("Embedded/holidays.json"), .embedInCode("Embedded/unit.json"),
                .embedInCode("Embedded/bodies.json"), .embedInCode("Embedded/catalogue.json"),
                .embedInCode("Embedded/forms.json")
            ]
        ),

        // --- The store: one SQLite file ----------------------------------------------------------
        .target(name: "MotCuaStore", dependencies: ["MotCuaCore", "MotCuaSystem", "CSQLite", "CCrypt"]),

        // --- Terminal UI: toolkit without curses, the curses module, the application --------------
        .target(name: "TerminalUI"),
        .target(name: "NcursesTerminal", dependencies: ["TerminalUI", "CNcursesW"]),
        // The application layer: every use case once, for the screens and the command line.
        .target(name: "MotCuaDesk", dependencies: ["MotCuaCore", "MotCuaStore", "MotCuaSystem", "MotCuaDocuments"]),
        .target(
            name: "MotCuaApp",
            dependencies: ["MotCuaCore", "MotCuaDesk", "MotCuaStore", "MotCuaSystem", "MotCuaDocuments", "TerminalUI"]),
        // Printed forms: the document model, its text renderer, the forms, the print spooler and the archive.
        .target(
            name: "MotCuaDocuments",
            dependencies: ["MotCuaCore", "MotCuaStore", "MotCuaSystem", "TerminalUI", "MotCuaPDF", "MotCuaSpreadsheet"]),
        // PDF written by the project: TrueType reading and subsetting, the PDF objects, QR codes, Deflate.
        .target(name: "MotCuaPDF"),
        // XLSX (Office Open XML) workbooks written by the project: ZIP, CRC-32, streamed sheets.
        .target(name: "MotCuaSpreadsheet"),
        // Test support: a terminal double (keys in, frames out), golden frames, temporary databases.
        .target(
            name: "MotCuaTesting",
            dependencies: [
                "MotCuaApp", "MotCuaDesk", "MotCuaCore", "MotCuaStore", "MotCuaDefaults", "MotCuaDocuments",
                "MotCuaSystem", "TerminalUI"
            ]),

        // --- Command line (library, so that tests can run it in-process) ------------------------
        .target(
            name: "MotCuaCLI",
            dependencies: [
                "MotCuaCore", "MotCuaDefaults", "MotCuaSystem", "MotCuaStore", "MotCuaDesk", "MotCuaApp",
                "MotCuaDocuments", "NcursesTerminal", "TerminalUI", "CSQLite", "CNcursesW"
            ]
        ),

        // --- Executables (thin) ---------------------------------------------------------------
        .executableTarget(name: "motcua", dependencies: ["MotCuaCLI"]),
        .executableTarget(name: "motcua-bench", dependencies: ["MotCuaBenchmarks"]),
        .target(
            name: "MotCuaBenchmarks",
            dependencies: [
                "MotCuaCore", "MotCuaDefaults", "MotCuaSystem", "MotCuaStore", "MotCuaDesk", "MotCuaApp",
                "MotCuaDocuments", "TerminalUI"
            ]),

        // --- Tests ----------------------------------------------------------------------------
        .testTarget(name: "MotCuaCoreTests", dependencies: ["MotCuaCore", "MotCuaDefaults"]),
        .testTarget(
            name: "MotCuaStoreTests",
            dependencies: ["MotCuaStore", "MotCuaDesk", "MotCuaCore", "MotCuaDefaults", "MotCuaSystem", "MotCuaTesting"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "MotCuaCore"]),
        .testTarget(name: "MotCuaPDFTests", dependencies: ["MotCuaPDF", "MotCuaDocuments"]),
        .testTarget(name: "MotCuaSpreadsheetTests", dependencies: ["MotCuaSpreadsheet"]),
        .testTarget(
            name: "MotCuaDeskTests",
            dependencies: ["MotCuaDesk", "MotCuaTesting", "MotCuaCore", "MotCuaStore", "MotCuaDefaults", "MotCuaSystem"]
        ),
        .testTarget(
            name: "MotCuaAppTests",
            dependencies: ["MotCuaApp", "MotCuaTesting", "MotCuaCore", "MotCuaStore", "TerminalUI", "NcursesTerminal"]),
        .testTarget(
            name: "MotCuaDocumentsTests",
            dependencies: [
                "MotCuaDocuments", "MotCuaDesk", "MotCuaTesting", "MotCuaCore", "MotCuaStore", "MotCuaDefaults",
                "MotCuaSystem", "TerminalUI"
            ]),
        .testTarget(
            name: "MotCuaCLITests",
            dependencies: [
                "MotCuaCLI", "MotCuaApp", "TerminalUI", "MotCuaDesk", "MotCuaCore", "MotCuaSystem", "MotCuaStore",
                "MotCuaTesting", "CNcursesW", "CSQLite"
            ])
    ]
)
