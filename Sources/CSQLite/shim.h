#ifndef MOTCUA_CSQLITE_SHIM_H
#define MOTCUA_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
