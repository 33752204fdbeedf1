/* The libharu backend's life: the document is built in libharu's memory as
 * pages arrive (libharu writes nothing before the end), then metadata,
 * navigation and the ToUnicode maps are completed and the file is written
 * by haru_save.c. libharu reports errors through a callback: the first one
 * is kept and turned into a diagnostic at the end of the page. */
#include <stdlib.h>
#include <string.h>

#include "haru_internal.h"

/* The compiled-in sRGB profile (CMakeLists.txt). */
extern const unsigned char pp_haru_srgb_icc[];
extern const size_t pp_haru_srgb_icc_len;

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    haru_backend *b = user;
    if (b->error) return;
    b->error = error;
    b->error_detail = detail;
}

pp_status haru_check(haru_backend *b, const char *what, pp_diags *d)
{
    if (!b->error) return PP_OK;
    if (b->error == HPDF_FAILD_TO_ALLOC_MEM) return pp_diag_oom(d);
    pp_error(d, 0, 0, "libharu: error 0x%04X (detail %u) while writing %s", (unsigned)b->error,
             (unsigned)b->error_detail, what);
    return PP_ERR_ENV;
}

static pp_status haru_begin_page(void *impl, const pp_page *page, pp_diags *d)
{
    haru_backend *b = impl;
    double w = page->width, h = page->height;
    if (!(w >= 3 && w <= 14400 && h >= 3 && h <= 14400)) { /* PDF's limits, in points */
        pp_error(d, 0, 0, "internal error: page %d has size %gx%g", page->number, w, h);
        return PP_ERR_ENV;
    }
    b->page = HPDF_AddPage(b->pdf);
    if (b->page) {
        HPDF_Page_SetWidth(b->page, (HPDF_REAL)w);
        HPDF_Page_SetHeight(b->page, (HPDF_REAL)h);
        g_ptr_array_add(b->pages, b->page);
    }
    b->height = h;
    int label = page->label_number > 0 ? page->label_number : page->number;
    if (page->label_roman) label = -label;
    g_array_append_val(b->labels, label);
    HPDF_MD5Update(&b->identity, (const HPDF_BYTE *)&page->nitems, sizeof page->nitems);
    return haru_check(b, "a page", d);
}

static pp_status haru_end_page(void *impl, const pp_page *page, pp_diags *d)
{
    haru_backend *b = impl;
    (void)page;
    b->page = NULL;
    return haru_check(b, "a page", d);
}

static pp_status haru_finish(void *impl, const pp_outline_entry *outline, size_t n, pp_diags *d)
{
    haru_backend *b = impl;
    pp_status st = haru_write_navigation(b, outline, n, d);
    if (st == PP_OK) st = haru_write_tounicode(b, d);
    if (st == PP_OK) st = haru_write_metadata(b, d);
    if (st == PP_OK) st = haru_save(b, d);
    return st;
}

static void free_meta(pp_dl_meta *m)
{
    g_free((char *)m->title);
    g_free((char *)m->author);
    g_free((char *)m->subject);
    g_free((char *)m->keywords);
    g_free((char *)m->creator);
    g_free((char *)m->lang);
}

static void haru_destroy(void *impl)
{
    haru_backend *b = impl;
    if (!b) return;
    if (b->pdf) HPDF_Free(b->pdf);
    for (size_t i = 0; i < b->nfaces; i++) free(b->faces[i].used);
    free(b->faces);
    if (b->pages) g_ptr_array_free(b->pages, TRUE);
    if (b->labels) g_array_free(b->labels, TRUE);
    if (b->images) g_hash_table_destroy(b->images);
    if (b->dests) g_hash_table_destroy(b->dests);
    if (b->links) {
        for (guint i = 0; i < b->links->len; i++) g_free(g_array_index(b->links, haru_link, i).dest);
        g_array_free(b->links, TRUE);
    }
    free_meta(&b->meta);
    g_free((char *)b->opt.owner_password);
    free(b->text);
    free(b);
}

static const pp_backend_ops haru_ops = {
    .name = "PDF/A",
    .begin_page = haru_begin_page,
    .end_page = haru_end_page,
    .text = pp_haru_text,
    .rect = pp_haru_rect,
    .line = pp_haru_line,
    .path = pp_haru_path,
    .image = pp_haru_image,
    .tag_begin = pp_haru_tag_begin,
    .tag_end = pp_haru_tag_end,
    .link = pp_haru_link,
    .dest = pp_haru_dest,
    .finish = haru_finish,
    .destroy = haru_destroy,
};

static void copy_meta(pp_dl_meta *to, const pp_dl_meta *m)
{
    *to = (pp_dl_meta){0};
    if (!m) return;
    to->title = g_strdup(m->title);
    to->author = g_strdup(m->author);
    to->subject = g_strdup(m->subject);
    to->keywords = g_strdup(m->keywords);
    to->creator = g_strdup(m->creator);
    to->lang = g_strdup(m->lang);
    to->date = m->date;
}

/* libharu set up for our text: Unicode through UTF-8, compressed streams,
 * PDF 1.4 (what PDF/A-1 is based on). */
static bool setup_doc(haru_backend *b)
{
    b->pdf = HPDF_New(on_error, b);
    if (!b->pdf) return false;
    HPDF_UseUTFEncodings(b->pdf);
    HPDF_SetCurrentEncoder(b->pdf, "UTF-8");
    HPDF_SetCompressionMode(b->pdf, HPDF_COMP_ALL);
    b->pdf->pdf_version = HPDF_VER_14;
    return !b->error;
}

static haru_backend *backend_alloc(const pp_dl_meta *meta, pp_font_table fonts,
                                   const pp_haru_options *opt)
{
    haru_backend *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    b->opt = *opt;
    if (!b->opt.icc) {
        b->opt.icc = pp_haru_srgb_icc;
        b->opt.icc_len = pp_haru_srgb_icc_len;
    }
    b->opt.owner_password = g_strdup(opt->owner_password);
    b->fonts = fonts;
    copy_meta(&b->meta, meta);
    b->pages = g_ptr_array_new();
    b->labels = g_array_new(FALSE, FALSE, sizeof(int));
    b->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    b->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    b->links = g_array_new(FALSE, FALSE, sizeof(haru_link));
    HPDF_MD5Init(&b->identity);
    return b;
}

pp_status pp_backend_haru_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                              const pp_haru_options *opt, pp_diags *d, pp_backend **out)
{
    *out = NULL;
    if (opt->pdfa && opt->protect) {
        pp_error(d, 0, 0, "internal error: a PDF/A copy cannot be encrypted");
        return PP_ERR_ENV;
    }
    if (opt->protect && (!opt->owner_password || !*opt->owner_password)) {
        pp_error(d, 0, 0, "internal error: a protected copy needs an owner password");
        return PP_ERR_ENV;
    }
    haru_backend *b = backend_alloc(meta, fonts, opt);
    if (!b) return pp_diag_oom(d);
    pp_backend *be = pp_backend_new(&haru_ops, b, fonts, d);
    if (!be) return PP_ERR_ENV;
    if (!setup_doc(b)) {
        pp_status st = b->error ? haru_check(b, "the document", d) : pp_diag_oom(d);
        pp_backend_free(be);
        return st;
    }
    pp_status st = pp_backend_file(be, path, d, &b->out);
    if (st != PP_OK) {
        pp_backend_free(be);
        return st;
    }
    *out = be;
    return PP_OK;
}
