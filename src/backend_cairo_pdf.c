/* PDF through cairo: pages drawn as they come, outline and metadata at the
 * end, then the document language added by an incremental update, and the
 * temporary file renamed into place. Same input, same bytes: every date in
 * the file comes from meta.date, never from the clock. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "backend_cairo.h"
#include "pdf_update.h"

typedef struct {
    pp_backend base;
    pp_outfile out;
    cairo_surface_t *surface;
    cairo_t *cr;
    pp_cairo_drawer draw;
    char *lang;
    char *info; /* the information dictionary written by the update */
    bool failed, finished;
} pdf_backend;

/* ---- metadata ------------------------------------------------------------- */

/* meta.date at midnight; without a valid date, a fixed one (never "now"). */
static pp_date meta_date(const pp_dl_meta *m)
{
    return m && pp_date_valid(m->date) ? m->date : (pp_date){2000, 1, 1};
}

static void set_metadata(cairo_surface_t *s, const pp_dl_meta *m)
{
    const struct {
        cairo_pdf_metadata_t key;
        const char *value;
    } v[] = {{CAIRO_PDF_METADATA_TITLE, m ? m->title : NULL},
             {CAIRO_PDF_METADATA_AUTHOR, m ? m->author : NULL},
             {CAIRO_PDF_METADATA_SUBJECT, m ? m->subject : NULL},
             {CAIRO_PDF_METADATA_KEYWORDS, m ? m->keywords : NULL},
             {CAIRO_PDF_METADATA_CREATOR, m ? m->creator : NULL}};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i].value && g_utf8_validate(v[i].value, -1, NULL))
            cairo_pdf_surface_set_metadata(s, v[i].key, v[i].value);
    /* cairo writes the current time unless told otherwise. */
    pp_date dt = meta_date(m);
    char iso[32];
    snprintf(iso, sizeof iso, "%04d-%02d-%02dT00:00:00", dt.y, dt.m, dt.d);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
}

static void info_entry(GString *s, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    char *str = pp_pdf_text_string(value);
    g_string_append_printf(s, "   /%s %s\n", key, str);
    g_free(str);
}

/* The information dictionary as it should be (cairo 1.16 writes dates
 * without the "D:" prefix the PDF date format asks for). */
static char *info_dict(const pp_dl_meta *m)
{
    GString *s = g_string_new("<< ");
    char producer[96];
    snprintf(producer, sizeof producer, "perfpdf (cairo %s)", cairo_version_string());
    info_entry(s, "Producer", producer);
    if (m) {
        info_entry(s, "Title", m->title);
        info_entry(s, "Author", m->author);
        info_entry(s, "Subject", m->subject);
        info_entry(s, "Keywords", m->keywords);
        info_entry(s, "Creator", m->creator);
    }
    pp_date dt = meta_date(m);
    g_string_append_printf(s, "   /CreationDate (D:%04d%02d%02d000000)\n", dt.y, dt.m, dt.d);
    g_string_append_printf(s, "   /ModDate (D:%04d%02d%02d000000)\n>>", dt.y, dt.m, dt.d);
    return g_string_free(s, FALSE);
}

/* ---- outline ---------------------------------------------------------------- */

enum { MAX_DEPTH = 16 };

static void add_outline(pdf_backend *b, const pp_outline_entry *e, size_t n, pp_diags *d)
{
    int parents[MAX_DEPTH + 1] = {CAIRO_PDF_OUTLINE_ROOT};
    int depth = 0; /* level of the last entry added */
    for (size_t i = 0; i < n; i++) {
        if (!e[i].title || !e[i].dest)
            continue;
        if (!g_hash_table_contains(b->draw.dests, e[i].dest)) {
            pp_warning(d, 0, 0, "outline entry \"%s\": no destination \"%s\" in the document",
                       e[i].title, e[i].dest);
            continue;
        }
        /* A level may only go one deeper than the entry before it. */
        int level = e[i].level < 1 ? 1 : e[i].level;
        if (level > depth + 1)
            level = depth + 1;
        if (level > MAX_DEPTH)
            level = MAX_DEPTH;
        GString *a = g_string_new("dest=");
        pp_cairo_quote(a, e[i].dest);
        char *title = g_utf8_make_valid(e[i].title, -1);
        int id = cairo_pdf_surface_add_outline(b->surface, parents[level - 1], title, a->str,
                                               level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        g_free(title);
        g_string_free(a, TRUE);
        parents[level] = id;
        depth = level;
    }
}

/* Links whose destination never appeared: cairo writes them dangling. */
static void check_links(pdf_backend *b, pp_diags *d)
{
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, b->draw.links);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(b->draw.dests, key))
            pp_warning(d, 0, 0, "link to \"%s\": no such destination in the document",
                       (const char *)key);
}

/* ---- operations --------------------------------------------------------------- */

static pp_status write_failed(pdf_backend *b, pp_diags *d)
{
    b->failed = true;
    if (b->out.err)
        pp_outfile_error(&b->out, d);
    else
        pp_error(d, 0, 0, "cannot write %s: %s", b->out.path,
                 cairo_status_to_string(cairo_surface_status(b->surface)));
    return PP_ERR_ENV;
}

static pp_status pdf_page(pp_backend *base, const pp_page *page, pp_diags *d)
{
    pdf_backend *b = (pdf_backend *)base;
    if (b->failed || b->finished)
        return PP_ERR_ENV;
    double w = page->width, h = page->height;
    if (!(w >= 1 && w <= 14400 && h >= 1 && h <= 14400)) { /* PDF's limits, in points */
        pp_error(d, 0, 0, "internal error: page %d has size %gx%g", page->number, w, h);
        b->failed = true;
        return PP_ERR_ENV;
    }
    cairo_pdf_surface_set_size(b->surface, w, h);
    pp_status st = pp_cairo_draw_page(&b->draw, b->cr, page, d);
    if (st != PP_OK) {
        b->failed = true;
        return st;
    }
    cairo_show_page(b->cr);
    if (b->out.err || cairo_surface_status(b->surface) != CAIRO_STATUS_SUCCESS)
        return write_failed(b, d);
    return PP_OK;
}

static pp_status pdf_finish(pp_backend *base, const pp_outline_entry *outline, size_t n,
                            pp_diags *d)
{
    pdf_backend *b = (pdf_backend *)base;
    if (b->failed || b->finished)
        return PP_ERR_ENV;
    b->failed = true; /* until everything below has worked */
    pp_cairo_close_tags(&b->draw, b->cr, d);
    pp_cairo_end_document(&b->draw, b->cr);
    add_outline(b, outline, n, d);
    check_links(b, d);
    cairo_destroy(b->cr);
    b->cr = NULL;
    cairo_surface_finish(b->surface);
    if (b->out.err || cairo_surface_status(b->surface) != CAIRO_STATUS_SUCCESS)
        return write_failed(b, d);
    if (pp_outfile_close(&b->out, d) != PP_OK)
        return PP_ERR_ENV;
    /* A special file (a pipe, /dev/stdout) cannot be read back. */
    pp_pdf_fixes fx = {.lang = b->lang,
                       .info = b->info,
                       .figure_alt = (const char *const *)b->draw.figure_alt->pdata,
                       .nfigures = b->draw.figure_alt->len};
    if (b->out.tmp && pp_pdf_update(b->out.tmp, &fx, d) != PP_OK)
        return PP_ERR_ENV;
    if (pp_outfile_commit(&b->out, d) != PP_OK)
        return PP_ERR_ENV;
    b->failed = false;
    b->finished = true;
    return PP_OK;
}

static void pdf_destroy(pp_backend *base)
{
    pdf_backend *b = (pdf_backend *)base;
    if (!b)
        return;
    /* Abandoning: whatever cairo still flushes goes nowhere. */
    b->out.discard = true;
    if (b->cr)
        cairo_destroy(b->cr);
    if (b->surface)
        cairo_surface_destroy(b->surface);
    pp_outfile_abort(&b->out);
    pp_cairo_drawer_clear(&b->draw);
    g_free(b->lang);
    g_free(b->info);
    free(b);
}

static const pp_backend_ops pdf_ops = {pdf_page, pdf_finish, pdf_destroy};

pp_status pp_backend_cairo_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                               pp_diags *d, pp_backend **out)
{
    *out = NULL;
    pdf_backend *b = calloc(1, sizeof *b);
    if (!b) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    b->base.ops = &pdf_ops;
    pp_cairo_drawer_init(&b->draw, fonts, true);
    if (pp_outfile_open(&b->out, path, d) != PP_OK) {
        pdf_destroy(&b->base);
        return PP_ERR_ENV;
    }
    /* The first page's size is set again by pdf_page. */
    b->surface = cairo_pdf_surface_create_for_stream(pp_outfile_write, &b->out, 595, 842);
    b->cr = cairo_create(b->surface);
    if (cairo_status(b->cr) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot create a PDF surface: %s", cairo_status_to_string(cairo_status(b->cr)));
        pdf_destroy(&b->base);
        return PP_ERR_ENV;
    }
    cairo_pdf_surface_restrict_to_version(b->surface, CAIRO_PDF_VERSION_1_5);
    set_metadata(b->surface, meta);
    b->lang = g_strdup(meta && meta->lang ? meta->lang : "it-IT");
    b->info = info_dict(meta);
    *out = &b->base;
    return PP_OK;
}
