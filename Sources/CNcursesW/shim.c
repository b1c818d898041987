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
