import CNcursesW
import CSQLite
import Testing

/// The C modules build and link, and the wide-character curses API is the one in use.
@Suite struct CLibraryLinkTests {
    @Test func wideCursesAndWcwidthShim() {
        #expect(motcua_setup_utf8_locale() == 1, "C.UTF-8 must be available")
        #expect(motcua_wcwidth(0x0110) == 1)  // Đ
        #expect(motcua_wcwidth(0x1EC7) == 1)  // ệ
        #expect(motcua_wcwidth(0x0303) == 0)  // combining tilde
        #expect(motcua_wcwidth(0x4E2D) == 2)  // 中
        #expect(motcua_key_f(1) == 265)
        #expect(motcua_attr_bold() != 0)
        // The wide API is declared only with NCURSES_WIDECHAR: referencing it proves the header setup.
        let wideFunctions: [Any] = [get_wch, wadd_wch, setcchar, waddnwstr]
        #expect(wideFunctions.count == 4)
        #expect(String(cString: motcua_curses_version()).hasPrefix("ncurses 6"))
    }

    @Test func systemSQLite() {
        #expect(sqlite3_libversion_number() >= 3_035_000)
        #expect(sqlite3_threadsafe() != 0)
    }
}
