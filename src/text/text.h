/* Text shaping and line breaking with Pango, on fonts shipped in fonts/
 * and registered at run time (the machine's fonts are never used, so
 * output does not depend on the machine).
 *
 * Text is shaped once: the result (pp_lines) is used to measure (heights,
 * line count, to decide page breaks) and then emitted into a page as glyph
 * runs, with no second layout. */
#ifndef PP_TEXT_H
#define PP_TEXT_H

#include "diag.h"
#include "dlist.h"
#include "model.h"

typedef struct pp_text pp_text;

/* Font roles, mapped to bundled families by the layout definition. */
typedef struct {
    const char *family; /* e.g. "Titillium Web", "DejaVu Serif" */
    double size;        /* points */
    bool bold, italic;
    double line_spacing; /* multiple of the natural line height; 0 = 1.0 */
    int weight;          /* CSS weight (400 regular, 600 semibold, 700 bold);
                            0 = from `bold`. Bold spans of rich text use 700,
                            or the weight when heavier. */
} pp_font_spec;

typedef enum { PP_ALIGN_LEFT, PP_ALIGN_CENTER, PP_ALIGN_RIGHT, PP_ALIGN_JUSTIFY } pp_align;

/* Loads every .ttf/.otf under fonts_dir into a private font set.
 * PP_ERR_ENV with a message when the folder or a font is missing. */
pp_status pp_text_new(const char *fonts_dir, pp_diags *d, pp_text **out);
void pp_text_free(pp_text *t);

/* The fonts folder to use: $PERFPDF_FONTS when set (even if wrong, so the
 * error names it), else the source tree's fonts/, else the installed
 * <datadir>/perfpdf/fonts; NULL when none exists. */
const char *pp_fonts_dir_default(void);

/* True when the bundled set has this family (fontconfig would otherwise
 * silently substitute another one): lets a layout check its font names. */
bool pp_text_has_family(const pp_text *t, const char *family);

/* Fonts referenced by emitted text items (pp_dl_item.u.text.font). */
size_t pp_text_nfonts(const pp_text *t);
const pp_dl_font *pp_text_font(const pp_text *t, int index);
/* The same table in the form backends take; valid while t lives. */
pp_font_table pp_text_font_table(const pp_text *t);

/* A paragraph broken into lines. */
typedef struct pp_lines pp_lines;

/* Shapes and breaks rich text to `width` points (width <= 0: one line, no
 * wrapping). A word longer than the width is broken inside the word, so
 * nothing ever overflows. NULL only when out of memory. */
pp_lines *pp_text_shape_rich(pp_text *t, const pp_rich *text, const pp_font_spec *font,
                             double width, pp_align align);
pp_lines *pp_text_shape(pp_text *t, const char *utf8, const pp_font_spec *font, double width,
                        pp_align align);
void pp_lines_free(pp_lines *l);
/* The memory l holds, for caches that keep to a budget. */
size_t pp_lines_bytes(const pp_lines *l);

size_t pp_lines_count(const pp_lines *l);
/* Height of lines [first, first + n) including line spacing. */
double pp_lines_height(const pp_lines *l, size_t first, size_t n);
double pp_lines_total_height(const pp_lines *l);
/* Width of the widest line (ink extents ignored: logical widths). */
double pp_lines_width(const pp_lines *l);
/* Distance from the top of line `i` to its baseline. */
double pp_lines_baseline(const pp_lines *l, size_t i);

/* Emits lines [first, first + n) into page p with the top of the first line
 * at (x, y), as one PP_DL_TEXT item per run; strike adds a PP_DL_LINE across
 * each run (a revised target's old value). */
bool pp_lines_emit(const pp_lines *l, size_t first, size_t n, pp_page *p, double x, double y,
                   pp_rgb color, bool strike);

#endif
