/* Drawing display-list items with cairo, shared by the PDF and PNG
 * backends. Items arrive checked by the generic layer (backend.h). Fonts
 * are opened from their files (file, face index), as any PDF writer would:
 * nothing of the shaper reaches this code. */
#include "cairo_draw.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "files.h"
#include "grow.h"
#include "image_info.h"
#include "image_jpeg.h"

void pp_cairo_drawer_init(pp_cairo_drawer *dr, bool raster)
{
    *dr = (pp_cairo_drawer){.raster = raster};
    dr->faces = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify)cairo_font_face_destroy);
    dr->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)cairo_surface_destroy);
}

void pp_cairo_drawer_clear(pp_cairo_drawer *dr)
{
    if (dr->faces) g_hash_table_destroy(dr->faces);
    if (dr->images) g_hash_table_destroy(dr->images);
    free(dr->glyphs);
    *dr = (pp_cairo_drawer){0};
}

void pp_cairo_set_font_options(cairo_t *cr)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
}

/* ---- paint ---------------------------------------------------------------- */

static void set_rgb(cairo_t *cr, pp_rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

static void fill_and_stroke(cairo_t *cr, const pp_paint *pt)
{
    if (pt->fill) {
        set_rgb(cr, pt->fill_color);
        cairo_fill_preserve(cr);
    }
    if (pt->stroke) {
        set_rgb(cr, pt->stroke_color);
        cairo_set_line_width(cr, pt->line_width > 0 ? pt->line_width : 1.0);
        double dash = pt->dash;
        cairo_set_dash(cr, &dash, dash > 0 && isfinite(dash) ? 1 : 0, 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void pp_cairo_rect(void *impl, const pp_dl_item *it)
{
    cairo_t *cr = ((pp_cairo_drawer *)impl)->cr;
    cairo_rectangle(cr, it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h);
    fill_and_stroke(cr, &it->u.rect.paint);
}

void pp_cairo_line(void *impl, const pp_dl_item *it)
{
    cairo_t *cr = ((pp_cairo_drawer *)impl)->cr;
    pp_paint pt = it->u.line.paint;
    pt.fill = false;
    pt.stroke = true;
    cairo_move_to(cr, it->u.line.x1, it->u.line.y1);
    cairo_line_to(cr, it->u.line.x2, it->u.line.y2);
    fill_and_stroke(cr, &pt);
}

static void path_step(cairo_t *cr, const pp_path_step *s)
{
    switch (s->op) {
    case PP_PATH_MOVE: cairo_move_to(cr, s->x, s->y); break;
    case PP_PATH_LINE: cairo_line_to(cr, s->x, s->y); break;
    case PP_PATH_CURVE: cairo_curve_to(cr, s->x1, s->y1, s->x2, s->y2, s->x, s->y); break;
    case PP_PATH_ARC: cairo_arc(cr, s->cx, s->cy, s->r, s->a1, s->a2); break;
    case PP_PATH_CLOSE: cairo_close_path(cr); break;
    }
}

void pp_cairo_path(void *impl, const pp_dl_item *it)
{
    cairo_t *cr = ((pp_cairo_drawer *)impl)->cr;
    for (size_t i = 0; i < it->u.path.nsteps; i++) path_step(cr, &it->u.path.steps[i]);
    fill_and_stroke(cr, &it->u.path.paint);
}

/* ---- text ----------------------------------------------------------------- */

/* The face of a font file, made once per document: one font object in the
 * PDF per face, whatever the sizes. */
static cairo_font_face_t *face_of(pp_cairo_drawer *dr, const pp_run *run, pp_diags *d)
{
    gpointer key = GINT_TO_POINTER(run->item->u.text.font + 1);
    cairo_font_face_t *face = g_hash_table_lookup(dr->faces, key);
    if (face) return face;
    FcPattern *pat = FcPatternBuild(NULL, FC_FILE, FcTypeString, run->font->file, FC_INDEX,
                                    FcTypeInteger, run->font->face_index, (char *)NULL);
    face = pat ? cairo_ft_font_face_create_for_pattern(pat) : NULL;
    if (pat) FcPatternDestroy(pat);
    if (!face || cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot use font %s", run->font->file);
        if (face) cairo_font_face_destroy(face);
        return NULL;
    }
    g_hash_table_insert(dr->faces, key, face);
    return face;
}

static bool glyphs_of(pp_cairo_drawer *dr, const pp_dl_item *it)
{
    size_t n = it->u.text.nglyphs;
    if (n > INT32_MAX) return false;
    if (!pp_grow(&dr->glyphs, &dr->cap_glyphs, n, sizeof *dr->glyphs, 64)) return false;
    for (size_t i = 0; i < n; i++)
        dr->glyphs[i] = (cairo_glyph_t){it->u.text.glyphs[i].id,
                                        it->u.text.x + it->u.text.glyphs[i].x,
                                        it->u.text.y + it->u.text.glyphs[i].y};
    return true;
}

pp_status pp_cairo_text(void *impl, const pp_run *run, pp_diags *d)
{
    pp_cairo_drawer *dr = impl;
    cairo_t *cr = dr->cr;
    const pp_dl_item *it = run->item;
    cairo_font_face_t *face = face_of(dr, run, d);
    if (!face) return PP_ERR_ENV;
    if (!glyphs_of(dr, it)) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    cairo_set_font_face(cr, face);
    cairo_set_font_size(cr, it->u.text.size);
    set_rgb(cr, it->u.text.color);
    int n = (int)it->u.text.nglyphs;
    /* With the characters, the PDF maps glyphs back to text (copy, search,
     * screen readers); whole-run mapping when the clusters are unusable. */
    if (run->utf8) {
        cairo_text_cluster_t whole = {(int)run->len, n};
        const cairo_text_cluster_t *cl = &whole;
        int ncl = 1;
        if (run->clusters) {
            cl = (const cairo_text_cluster_t *)run->clusters;
            ncl = (int)run->nclusters;
        }
        cairo_show_text_glyphs(cr, run->utf8, (int)run->len, dr->glyphs, n, cl, ncl, 0);
    } else {
        cairo_show_glyphs(cr, dr->glyphs, n);
    }
    return PP_OK;
}

/* pp_cluster is documented as laid out like cairo_text_cluster_t. */
G_STATIC_ASSERT(sizeof(pp_cluster) == sizeof(cairo_text_cluster_t));
G_STATIC_ASSERT(offsetof(pp_cluster, nglyphs) == offsetof(cairo_text_cluster_t, num_glyphs));

/* ---- images --------------------------------------------------------------- */

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int n)
{
    return fread(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* A regular file only (a FIFO would block), and a PNG's size checked
 * against the limits before cairo allocates its pixels: validation did
 * both, but the file may have changed since. */
static cairo_surface_t *open_image(const char *file, bool raster, const char **why)
{
    FILE *f = pp_open_regular(file, why);
    if (!f) return NULL;
    cairo_surface_t *img = pp_jpeg_surface(f, raster);
    int w, h;
    if (!img && pp_image_stream_info(f, &w, &h, NULL) != PP_IMAGE_PNG) {
        *why = "not a PNG or JPEG image within the size limits";
    } else if (!img) {
        rewind(f);
        img = cairo_image_surface_create_from_png_stream(read_png, f);
    }
    fclose(f);
    if (img && cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        *why = cairo_status_to_string(cairo_surface_status(img));
        cairo_surface_destroy(img);
        img = NULL;
    }
    return img;
}

static cairo_surface_t *load_image(pp_cairo_drawer *dr, const char *file, pp_diags *d)
{
    cairo_surface_t *img = g_hash_table_lookup(dr->images, file);
    if (img) return img;
    const char *why = "";
    if (!(img = open_image(file, dr->raster, &why))) {
        pp_error(d, 0, 0, "cannot read image %s (PNG or JPEG): %s", file, why);
        return NULL;
    }
    g_hash_table_insert(dr->images, g_strdup(file), img);
    return img;
}

pp_status pp_cairo_image(void *impl, const pp_dl_item *it, pp_diags *d)
{
    pp_cairo_drawer *dr = impl;
    cairo_surface_t *img = load_image(dr, it->u.image.file, d);
    if (!img) return PP_ERR_INPUT;
    int iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    if (iw <= 0 || ih <= 0) return PP_OK;
    cairo_t *cr = dr->cr;
    cairo_save(cr);
    cairo_translate(cr, it->u.image.x, it->u.image.y);
    cairo_scale(cr, it->u.image.w / iw, it->u.image.h / ih);
    cairo_set_source_surface(cr, img, 0, 0);
    const unsigned char *jpeg = NULL;
    unsigned long jpeg_len = 0;
    cairo_surface_get_mime_data(img, CAIRO_MIME_TYPE_JPEG, &jpeg, &jpeg_len);
    if (dr->raster && jpeg) /* the one grey pixel of a JPEG, a box with sharp edges */
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_rectangle(cr, 0, 0, iw, ih);
    cairo_fill(cr);
    cairo_restore(cr);
    return PP_OK;
}
