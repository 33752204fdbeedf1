/* One PNG per page (previews, visual checks): PREFIX-NNN.png at a given
 * resolution on a white background. Each file is written under a
 * temporary name and renamed when complete. Structure tags, links,
 * destinations and the outline have no meaning here and are skipped. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "backend_cairo.h"

typedef struct {
    pp_backend base;
    char *prefix;
    double dpi;
    pp_cairo_drawer draw;
    bool failed;
} png_backend;

static pp_status write_png(cairo_surface_t *img, const char *path, pp_diags *d)
{
    pp_outfile out;
    if (pp_outfile_open(&out, path, d) != PP_OK)
        return PP_ERR_ENV;
    cairo_status_t cs = cairo_surface_write_to_png_stream(img, pp_outfile_write, &out);
    pp_status st = PP_OK;
    if (cs != CAIRO_STATUS_SUCCESS && !out.err) {
        pp_error(d, 0, 0, "cannot write %s: %s", path, cairo_status_to_string(cs));
        st = PP_ERR_ENV;
    }
    if (st == PP_OK && pp_outfile_close(&out, d) != PP_OK)
        st = PP_ERR_ENV;
    if (st == PP_OK)
        st = pp_outfile_commit(&out, d);
    pp_outfile_abort(&out);
    return st;
}

static pp_status png_page(pp_backend *base, const pp_page *page, pp_diags *d)
{
    png_backend *b = (png_backend *)base;
    if (b->failed)
        return PP_ERR_ENV;
    double scale = b->dpi / 72.0;
    double wpx = ceil(page->width * scale), hpx = ceil(page->height * scale);
    if (!(wpx >= 1 && wpx <= 32767 && hpx >= 1 && hpx <= 32767)) { /* cairo's image limits */
        pp_error(d, 0, 0, "page %d is too large for a PNG at %g dpi", page->number, b->dpi);
        b->failed = true;
        return PP_ERR_ENV;
    }
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)wpx, (int)hpx);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    pp_status st = pp_cairo_draw_page(&b->draw, cr, page, d);
    cairo_destroy(cr);
    if (st == PP_OK && cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "drawing page %d: %s", page->number,
                 cairo_status_to_string(cairo_surface_status(img)));
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) {
        char *path = g_strdup_printf("%s-%03d.png", b->prefix, page->number);
        st = write_png(img, path, d);
        g_free(path);
    }
    cairo_surface_destroy(img);
    if (st != PP_OK)
        b->failed = true;
    return st;
}

static pp_status png_finish(pp_backend *base, const pp_outline_entry *outline, size_t n,
                            pp_diags *d)
{
    (void)outline, (void)n, (void)d;
    return ((png_backend *)base)->failed ? PP_ERR_ENV : PP_OK;
}

static void png_destroy(pp_backend *base)
{
    png_backend *b = (png_backend *)base;
    if (!b)
        return;
    pp_cairo_drawer_clear(&b->draw);
    g_free(b->prefix);
    free(b);
}

static const pp_backend_ops png_ops = {png_page, png_finish, png_destroy};

pp_status pp_backend_cairo_png(const char *path_prefix, double dpi, pp_font_table fonts,
                               pp_diags *d, pp_backend **out)
{
    *out = NULL;
    if (!path_prefix || !*path_prefix || !(dpi >= 1 && dpi <= 2400)) {
        pp_error(d, 0, 0, "PNG output needs a file prefix and a resolution from 1 to 2400 dpi");
        return PP_ERR_ENV;
    }
    png_backend *b = calloc(1, sizeof *b);
    if (!b) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    b->base.ops = &png_ops;
    b->prefix = g_strdup(path_prefix);
    b->dpi = dpi;
    pp_cairo_drawer_init(&b->draw, fonts, false);
    *out = &b->base;
    return PP_OK;
}
