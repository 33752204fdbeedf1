/* PDF through cairo: pages drawn as they come, outline and metadata at the
 * end, then what cairo 1.16 cannot write (the document language, figures'
 * alternative text, a proper information dictionary) added by an
 * incremental update; then the whole file rewritten with object streams
 * (pdf_compact.h: the structure tree compressed), before it is published.
 * Same input, same bytes: every date in the file comes from meta.date,
 * never the clock. */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "backend_cairo.h"
#include "numfmt.h"
#include "cairo_draw.h"
#include "pdf_compact.h"
#include "pdf_update.h"

typedef struct {
    pp_cairo_drawer draw; /* first: the shared operations take it */
    pp_outfile *out;
    cairo_surface_t *surface;
    char *lang;
    char *info;            /* the information dictionary written by the update */
    GPtrArray *figure_alt; /* alt text of each Figure tag begun, in order */
    bool labels;           /* some page so far has a label of its own */
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

/* ---- structure --------------------------------------------------------------- */

/* An attribute string value for cairo_tag_begin: 'text' with ' and \ escaped. */
static void quote(GString *s, const char *text)
{
    g_string_append_c(s, '\'');
    for (const char *p = text; *p; p++) {
        if (*p == '\'' || *p == '\\') g_string_append_c(s, '\\');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '\'');
}

/* A number for an attribute string, with a '.' whatever the locale. */
static void append_num(GString *s, const char *before, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(s, before);
    g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.3f", v));
}

static void pdf_tag_begin(void *impl, const char *name, const char *alt)
{
    pdf_backend *b = impl;
    cairo_tag_begin(b->draw.cr, name, NULL);
    /* cairo 1.16 cannot give a figure its alternative text: the update
     * adds it after cairo has finished. */
    if (strcmp(name, "Figure") == 0) g_ptr_array_add(b->figure_alt, g_strdup(alt));
}

static void pdf_tag_end(void *impl, const char *name)
{
    cairo_tag_end(((pdf_backend *)impl)->draw.cr, name);
}

static void pdf_link(void *impl, const pp_dl_item *it)
{
    cairo_t *cr = ((pdf_backend *)impl)->draw.cr;
    GString *a = g_string_new(NULL);
    append_num(a, "rect=[", it->u.link.x);
    append_num(a, " ", it->u.link.y);
    append_num(a, " ", it->u.link.w);
    append_num(a, " ", it->u.link.h);
    g_string_append(a, "] dest=");
    quote(a, it->u.link.dest);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, a->str);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_string_free(a, TRUE);
}

static void pdf_dest(void *impl, const pp_dl_item *it)
{
    cairo_t *cr = ((pdf_backend *)impl)->draw.cr;
    GString *a = g_string_new("name=");
    quote(a, it->u.dest.name);
    append_num(a, " x=", it->u.dest.x);
    append_num(a, " y=", it->u.dest.y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, a->str);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_string_free(a, TRUE);
}

/* Entries arrive checked: destinations exist, levels never jump. */
static void add_outline(pdf_backend *b, const pp_outline_entry *e, size_t n)
{
    int parents[32] = {CAIRO_PDF_OUTLINE_ROOT};
    for (size_t i = 0; i < n; i++) {
        int level = e[i].level < 31 ? e[i].level : 31;
        GString *a = g_string_new("dest=");
        quote(a, e[i].dest);
        char *title = g_utf8_make_valid(e[i].title, -1);
        parents[level] = cairo_pdf_surface_add_outline(b->surface, parents[level - 1], title,
                                                       a->str,
                                                       level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        g_free(title);
        g_string_free(a, TRUE);
    }
}

/* ---- pages ------------------------------------------------------------------ */

static pp_status write_failed(pdf_backend *b, pp_diags *d)
{
    if (b->out->err)
        pp_outfile_error(b->out, d);
    else
        pp_error(d, 0, 0, "cannot write %s: %s", b->out->path,
                 cairo_status_to_string(cairo_surface_status(b->surface)));
    return PP_ERR_ENV;
}

/* The page's label when it is not its own number in decimal (front matter
 * in Roman numerals, the body from 1), and on every page after one that
 * had one: a page without a label would read as its plain index. Until
 * then nothing is written, so a document without front matter is
 * unchanged. */
static void set_label(pdf_backend *b, const pp_page *page)
{
    bool own = page->label_number > 0 &&
               (page->label_roman || page->label_number != page->number);
    if (!own && !b->labels) return;
    b->labels = true;
    char label[32];
    int n = page->label_number > 0 ? page->label_number : page->number;
    if (page->label_roman) pp_fmt_roman(n, label, sizeof label);
    else snprintf(label, sizeof label, "%d", n);
    cairo_pdf_surface_set_page_label(b->surface, label);
}

static pp_status pdf_begin_page(void *impl, const pp_page *page, pp_diags *d)
{
    pdf_backend *b = impl;
    double w = page->width, h = page->height;
    if (!(w >= 1 && w <= 14400 && h >= 1 && h <= 14400)) { /* PDF's limits, in points */
        pp_error(d, 0, 0, "internal error: page %d has size %gx%g", page->number, w, h);
        return PP_ERR_ENV;
    }
    cairo_pdf_surface_set_size(b->surface, w, h);
    pp_cairo_set_font_options(b->draw.cr);
    set_label(b, page);
    return PP_OK;
}

static pp_status pdf_end_page(void *impl, const pp_page *page, pp_diags *d)
{
    pdf_backend *b = impl;
    if (cairo_status(b->draw.cr) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "drawing page %d: %s", page->number,
                 cairo_status_to_string(cairo_status(b->draw.cr)));
        return PP_ERR_ENV;
    }
    cairo_show_page(b->draw.cr);
    if (b->out->err || cairo_surface_status(b->surface) != CAIRO_STATUS_SUCCESS)
        return write_failed(b, d);
    return PP_OK;
}

static pp_status pdf_finish(void *impl, const pp_outline_entry *outline, size_t n, pp_diags *d)
{
    pdf_backend *b = impl;
    add_outline(b, outline, n);
    cairo_destroy(b->draw.cr);
    b->draw.cr = NULL;
    cairo_surface_finish(b->surface);
    if (b->out->err || cairo_surface_status(b->surface) != CAIRO_STATUS_SUCCESS)
        return write_failed(b, d);
    return PP_OK;
}

static pp_status pdf_amend(void *impl, const char *written, const char *target, pp_diags *d)
{
    (void)target;
    pdf_backend *b = impl;
    pp_pdf_fixes fx = {.lang = b->lang,
                       .info = b->info,
                       .figure_alt = (const char *const *)b->figure_alt->pdata,
                       .nfigures = b->figure_alt->len};
    pp_status st = pp_pdf_update(written, &fx, d);
    return st == PP_OK ? pp_pdf_compact(written, d) : st;
}

static void pdf_destroy(void *impl)
{
    pdf_backend *b = impl;
    if (!b) return;
    if (b->draw.cr) cairo_destroy(b->draw.cr);
    if (b->surface) cairo_surface_destroy(b->surface);
    pp_cairo_drawer_clear(&b->draw);
    if (b->figure_alt) g_ptr_array_free(b->figure_alt, TRUE);
    g_free(b->lang);
    g_free(b->info);
    free(b);
}

static const pp_backend_ops pdf_ops = {
    .name = "PDF",
    .begin_page = pdf_begin_page,
    .end_page = pdf_end_page,
    .text = pp_cairo_text,
    .rect = pp_cairo_rect,
    .line = pp_cairo_line,
    .path = pp_cairo_path,
    .image = pp_cairo_image,
    .tag_begin = pdf_tag_begin,
    .tag_end = pdf_tag_end,
    .link = pdf_link,
    .dest = pdf_dest,
    .finish = pdf_finish,
    .amend = pdf_amend,
    .destroy = pdf_destroy,
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    return pp_outfile_write(closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                   : CAIRO_STATUS_WRITE_ERROR;
}

pp_status pp_backend_cairo_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                               pp_diags *d, pp_backend **out)
{
    *out = NULL;
    pdf_backend *b = calloc(1, sizeof *b);
    if (!b) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    pp_cairo_drawer_init(&b->draw, false);
    b->figure_alt = g_ptr_array_new_with_free_func(g_free);
    b->lang = g_strdup(meta && meta->lang ? meta->lang : "it-IT");
    b->info = info_dict(meta);
    pp_backend *be = pp_backend_new(&pdf_ops, b, fonts, d);
    if (!be) return PP_ERR_ENV;
    pp_status st = pp_backend_file(be, path, d, &b->out);
    if (st != PP_OK) {
        pp_backend_free(be);
        return st;
    }
    /* The first page's size is set again by pdf_begin_page. */
    b->surface = cairo_pdf_surface_create_for_stream(write_out, b->out, 595, 842);
    b->draw.cr = cairo_create(b->surface);
    if (cairo_status(b->draw.cr) != CAIRO_STATUS_SUCCESS) {
        pp_error(d, 0, 0, "cannot create a PDF surface: %s",
                 cairo_status_to_string(cairo_status(b->draw.cr)));
        pp_backend_free(be);
        return PP_ERR_ENV;
    }
    cairo_pdf_surface_restrict_to_version(b->surface, CAIRO_PDF_VERSION_1_5);
    set_metadata(b->surface, meta);
    *out = be;
    return PP_OK;
}
