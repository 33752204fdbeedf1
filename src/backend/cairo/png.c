/* One PNG per page (previews, visual checks): PREFIX-NNN.png at a given
 * resolution on a white background. Files are published together when
 * the whole document succeeded (backend.h), and pages of an earlier,
 * longer render of the same name are removed then. Structure tags, links,
 * destinations and the outline have no meaning here: no such operations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "backend_cairo.h"
#include "cairo_draw.h"

typedef struct {
    pp_cairo_drawer draw; /* first: the shared operations take it */
    pp_backend *self;     /* to open one file per page */
    char *prefix;
    double dpi;
    cairo_surface_t *img; /* the page being drawn */
    int last;             /* number of the last page written */
} png_backend;

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    return pp_outfile_write(closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                   : CAIRO_STATUS_WRITE_ERROR;
}

static pp_status png_begin_page(void *impl, const pp_page *page, pp_diags *d)
{
    png_backend *b = impl;
    double scale = b->dpi / 72.0;
    double wpx = ceil(page->width * scale), hpx = ceil(page->height * scale);
    if (!(wpx >= 1 && wpx <= 32767 && hpx >= 1 && hpx <= 32767)) { /* cairo's image limits */
        pp_error(d, 0, 0, "page %d is too large for a PNG at %g dpi", page->number, b->dpi);
        return PP_ERR_ENV;
    }
    b->img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)wpx, (int)hpx);
    b->draw.cr = cairo_create(b->img);
    cairo_set_source_rgb(b->draw.cr, 1, 1, 1);
    cairo_paint(b->draw.cr);
    cairo_scale(b->draw.cr, scale, scale);
    pp_cairo_set_font_options(b->draw.cr);
    return PP_OK;
}

static void drop_page(png_backend *b)
{
    if (b->draw.cr) cairo_destroy(b->draw.cr);
    if (b->img) cairo_surface_destroy(b->img);
    b->draw.cr = NULL;
    b->img = NULL;
}

static pp_status write_page(png_backend *b, const pp_page *page, pp_diags *d)
{
    char *path = g_strdup_printf("%s-%03d.png", b->prefix, page->number);
    pp_outfile *out;
    pp_status st = pp_backend_file(b->self, path, d, &out);
    g_free(path);
    if (st != PP_OK) return st;
    cairo_status_t cs = cairo_surface_write_to_png_stream(b->img, write_out, out);
    if (out->err) {
        pp_outfile_error(out, d);
        return PP_ERR_ENV;
    }
    if (cs != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot write %s: %s", out->path, cairo_status_to_string(cs));
        return PP_ERR_ENV;
    }
    /* Closed now, published with the others at the end: a long document
     * must not hold a descriptor per page. */
    return pp_outfile_close(out, d);
}

static pp_status png_end_page(void *impl, const pp_page *page, pp_diags *d)
{
    png_backend *b = impl;
    cairo_destroy(b->draw.cr);
    b->draw.cr = NULL;
    pp_status st = PP_OK;
    if (cairo_surface_status(b->img) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "drawing page %d: %s", page->number,
                 cairo_status_to_string(cairo_surface_status(b->img)));
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = write_page(b, page, d);
    if (st == PP_OK) b->last = page->number;
    drop_page(b);
    return st;
}

/* PREFIX-NNN.png with NNN beyond the last page: a page of an earlier,
 * longer render of the same document, which would pass for this one's. */
static bool stale_page(const char *name, const char *base, int last)
{
    size_t n = strlen(base);
    if (strncmp(name, base, n) != 0 || name[n] != '-') return false;
    const char *p = name + n + 1, *digits = p;
    long number = 0;
    while (*p >= '0' && *p <= '9' && number < 1000000) number = number * 10 + (*p++ - '0');
    return p - digits >= 3 && strcmp(p, ".png") == 0 && number > last;
}

static pp_status png_finish(void *impl, const pp_outline_entry *outline, size_t n, pp_diags *d)
{
    (void)outline, (void)n, (void)d;
    png_backend *b = impl;
    char *dir = g_path_get_dirname(b->prefix), *base = g_path_get_basename(b->prefix);
    GDir *gd = g_dir_open(dir, 0, NULL);
    for (const char *name; gd && (name = g_dir_read_name(gd));) {
        if (!stale_page(name, base, b->last)) continue;
        char *path = g_build_filename(dir, name, NULL);
        pp_backend_obsolete(b->self, path);
        g_free(path);
    }
    if (gd) g_dir_close(gd);
    g_free(dir);
    g_free(base);
    return PP_OK;
}

static void png_destroy(void *impl)
{
    png_backend *b = impl;
    if (!b) return;
    drop_page(b);
    pp_cairo_drawer_clear(&b->draw);
    g_free(b->prefix);
    free(b);
}

static const pp_backend_ops png_ops = {
    .name = "PNG",
    .begin_page = png_begin_page,
    .end_page = png_end_page,
    .text = pp_cairo_text,
    .rect = pp_cairo_rect,
    .line = pp_cairo_line,
    .path = pp_cairo_path,
    .image = pp_cairo_image,
    .finish = png_finish,
    .destroy = png_destroy,
};

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
    pp_cairo_drawer_init(&b->draw, true);
    b->prefix = g_strdup(path_prefix);
    b->dpi = dpi;
    if (!(b->self = pp_backend_new(&png_ops, b, fonts, d))) return PP_ERR_ENV;
    *out = b->self;
    return PP_OK;
}
