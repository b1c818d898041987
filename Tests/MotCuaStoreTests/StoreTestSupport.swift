import Foundation
import MotCuaCore
import MotCuaDefaults
import MotCuaSystem
import MotCuaTesting
import Testing
@testable import MotCuaStore

func t(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// Bytes of a file, for checking that a refused file was left untouched.
func fileBytes(_ path: String) -> [UInt8] { (try? FileSystem.readBytes(path)) ?? [] }

/// FNV-1a 64-bit, to pin the text of shipped migrations.
func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        hash ^= UInt64(b)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}
