/* The generic side of every backend (see backend.h): items checked once,
 * structure tags balanced, destinations and links bookkept, output files
 * written atomically and published together. A backend only draws. */
#include "backend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "grow.h"

struct pp_backend {
    const pp_backend_ops *ops;
    void *impl;
    pp_font_table fonts;
    bool structure;       /* the backend takes tags, links, destinations */
    bool document_open;   /* the Document tag wrapping all pages */
    bool failed, finished;
    GPtrArray *open_tags; /* names of the tags still open (NULL: one dropped) */
    GHashTable *dests;    /* destination names defined so far */
    GHashTable *links;    /* destination names linked to */
    pp_outfile **files;
    size_t nfiles, cap_files;
    GPtrArray *obsolete; /* paths removed after publication */
};

pp_backend *pp_backend_new(const pp_backend_ops *ops, void *impl, pp_font_table fonts,
                           pp_diags *d)
{
    pp_backend *b = calloc(1, sizeof *b);
    if (!b) {
        ops->destroy(impl);
        pp_error(d, 0, 0, "out of memory");
        return NULL;
    }
    b->ops = ops;
    b->impl = impl;
    b->fonts = fonts;
    b->structure = ops->tag_begin != NULL;
    b->open_tags = g_ptr_array_new_with_free_func(g_free);
    b->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    b->links = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    b->obsolete = g_ptr_array_new_with_free_func(g_free);
    return b;
}

pp_status pp_backend_file(pp_backend *b, const char *path, pp_diags *d, pp_outfile **out)
{
    *out = NULL;
    pp_outfile *o = calloc(1, sizeof *o);
    if (!o || !pp_grow(&b->files, &b->cap_files, b->nfiles + 1, sizeof *b->files, 4)) {
        free(o);
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    pp_status st = pp_outfile_open(o, path, d);
    if (st != PP_OK) {
        free(o);
        return st;
    }
    b->files[b->nfiles++] = o;
    *out = o;
    return PP_OK;
}

void pp_backend_free(pp_backend *b)
{
    if (!b) return;
    /* Abandoning: whatever the backend still flushes goes nowhere. */
    for (size_t i = 0; i < b->nfiles; i++) b->files[i]->discard = true;
    b->ops->destroy(b->impl);
    for (size_t i = 0; i < b->nfiles; i++) {
        pp_outfile_abort(b->files[i]);
        free(b->files[i]);
    }
    free(b->files);
    g_ptr_array_free(b->open_tags, TRUE);
    g_hash_table_destroy(b->dests);
    g_hash_table_destroy(b->links);
    g_ptr_array_free(b->obsolete, TRUE);
    free(b);
}

static bool finite4(double a, double b, double c, double d)
{
    return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d);
}

static bool utf8_name(const char *s)
{
    return s && *s && g_utf8_validate(s, -1, NULL);
}

/* ---- text ----------------------------------------------------------------- */

/* Clusters that cover the text and the glyphs exactly, each one whole
 * UTF-8 characters: otherwise the run maps to its text as a whole. */
static bool clusters_ok(const char *utf8, size_t len, size_t nglyphs, const pp_cluster *c,
                        size_t n)
{
    size_t bytes = 0, glyphs = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].nbytes < 0 || c[i].nglyphs < 0 || (c[i].nbytes == 0 && c[i].nglyphs == 0))
            return false;
        if (bytes + (size_t)c[i].nbytes > len || !g_utf8_validate(utf8 + bytes, c[i].nbytes, NULL))
            return false;
        bytes += (size_t)c[i].nbytes;
        glyphs += (size_t)c[i].nglyphs;
    }
    return bytes == len && glyphs == nglyphs;
}

static pp_status text(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    double size = it->u.text.size;
    if (it->u.text.nglyphs == 0 || !it->u.text.glyphs || size <= 0 ||
        !finite4(it->u.text.x, it->u.text.y, size, it->u.text.width))
        return PP_OK;
    const pp_dl_font *f = b->fonts.get ? b->fonts.get(b->fonts.ctx, it->u.text.font) : NULL;
    if (!f || !f->file) {
        pp_error(d, 0, 0, "internal error: text refers to unknown font %d", it->u.text.font);
        return PP_ERR_ENV;
    }
    pp_run run = {.item = it, .font = f};
    const char *utf8 = it->u.text.utf8;
    size_t len = utf8 ? strlen(utf8) : 0;
    if (len && len < INT32_MAX && g_utf8_validate(utf8, (gssize)len, NULL)) {
        run.utf8 = utf8;
        run.len = len;
        if (it->u.text.nclusters && it->u.text.clusters &&
            clusters_ok(utf8, len, it->u.text.nglyphs, it->u.text.clusters, it->u.text.nclusters)) {
            run.clusters = it->u.text.clusters;
            run.nclusters = it->u.text.nclusters;
        }
    }
    return b->ops->text(b->impl, &run, d);
}

/* ---- shapes --------------------------------------------------------------- */

static bool step_ok(const pp_path_step *s)
{
    switch (s->op) {
    case PP_PATH_MOVE:
    case PP_PATH_LINE: return finite4(s->x, s->y, 0, 0);
    case PP_PATH_CURVE: return finite4(s->x1, s->y1, s->x2, s->y2) && finite4(s->x, s->y, 0, 0);
    case PP_PATH_ARC: return finite4(s->cx, s->cy, s->r, s->a1) && isfinite(s->a2) && s->r >= 0;
    case PP_PATH_CLOSE: return true;
    }
    return false;
}

/* A path with one broken step is not drawn at all. */
static bool path_ok(const pp_dl_item *it)
{
    if (it->u.path.nsteps && !it->u.path.steps) return false;
    for (size_t i = 0; i < it->u.path.nsteps; i++)
        if (!step_ok(&it->u.path.steps[i])) return false;
    return true;
}

static pp_status image(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    double w = it->u.image.w, h = it->u.image.h;
    if (!it->u.image.file || !finite4(it->u.image.x, it->u.image.y, w, h) || w <= 0 || h <= 0)
        return PP_OK;
    return b->ops->image(b->impl, it, d);
}

/* ---- structure, links, destinations --------------------------------------- */

/* The standard structure types (ISO 32000-1, tables 333-340): a reader
 * knows no other, and cairo stops the whole document on an unknown one. */
static bool valid_tag_name(const char *name)
{
    static const char *const known[] = {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L",
        "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span",
        "Quote", "Note", "Reference", "BibEntry", "Code", "Annot", "Ruby", "Warichu", "RB",
        "RT", "RP", "WT", "WP", "Figure", "Formula", "Form"};
    for (size_t i = 0; name && i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i]) == 0) return true;
    return false;
}

static void tag_begin(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    const char *name = it->u.tag.name;
    if (!valid_tag_name(name)) {
        pp_warning(d, 0, 0, "internal: structure tag \"%s\" ignored", name ? name : "");
        g_ptr_array_add(b->open_tags, NULL); /* keeps begin/end paired */
        return;
    }
    g_ptr_array_add(b->open_tags, g_strdup(name));
    const char *alt = it->u.tag.alt && g_utf8_validate(it->u.tag.alt, -1, NULL) ? it->u.tag.alt : NULL;
    char *fixed = it->u.tag.alt && !alt ? g_utf8_make_valid(it->u.tag.alt, -1) : NULL;
    b->ops->tag_begin(b->impl, name, fixed ? fixed : alt);
    g_free(fixed);
}

static void tag_end(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    guint n = b->open_tags->len;
    const char *top = n ? g_ptr_array_index(b->open_tags, n - 1) : NULL;
    if (n == 0 || (top && (!it->u.tag.name || strcmp(top, it->u.tag.name) != 0))) {
        pp_warning(d, 0, 0, "internal: structure tag end \"%s\" does not match \"%s\"",
                   it->u.tag.name ? it->u.tag.name : "", top ? top : "(none)");
        return;
    }
    if (top) b->ops->tag_end(b->impl, top);
    g_ptr_array_remove_index(b->open_tags, n - 1);
}

static void close_tags(pp_backend *b, pp_diags *d)
{
    while (b->open_tags->len) {
        const char *top = g_ptr_array_index(b->open_tags, b->open_tags->len - 1);
        if (top) {
            pp_warning(d, 0, 0, "internal: structure tag \"%s\" left open", top);
            b->ops->tag_end(b->impl, top);
        }
        g_ptr_array_remove_index(b->open_tags, b->open_tags->len - 1);
    }
}

static void link(pp_backend *b, const pp_dl_item *it)
{
    if (!utf8_name(it->u.link.dest) ||
        !finite4(it->u.link.x, it->u.link.y, it->u.link.w, it->u.link.h))
        return;
    b->ops->link(b->impl, it);
    g_hash_table_add(b->links, g_strdup(it->u.link.dest));
}

static void dest(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    const char *name = it->u.dest.name;
    if (!utf8_name(name) || !finite4(it->u.dest.x, it->u.dest.y, 0, 0)) return;
    if (g_hash_table_contains(b->dests, name)) {
        pp_warning(d, 0, 0, "internal: destination \"%s\" defined twice", name);
        return;
    }
    b->ops->dest(b->impl, it);
    g_hash_table_add(b->dests, g_strdup(name));
}

static void structure(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    if (!b->structure) return;
    switch (it->kind) {
    case PP_DL_TAG_BEGIN: tag_begin(b, it, d); break;
    case PP_DL_TAG_END: tag_end(b, it, d); break;
    case PP_DL_LINK: link(b, it); break;
    case PP_DL_DEST: dest(b, it, d); break;
    default: break;
    }
}

/* ---- pages ---------------------------------------------------------------- */

static pp_status item(pp_backend *b, const pp_dl_item *it, pp_diags *d)
{
    switch (it->kind) {
    case PP_DL_TEXT: return text(b, it, d);
    case PP_DL_RECT: /* unpainted: only a box (a table cell's), nothing to draw */
        if (finite4(it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h) &&
            (it->u.rect.paint.fill || it->u.rect.paint.stroke))
            b->ops->rect(b->impl, it);
        return PP_OK;
    case PP_DL_LINE:
        if (finite4(it->u.line.x1, it->u.line.y1, it->u.line.x2, it->u.line.y2))
            b->ops->line(b->impl, it);
        return PP_OK;
    case PP_DL_PATH:
        if (path_ok(it)) b->ops->path(b->impl, it);
        return PP_OK;
    case PP_DL_IMAGE: return image(b, it, d);
    default: structure(b, it, d); return PP_OK;
    }
}

static pp_status page_items(pp_backend *b, const pp_page *p, pp_diags *d)
{
    /* A PDF counts as tagged only when its first tag groups the others
     * (Document, Part, Sect...): everything goes in one Document. */
    if (b->structure && !b->document_open) {
        b->ops->tag_begin(b->impl, "Document", NULL);
        b->document_open = true;
    }
    for (size_t i = 0; i < p->nitems; i++) {
        pp_status st = item(b, &p->items[i], d);
        if (st != PP_OK) return st;
    }
    return PP_OK;
}

pp_status pp_backend_page(pp_backend *b, const pp_page *p, pp_diags *d)
{
    if (b->failed || b->finished) return PP_ERR_ENV;
    pp_status st = b->ops->begin_page(b->impl, p, d);
    if (st == PP_OK) st = page_items(b, p, d);
    if (st == PP_OK) st = b->ops->end_page(b->impl, p, d);
    if (st != PP_OK) b->failed = true;
    return st;
}

/* ---- the end -------------------------------------------------------------- */

enum { MAX_DEPTH = 16 };

/* The entries whose destination exists, levels made consecutive. */
static pp_outline_entry *clean_outline(pp_backend *b, const pp_outline_entry *e, size_t n,
                                       size_t *kept, pp_diags *d)
{
    pp_outline_entry *out = calloc(n ? n : 1, sizeof *out);
    int depth = 0; /* level of the last entry kept */
    *kept = 0;
    for (size_t i = 0; out && i < n; i++) {
        if (!e[i].title || !e[i].dest) continue;
        if (!g_hash_table_contains(b->dests, e[i].dest)) {
            pp_warning(d, 0, 0, "outline entry \"%s\": no destination \"%s\" in the document",
                       e[i].title, e[i].dest);
            continue;
        }
        int level = e[i].level < 1 ? 1 : e[i].level;
        if (level > depth + 1) level = depth + 1;
        if (level > MAX_DEPTH) level = MAX_DEPTH;
        out[(*kept)++] = (pp_outline_entry){level, e[i].title, e[i].dest};
        depth = level;
    }
    return out;
}

/* Links whose destination never appeared would dangle. */
static void check_links(pp_backend *b, pp_diags *d)
{
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, b->links);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(b->dests, key))
            pp_warning(d, 0, 0, "link to \"%s\": no such destination in the document",
                       (const char *)key);
}

static pp_status finish_structure(pp_backend *b, const pp_outline_entry *outline, size_t n,
                                  pp_diags *d)
{
    size_t kept = 0;
    pp_outline_entry *ol = NULL;
    if (b->structure) {
        close_tags(b, d);
        if (b->document_open) b->ops->tag_end(b->impl, "Document");
        b->document_open = false;
        if (!(ol = clean_outline(b, outline, n, &kept, d))) {
            pp_error(d, 0, 0, "out of memory");
            return PP_ERR_ENV;
        }
        check_links(b, d);
    }
    pp_status st = b->ops->finish(b->impl, ol, kept, d);
    free(ol);
    return st;
}

/* Every file closed and amended: ready to be published. */
static pp_status prepare(pp_backend *b, pp_diags *d)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        pp_outfile *o = b->files[i];
        if (pp_outfile_close(o, d) != PP_OK) return PP_ERR_ENV;
        if (o->tmp && b->ops->amend && b->ops->amend(b->impl, o->tmp, o->path, d) != PP_OK)
            return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_backend_publish(pp_backend *b, pp_diags *d)
{
    if (!b->finished || b->failed) return PP_ERR_ENV;
    b->failed = true;
    for (size_t i = 0; i < b->nfiles; i++)
        if (pp_outfile_commit(b->files[i], d) != PP_OK) return PP_ERR_ENV;
    for (guint i = 0; i < b->obsolete->len; i++)
        if (pp_outfile_remove(g_ptr_array_index(b->obsolete, i), d) != PP_OK) return PP_ERR_ENV;
    b->failed = false;
    return PP_OK;
}

void pp_backend_obsolete(pp_backend *b, const char *path)
{
    g_ptr_array_add(b->obsolete, g_strdup(path));
}

pp_status pp_backend_finish(pp_backend *b, const pp_outline_entry *outline, size_t n,
                            pp_diags *d)
{
    if (b->failed || b->finished) return PP_ERR_ENV;
    b->failed = true; /* until everything below has worked */
    pp_status st = finish_structure(b, outline, n, d);
    if (st == PP_OK) st = prepare(b, d);
    if (st != PP_OK) return st;
    b->failed = false;
    b->finished = true;
    return PP_OK;
}

pp_status pp_render_page(pp_backend *const *backends, size_t nb, const pp_page *page,
                         pp_diags *d)
{
    for (size_t k = 0; k < nb; k++) {
        pp_status st = pp_backend_page(backends[k], page, d);
        if (st != PP_OK) return st;
    }
    return PP_OK;
}

pp_status pp_render_finish(pp_backend *const *backends, size_t nb,
                           const pp_outline_entry *outline, size_t noutline, pp_diags *d)
{
    /* All backends complete before any file is published: a PNG failure
     * must not leave a new PDF beside the old pages. */
    for (size_t k = 0; k < nb; k++) {
        pp_status st = pp_backend_finish(backends[k], outline, noutline, d);
        if (st != PP_OK) return st;
    }
    for (size_t k = 0; k < nb; k++) {
        pp_status st = pp_backend_publish(backends[k], d);
        if (st != PP_OK) return st;
    }
    return PP_OK;
}

pp_status pp_render_pages(pp_backend *const *backends, size_t nb, pp_page **pages,
                          size_t npages, const pp_outline_entry *outline, size_t noutline,
                          pp_diags *d)
{
    for (size_t i = 0; i < npages; i++) {
        pp_status st = pp_render_page(backends, nb, pages[i], d);
        if (st != PP_OK) return st;
        pp_page_free(pages[i]);
        pages[i] = NULL;
    }
    return pp_render_finish(backends, nb, outline, noutline, d);
}
