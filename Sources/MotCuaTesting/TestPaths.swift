import Glibc
import MotCuaSystem

/// The repository's root folder (for goldens, fixtures and the shipped `Config/`).
public let repositoryRoot: String = {
    var path = #filePath  // …/Sources/MotCuaTesting/TestPaths.swift
    for _ in 0..<3 { path = FileSystem.directoryName(path) }
    return path
}()

/// The `motcua` binary built beside the test bundle (`swift test` builds every product), else the debug one.
public let motcuaBinary: String = {
    let candidates = [
        FileSystem.directoryName(FileSystem.absolute(CommandLine.arguments[0])) + "/motcua",
        repositoryRoot + "/.build/debug/motcua"
    ]
    return candidates.first { access($0, X_OK) == 0 } ?? candidates[1]
}()

/// `Tests/Fixtures`: files committed for tests (test vectors, a database made by an earlier release).
public let testFixturesDirectory = repositoryRoot + "/Tests/Fixtures"
