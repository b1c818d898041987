#ifndef MOTCUA_CNCURSESW_H
#define MOTCUA_CNCURSESW_H

/* Every includer of curses.h must see the same definition, or Clang reports that '_win_st' has
   different definitions in different modules. This header is the only includer in the package. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <wchar.h>

/* Shims for what Swift cannot import: macros, variadic functions, mutable globals. */

/* Display width of one scalar as wcwidth(3) reports it in the current locale (-1: not printable). */
int motcua_wcwidth(unsigned int scalar);

/* Attribute bits (A_* macros do not import). */
unsigned int motcua_attr_normal(void);
unsigned int motcua_attr_bold(void);
unsigned int motcua_attr_reverse(void);
unsigned int motcua_attr_underline(void);
unsigned int motcua_attr_dim(void);

/* KEY_F(n) */
int motcua_key_f(int n);

/* The ncurses library's own version string, e.g. "ncurses 6.4.20221231". */
const char *motcua_curses_version(void);

/* Sets LC_ALL from the environment; if the resulting codeset is not UTF-8, sets LC_CTYPE to
   C.UTF-8. Returns 1 when the final codeset is UTF-8, 0 otherwise. */
int motcua_setup_utf8_locale(void);

#endif
