#include "CCrypt.h"
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

int motcua_password_hash(const char *password, char *out, size_t out_size) {
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    /* NULL prefix = the library's preferred method (yescrypt); NULL rbytes = the OS's randomness. */
    if (crypt_gensalt_rn("$y$", 0, NULL, 0, setting, (int)sizeof setting) == NULL) return -1;
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL) return -1;
    int rc = -1;
    const char *hash = crypt_rn(password, setting, data, (int)sizeof *data);
    if (hash != NULL && hash[0] != '*' && strlen(hash) < out_size) {
        strcpy(out, hash);
        rc = 0;
    }
    explicit_bzero(data, sizeof *data);
    free(data);
    return rc;
}

int motcua_password_verify(const char *password, const char *stored_hash) {
    if (stored_hash == NULL || stored_hash[0] == '\0' || stored_hash[0] == '*') return -1;
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL) return -1;
    int rc = -1;
    const char *hash = crypt_rn(password, stored_hash, data, (int)sizeof *data);
    if (hash != NULL && hash[0] != '*') {
        size_t a = strlen(hash), b = strlen(stored_hash);
        unsigned char diff = (unsigned char)(a != b);
        size_t n = a < b ? a : b;
        for (size_t i = 0; i < n; i++) diff |= (unsigned char)(hash[i] ^ stored_hash[i]);
        rc = diff == 0 ? 1 : 0;
    }
    explicit_bzero(data, sizeof *data);
    free(data);
    return rc;
}
