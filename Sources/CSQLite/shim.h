#ifndef MOTCUA_CSQLITE_SHIM_H
#define MOTCUA_CSQLITE_SHIM_H
#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: this sets one option before SQLite starts.
   Memory statistics off: with them, every allocation takes a global mutex, which costs an atomic
   operation per call once the process has a second thread (check's passes run on three). */
static inline int motcua_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
