/* Bundled fonts: a private fontconfig set made of the files of one folder,
 * and the table of the faces a document actually uses (what backends embed).
 * Internal to the text module. */
#ifndef PP_FONTS_H
#define PP_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pthread.h>

#include <pango/pango.h>

#include "diag.h"
#include "dlist.h"

/* A fontconfig configuration holding only the .ttf/.otf files of dir,
 * added in name order (so font matching never depends on readdir order).
 * NULL with a diagnostic (PP_ERR_ENV) when the folder or a font is unusable. */
FcConfig *pp_fonts_config_new(const char *dir, pp_diags *d);

/* True when a font of the set has this family name (case-insensitive). */
bool pp_fonts_config_has_family(FcConfig *cfg, const char *family);

/* The faces met while shaping, one entry per (file, face index), in order
 * of first use: what backends embed, by file and face index.
 *
 * Backends read the set on their drawing threads while the layout adds to
 * it (render/pipe.h): entries are allocated one by one, so an entry never
 * moves once made, and the array of them is grown and read under `lock`.
 * Only the layout's thread adds. */
typedef struct {
    pp_dl_font **fonts;
    size_t count, cap;
    pthread_mutex_t lock;
} pp_font_set;

void pp_font_set_init(pp_font_set *s);
/* Index of the face of f in s, added on first use; -1 when out of memory
 * or when f is not a fontconfig font. From the layout's thread only. */
int pp_font_set_index(pp_font_set *s, PangoFont *f);
/* From any thread: the number of faces, and face i (NULL past the end). */
size_t pp_font_set_count(pp_font_set *s);
const pp_dl_font *pp_font_set_get(pp_font_set *s, int i);
void pp_font_set_clear(pp_font_set *s);

#endif
