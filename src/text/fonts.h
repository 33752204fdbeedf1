/* Bundled fonts: a private fontconfig set made of the files of one folder,
 * and the table of the faces a document actually uses (what backends embed).
 * Internal to the text module. */
#ifndef PP_FONTS_H
#define PP_FONTS_H

#include <fontconfig/fontconfig.h>
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
 * of first use: what backends embed, by file and face index. */
typedef struct {
    pp_dl_font *fonts;
    size_t count, cap;
} pp_font_set;

/* Index of the face of f in s, added on first use; -1 when out of memory
 * or when f is not a fontconfig font. */
int pp_font_set_index(pp_font_set *s, PangoFont *f);
void pp_font_set_clear(pp_font_set *s);

#endif
