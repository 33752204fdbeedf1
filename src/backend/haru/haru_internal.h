/* State shared by the files of the libharu backend. */
#ifndef PP_HARU_INTERNAL_H
#define PP_HARU_INTERNAL_H

#include <glib.h>
#include <hpdf.h>
#include <hpdf_encrypt.h>

#include "backend_haru.h"

/* A face of the font table as libharu uses it, and the characters shown in
 * it (its ToUnicode map lists exactly those). */
typedef struct {
    HPDF_Font font;     /* NULL until first used */
    unsigned char *used; /* bitmap of the BMP code points shown, 8 KiB */
} haru_font;

typedef struct {
    char *dest;
    size_t page;        /* index in pages */
    double x, y, w, h;  /* display-list coordinates */
} haru_link;

typedef struct {
    size_t page;
    double x, y;
} haru_dest;

typedef struct {
    HPDF_Doc pdf;
    pp_outfile *out;
    pp_haru_options opt;
    pp_font_table fonts;
    pp_dl_meta meta;       /* strings owned (g_strdup) */
    /* first libharu error, reported at the end of the page or document */
    HPDF_STATUS error;
    HPDF_STATUS error_detail;
    HPDF_Page page;         /* the page being drawn */
    double height;          /* its height, for the y flip */
    GPtrArray *pages;       /* HPDF_Page of every page, in order */
    GArray *labels;         /* int per page: its label's number, negative when Roman */
    haru_font *faces;
    size_t nfaces;
    GHashTable *images;     /* file -> HPDF_Image */
    GHashTable *dests;      /* name -> haru_dest */
    GArray *links;          /* haru_link */
    HPDF_MD5_CTX identity;  /* what the pages show: the file's /ID */
    char *text;             /* scratch for one stretch of text */
    size_t text_cap;
} haru_backend;

/* y of the display list (down from the top) as PDF's (up from the bottom). */
static inline double haru_y(const haru_backend *b, double y) { return b->height - y; }

/* Drawing (haru_draw.c). */
void pp_haru_rect(void *impl, const pp_dl_item *it);
void pp_haru_line(void *impl, const pp_dl_item *it);
void pp_haru_path(void *impl, const pp_dl_item *it);
void haru_set_stroke(haru_backend *b, pp_rgb c, double width, double dash);

/* Text and fonts (haru_text.c). */
pp_status pp_haru_text(void *impl, const pp_run *run, pp_diags *d);
/* Every used font's ToUnicode map, from the characters shown. */
pp_status haru_write_tounicode(haru_backend *b, pp_diags *d);

/* Images (haru_image.c). */
pp_status pp_haru_image(void *impl, const pp_dl_item *it, pp_diags *d);

/* Destinations, links, outline (haru_nav.c). */
void pp_haru_link(void *impl, const pp_dl_item *it);
void pp_haru_dest(void *impl, const pp_dl_item *it);
void pp_haru_tag_begin(void *impl, const char *name, const char *alt);
void pp_haru_tag_end(void *impl, const char *name);
pp_status haru_write_navigation(haru_backend *b, const pp_outline_entry *outline, size_t n,
                                pp_diags *d);

/* A PDF text string (UTF-16BE with BOM) from UTF-8; NULL when out of
 * memory (haru_nav.c). */
HPDF_Binary haru_text_string(haru_backend *b, const char *utf8);

/* Information dictionary, XMP, OutputIntent (haru_meta.c). */
pp_status haru_write_metadata(haru_backend *b, pp_diags *d);

/* The file: header, objects, cross-reference table and trailer with a
 * deterministic /ID, encrypted when protecting (haru_save.c). */
pp_status haru_save(haru_backend *b, pp_diags *d);

/* The first libharu error as a diagnostic; PP_OK when there was none. */
pp_status haru_check(haru_backend *b, const char *what, pp_diags *d);

#endif
