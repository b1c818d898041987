#ifndef MOTCUA_CCRYPT_H
#define MOTCUA_CCRYPT_H
#include <stddef.h>

/* Hashes `password` with yescrypt ($y$, libxcrypt's preferred method) and a fresh random salt.
   Writes the NUL-terminated hash into `out` (at least 128 bytes). Returns 0 on success, -1 on failure.
   The 32 KiB work area is allocated on the heap and wiped before it is freed. */
int motcua_password_hash(const char *password, char *out, size_t out_size);

/* Verifies `password` against a stored crypt(3) hash in constant time.
   Returns 1 when it matches, 0 when it does not, -1 when the hash is unusable. */
int motcua_password_verify(const char *password, const char *stored_hash);

#endif
