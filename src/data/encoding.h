/* Text encodings met in files saved by spreadsheets. */
#ifndef PP_ENCODING_H
#define PP_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* Well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF). */
bool pp_utf8_valid(const char *s, size_t len);
/* The first character of well-formed UTF-8 text that XML 1.0 cannot hold
 * (a control character but tab, LF, CR; U+FFFE, U+FFFF); 0 when none. */
unsigned pp_non_xml_char(const char *s, size_t len);
/* Windows-1252 (what Excel writes for "CSV (delimitato dal separatore di
 * elenco)") to UTF-8: a malloc'ed, NUL-terminated copy, its length in
 * *out_len; NULL when out of memory. */
char *pp_cp1252_to_utf8(const char *s, size_t len, size_t *out_len);

#endif
