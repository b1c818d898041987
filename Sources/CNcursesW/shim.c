#define _XOPEN_SOURCE 700
#include "CNcursesW.h"
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <strings.h>

int motcua_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

unsigned int motcua_attr_normal(void) { return (unsigned int)A_NORMAL; }
unsigned int motcua_attr_bold(void) { return (unsigned int)A_BOLD; }
unsigned int motcua_attr_reverse(void) { return (unsigned int)A_REVERSE; }
unsigned int motcua_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
unsigned int motcua_attr_dim(void) { return (unsigned int)A_DIM; }

int motcua_key_f(int n) { return KEY_F(n); }

const char *motcua_curses_version(void) { return curses_version(); }

static int codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int motcua_setup_utf8_locale(void) {
    setlocale(LC_ALL, "");
    if (codeset_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && codeset_is_utf8()) return 1;
    return 0;
}

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int motcua_draw_utf8(WINDOW *win, int y, int x, const char *utf8, unsigned int attrs, short pair) {
    size_t length = strlen(utf8);
    wchar_t stackbuf[512];
    wchar_t *wide = length < 512 ? stackbuf : malloc((length + 1) * sizeof(wchar_t));
    if (wide == NULL) return ERR;
    size_t n = mbstowcs(wide, utf8, length + 1);
    int rc = ERR;
    if (n != (size_t)-1) {
        wattr_set(win, (attr_t)attrs, pair, NULL);
        rc = mvwaddnwstr(win, y, x, wide, (int)n);
        wattr_set(win, A_NORMAL, 0, NULL);
    }
    if (wide != stackbuf) free(wide);
    return rc;
}

int motcua_read_key(WINDOW *win, int timeout_ms, unsigned int *value) {
    wtimeout(win, timeout_ms);
    wint_t ch = 0;
    int rc = wget_wch(win, &ch);
    if (rc == ERR) return 0;
    *value = (unsigned int)ch;
    return rc == KEY_CODE_YES ? 2 : 1;
}

static volatile sig_atomic_t termination_requested = 0;
static int crash_log_fd = -1;

static void on_terminate(int sig) {
    (void)sig;
    termination_requested = 1;
}

static void write_all(int fd, const char *text) {
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(fd, text, left);
        if (n <= 0) return;
        text += n;
        left -= (size_t)n;
    }
}

static void on_fatal(int sig) {
    endwin();
    const char *message = "\nmotcua: lỗi nghiêm trọng, chương trình dừng; màn hình đã được khôi phục. Dữ liệu đã lưu không bị mất.\n";
    write_all(2, message);
    if (crash_log_fd >= 0) {
        char line[96];
        snprintf(line, sizeof line, "FATAL signal %d: terminal restored\n", sig);
        write_all(crash_log_fd, line);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void motcua_install_signal_handlers(int log_fd) {
    crash_log_fd = log_fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaction(fatal[i], &sa, NULL);
}

int motcua_termination_requested(void) { return termination_requested; }

#include <poll.h>

/* 1 when the terminal on standard input has gone (the window or the SSH session closed without the hang-up
   signal reaching us): reads would fail at once for ever, and the program would spin with nobody to see it. */
int motcua_terminal_gone(void) {
    struct pollfd p;
    p.fd = 0;
    p.events = POLLIN;
    p.revents = 0;
    if (poll(&p, 1, 0) < 0) return 0;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
        termination_requested = 1;
        return 1;
    }
    return 0;
}

void motcua_unblock_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

const char *motcua_codeset(void) { return nl_langinfo(CODESET); }

WINDOW *motcua_stdscr(void) { return stdscr; }

SCREEN *motcua_newterm(void) { return newterm(NULL, stdout, stdin); }
