/* Drawing display-list items with cairo, shared by the PDF and PNG
 * backends. cairo errors are sticky (one bad call silences the rest of the
 * document), so everything handed to cairo is checked here first: finite
 * coordinates, known fonts, valid UTF-8 and clusters, balanced tags. */
#include "backend_cairo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "image_jpeg.h"

void pp_cairo_drawer_init(pp_cairo_drawer *dr, pp_font_table fonts, bool structure)
{
    *dr = (pp_cairo_drawer){.fonts = fonts, .structure = structure};
    dr->open_tags = g_ptr_array_new_with_free_func(g_free);
    dr->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    dr->links = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    dr->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)cairo_surface_destroy);
    dr->figure_alt = g_ptr_array_new_with_free_func(g_free);
}

void pp_cairo_drawer_clear(pp_cairo_drawer *dr)
{
    if (dr->open_tags)
        g_ptr_array_free(dr->open_tags, TRUE);
    if (dr->dests)
        g_hash_table_destroy(dr->dests);
    if (dr->links)
        g_hash_table_destroy(dr->links);
    if (dr->images)
        g_hash_table_destroy(dr->images);
    if (dr->figure_alt)
        g_ptr_array_free(dr->figure_alt, TRUE);
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

void pp_cairo_quote(GString *s, const char *text)
{
    g_string_append_c(s, '\'');
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '\'' || *p == '\\')
            g_string_append_c(s, '\\');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '\'');
}

/* A number for an attribute string, with a '.' whatever the locale. */
static void append_num(GString *s, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.3f", v));
}

static bool finite4(double a, double b, double c, double d)
{
    return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d);
}

/* ---- paint ---------------------------------------------------------------- */

static void set_rgb(cairo_t *cr, pp_rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

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

static void draw_rect(cairo_t *cr, const pp_dl_item *it)
{
    if (!finite4(it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h))
        return;
    cairo_rectangle(cr, it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h);
    fill_and_stroke(cr, &it->u.rect.paint);
}

static void draw_line(cairo_t *cr, const pp_dl_item *it)
{
    if (!finite4(it->u.line.x1, it->u.line.y1, it->u.line.x2, it->u.line.y2))
        return;
    pp_paint pt = it->u.line.paint;
    pt.fill = false;
    pt.stroke = true;
    cairo_move_to(cr, it->u.line.x1, it->u.line.y1);
    cairo_line_to(cr, it->u.line.x2, it->u.line.y2);
    fill_and_stroke(cr, &pt);
}

static bool path_step(cairo_t *cr, const pp_path_step *s)
{
    switch (s->op) {
    case PP_PATH_MOVE:
        if (!finite4(s->x, s->y, 0, 0))
            return false;
        cairo_move_to(cr, s->x, s->y);
        return true;
    case PP_PATH_LINE:
        if (!finite4(s->x, s->y, 0, 0))
            return false;
        cairo_line_to(cr, s->x, s->y);
        return true;
    case PP_PATH_CURVE:
        if (!finite4(s->x1, s->y1, s->x2, s->y2) || !finite4(s->x, s->y, 0, 0))
            return false;
        cairo_curve_to(cr, s->x1, s->y1, s->x2, s->y2, s->x, s->y);
        return true;
    case PP_PATH_ARC:
        if (!finite4(s->cx, s->cy, s->r, s->a1) || !isfinite(s->a2) || s->r < 0)
            return false;
        cairo_arc(cr, s->cx, s->cy, s->r, s->a1, s->a2);
        return true;
    case PP_PATH_CLOSE:
        cairo_close_path(cr);
        return true;
    }
    return false;
}

static void draw_path(cairo_t *cr, const pp_dl_item *it)
{
    for (size_t i = 0; i < it->u.path.nsteps; i++)
        if (!path_step(cr, &it->u.path.steps[i])) {
            cairo_new_path(cr); /* a broken path is not drawn at all */
            return;
        }
    fill_and_stroke(cr, &it->u.path.paint);
}

/* ---- text ----------------------------------------------------------------- */

/* Clusters cairo will accept: they cover the text and the glyphs exactly,
 * and each one is whole UTF-8 characters. */
static bool clusters_ok(const char *utf8, size_t len, size_t nglyphs, const pp_cluster *c,
                        size_t n)
{
    size_t bytes = 0, glyphs = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].nbytes < 0 || c[i].nglyphs < 0 || (c[i].nbytes == 0 && c[i].nglyphs == 0))
            return false;
        if (bytes + (size_t)c[i].nbytes > len ||
            !g_utf8_validate(utf8 + bytes, c[i].nbytes, NULL))
            return false;
        bytes += (size_t)c[i].nbytes;
        glyphs += (size_t)c[i].nglyphs;
    }
    return bytes == len && glyphs == nglyphs;
}

static bool set_font(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it, pp_diags *d)
{
    const pp_dl_font *f = dr->fonts.get ? dr->fonts.get(dr->fonts.ctx, it->u.text.font) : NULL;
    if (!f || !f->handle || !PANGO_IS_CAIRO_FONT(f->handle)) {
        pp_error(d, 0, 0, "internal error: text refers to unknown font %d", it->u.text.font);
        return false;
    }
    /* The face of the shaped font, at the run's size: one font object in
     * the PDF per face, whatever the sizes. */
    cairo_scaled_font_t *sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(f->handle));
    if (!sf || cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot use font %s", f->file ? f->file : "?");
        return false;
    }
    cairo_set_font_face(cr, cairo_scaled_font_get_font_face(sf));
    cairo_set_font_size(cr, it->u.text.size);
    return true;
}

static void strike_through(cairo_t *cr, const pp_dl_item *it)
{
    double size = it->u.text.size, y = it->u.text.y - 0.3 * size;
    cairo_move_to(cr, it->u.text.x, y);
    cairo_line_to(cr, it->u.text.x + it->u.text.width, y);
    cairo_set_line_width(cr, size / 16);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

static pp_status draw_text(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it,
                           pp_diags *d)
{
    size_t n = it->u.text.nglyphs;
    double size = it->u.text.size;
    if (n == 0 || !finite4(it->u.text.x, it->u.text.y, size, it->u.text.width) || size <= 0)
        return PP_OK;
    if (!set_font(dr, cr, it, d))
        return PP_ERR_ENV;
    if (n > dr->cap_glyphs) {
        cairo_glyph_t *g = realloc(dr->glyphs, n * sizeof *g);
        if (!g) {
            pp_error(d, 0, 0, "out of memory");
            return PP_ERR_ENV;
        }
        dr->glyphs = g;
        dr->cap_glyphs = n;
    }
    for (size_t i = 0; i < n; i++)
        dr->glyphs[i] = (cairo_glyph_t){it->u.text.glyphs[i].id,
                                        it->u.text.x + it->u.text.glyphs[i].x,
                                        it->u.text.y + it->u.text.glyphs[i].y};
    set_rgb(cr, it->u.text.color);
    const char *utf8 = it->u.text.utf8;
    size_t len = utf8 ? strlen(utf8) : 0;
    /* With the characters, the PDF maps glyphs back to text (copy, search,
     * screen readers); whole-run mapping when the clusters are unusable. */
    cairo_text_cluster_t whole = {(int)len, (int)n};
    const cairo_text_cluster_t *cl = &whole;
    int ncl = 1;
    if (it->u.text.nclusters &&
        clusters_ok(utf8 ? utf8 : "", len, n, it->u.text.clusters, it->u.text.nclusters)) {
        cl = (const cairo_text_cluster_t *)it->u.text.clusters;
        ncl = (int)it->u.text.nclusters;
    }
    if (len && len < INT32_MAX && g_utf8_validate(utf8, (gssize)len, NULL))
        cairo_show_text_glyphs(cr, utf8, (int)len, dr->glyphs, (int)n, cl, ncl, 0);
    else
        cairo_show_glyphs(cr, dr->glyphs, (int)n);
    if (it->u.text.strike)
        strike_through(cr, it);
    return PP_OK;
}

/* pp_cluster is documented as laid out like cairo_text_cluster_t. */
G_STATIC_ASSERT(sizeof(pp_cluster) == sizeof(cairo_text_cluster_t));
G_STATIC_ASSERT(offsetof(pp_cluster, nglyphs) == offsetof(cairo_text_cluster_t, num_glyphs));

/* ---- images --------------------------------------------------------------- */

static cairo_surface_t *load_image(pp_cairo_drawer *dr, const char *file, pp_diags *d)
{
    cairo_surface_t *img = g_hash_table_lookup(dr->images, file);
    if (img)
        return img;
    img = pp_jpeg_surface(file, !dr->structure);
    if (!img)
        img = cairo_image_surface_create_from_png(file);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot read image %s (PNG or JPEG): %s", file,
                 cairo_status_to_string(cairo_surface_status(img)));
        cairo_surface_destroy(img);
        return NULL;
    }
    g_hash_table_insert(dr->images, g_strdup(file), img);
    return img;
}

/* A missing or unreadable image is the input's fault (PP_ERR_INPUT). */
static pp_status draw_image(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it,
                            pp_diags *d)
{
    double x = it->u.image.x, y = it->u.image.y, w = it->u.image.w, h = it->u.image.h;
    if (!it->u.image.file || !finite4(x, y, w, h) || w <= 0 || h <= 0)
        return PP_OK;
    cairo_surface_t *img = load_image(dr, it->u.image.file, d);
    if (!img)
        return PP_ERR_INPUT;
    int iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    if (iw <= 0 || ih <= 0)
        return PP_OK;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / iw, h / ih);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_rectangle(cr, 0, 0, iw, ih);
    cairo_fill(cr);
    cairo_restore(cr);
    return PP_OK;
}

/* ---- structure, links, destinations --------------------------------------- */

/* The structure types cairo 1.16 accepts (ISO 32000-1 tables 333-340);
 * any other name is an error that would stop the whole document. */
static bool valid_tag_name(const char *name)
{
    static const char *const known[] = {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L",
        "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span",
        "Quote", "Note", "Reference", "BibEntry", "Code", "Annot", "Ruby", "Warichu", "RB",
        "RT", "RP", "WT", "WP", "Figure", "Formula", "Form"};
    for (size_t i = 0; name && i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i]) == 0)
            return true;
    return false;
}

static void tag_begin(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it, pp_diags *d)
{
    const char *name = it->u.tag.name;
    if (!valid_tag_name(name)) {
        pp_warning(d, 0, 0, "internal: structure tag \"%s\" ignored", name ? name : "");
        g_ptr_array_add(dr->open_tags, NULL); /* keeps begin/end paired */
        return;
    }
    cairo_tag_begin(cr, name, NULL);
    g_ptr_array_add(dr->open_tags, g_strdup(name));
    /* cairo 1.16 has no way to give a figure its alternative text: kept
     * for the PDF backend, which adds it after cairo has finished. */
    if (strcmp(name, "Figure") == 0)
        g_ptr_array_add(dr->figure_alt,
                        it->u.tag.alt ? g_utf8_make_valid(it->u.tag.alt, -1) : NULL);
}

static void tag_end(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it, pp_diags *d)
{
    guint n = dr->open_tags->len;
    const char *top = n ? g_ptr_array_index(dr->open_tags, n - 1) : NULL;
    if (n == 0 || (top && (!it->u.tag.name || strcmp(top, it->u.tag.name) != 0))) {
        /* cairo would fail the whole document on a mismatched end. */
        pp_warning(d, 0, 0, "internal: structure tag end \"%s\" does not match \"%s\"",
                   it->u.tag.name ? it->u.tag.name : "", top ? top : "(none)");
        return;
    }
    if (top)
        cairo_tag_end(cr, top);
    g_ptr_array_remove_index(dr->open_tags, n - 1);
}

void pp_cairo_close_tags(pp_cairo_drawer *dr, cairo_t *cr, pp_diags *d)
{
    while (dr->open_tags && dr->open_tags->len) {
        const char *top = g_ptr_array_index(dr->open_tags, dr->open_tags->len - 1);
        if (top) {
            pp_warning(d, 0, 0, "internal: structure tag \"%s\" left open", top);
            cairo_tag_end(cr, top);
        }
        g_ptr_array_remove_index(dr->open_tags, dr->open_tags->len - 1);
    }
}

static void draw_link(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it)
{
    double x = it->u.link.x, y = it->u.link.y, w = it->u.link.w, h = it->u.link.h;
    const char *dest = it->u.link.dest;
    if (!dest || !*dest || !g_utf8_validate(dest, -1, NULL) || !finite4(x, y, w, h))
        return;
    GString *a = g_string_new("rect=[");
    append_num(a, x);
    g_string_append_c(a, ' ');
    append_num(a, y);
    g_string_append_c(a, ' ');
    append_num(a, w);
    g_string_append_c(a, ' ');
    append_num(a, h);
    g_string_append(a, "] dest=");
    pp_cairo_quote(a, dest);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, a->str);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_string_free(a, TRUE);
    g_hash_table_add(dr->links, g_strdup(dest));
}

static void draw_dest(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it, pp_diags *d)
{
    const char *name = it->u.dest.name;
    if (!name || !*name || !g_utf8_validate(name, -1, NULL) ||
        !finite4(it->u.dest.x, it->u.dest.y, 0, 0))
        return;
    if (g_hash_table_contains(dr->dests, name)) {
        pp_warning(d, 0, 0, "internal: destination \"%s\" defined twice", name);
        return;
    }
    GString *a = g_string_new("name=");
    pp_cairo_quote(a, name);
    g_string_append(a, " x=");
    append_num(a, it->u.dest.x);
    g_string_append(a, " y=");
    append_num(a, it->u.dest.y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, a->str);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_string_free(a, TRUE);
    g_hash_table_add(dr->dests, g_strdup(name));
}

/* ---- the page ------------------------------------------------------------- */

static pp_status draw_item(pp_cairo_drawer *dr, cairo_t *cr, const pp_dl_item *it,
                           pp_diags *d)
{
    switch (it->kind) {
    case PP_DL_TEXT:
        return draw_text(dr, cr, it, d);
    case PP_DL_RECT:
        draw_rect(cr, it);
        return PP_OK;
    case PP_DL_LINE:
        draw_line(cr, it);
        return PP_OK;
    case PP_DL_PATH:
        draw_path(cr, it);
        return PP_OK;
    case PP_DL_IMAGE:
        return draw_image(dr, cr, it, d);
    default:
        break;
    }
    if (!dr->structure)
        return PP_OK;
    if (it->kind == PP_DL_TAG_BEGIN)
        tag_begin(dr, cr, it, d);
    else if (it->kind == PP_DL_TAG_END)
        tag_end(dr, cr, it, d);
    else if (it->kind == PP_DL_LINK)
        draw_link(dr, cr, it);
    else if (it->kind == PP_DL_DEST)
        draw_dest(dr, cr, it, d);
    return PP_OK;
}

void pp_cairo_end_document(pp_cairo_drawer *dr, cairo_t *cr)
{
    if (dr->document_open)
        cairo_tag_end(cr, "Document");
    dr->document_open = false;
}

pp_status pp_cairo_draw_page(pp_cairo_drawer *dr, cairo_t *cr, const pp_page *p, pp_diags *d)
{
    pp_cairo_set_font_options(cr);
    /* cairo marks a PDF as tagged only when its first tag is a grouping
     * element (Document, Part, Sect...): everything goes in a Document. */
    if (dr->structure && !dr->document_open) {
        cairo_tag_begin(cr, "Document", NULL);
        dr->document_open = true;
    }
    for (size_t i = 0; i < p->nitems; i++) {
        pp_status st = draw_item(dr, cr, &p->items[i], d);
        if (st != PP_OK)
            return st;
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "drawing page %d: %s", p->number, cairo_status_to_string(cairo_status(cr)));
        return PP_ERR_ENV;
    }
    return PP_OK;
}
