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

/* Draws a UTF-8 run at (y, x) with attributes and colour pair, through the wide-character API (combining
   marks join the previous cell, wide characters take two). Returns the curses status. */
int motcua_draw_utf8(WINDOW *win, int y, int x, const char *utf8, unsigned int attrs, short pair);

/* Reads one key with a timeout in milliseconds (-1: wait). Returns 0 on timeout, 1 for a character (its code
   point in *value), 2 for a function key (KEY_* code in *value). */
int motcua_read_key(WINDOW *win, int timeout_ms, unsigned int *value);

/* Installs handlers that restore the terminal (endwin) on SIGTERM, SIGHUP and fatal signals (SIGSEGV,
   SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE): SIGTERM/SIGHUP only set a flag the program polls; fatal
   signals restore the terminal, write a short line to stderr and to `log_fd` (if >= 0), then re-raise. */
void motcua_install_signal_handlers(int log_fd);

/* 1 once SIGTERM or SIGHUP was received. */
int motcua_termination_requested(void);
/* 1 when the terminal on standard input has hung up (and termination is then requested). */
int motcua_terminal_gone(void);

/* Unblocks every signal (a parent such as a test harness may have blocked them). */
void motcua_unblock_signals(void);

/* The codeset of the current locale, e.g. "UTF-8" or "ANSI_X3.4-1968". */
const char *motcua_codeset(void);

/* The current screen's standard window (stdscr is a mutable C global Swift 6 cannot read). */
WINDOW *motcua_stdscr(void);

/* newterm(NULL, stdout, stdin): Swift 6 cannot read the stdio globals. */
SCREEN *motcua_newterm(void);

#endif
