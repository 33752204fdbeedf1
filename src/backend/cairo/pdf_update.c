/* Incremental update of a finished PDF: see pdf_update.h.
 *
 * The parser is deliberately small: it reads the last trailer, finds the
 * catalog through the classic xref table and copies the catalog's
 * dictionary text, which is what cairo writes. Anything unexpected makes it
 * give up with an error rather than guess. */
#include "pdf_update.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

typedef struct {
    const char *b;
    size_t n;
} pdf_buf;

typedef struct {
    long num;
    int gen;
} pdf_ref;

static bool is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
    return is_ws(c) || strchr("()<>[]{}/%", c) != NULL;
}

static size_t skip_ws(pdf_buf f, size_t i)
{
    while (i < f.n && is_ws(f.b[i]))
        i++;
    return i;
}

/* A non-negative integer at i; advances i. */
static bool read_int(pdf_buf f, size_t *i, long *v)
{
    size_t k = *i;
    long x = 0;
    while (k < f.n && f.b[k] >= '0' && f.b[k] <= '9' && k - *i < 12)
        x = x * 10 + (f.b[k++] - '0');
    if (k == *i)
        return false;
    *v = x;
    *i = k;
    return true;
}

static bool starts(pdf_buf f, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i + n <= f.n && memcmp(f.b + i, s, n) == 0;
}

/* Offset of the last xref section, from the final "startxref". */
static bool last_xref(pdf_buf f, long *xref)
{
    size_t from = f.n > 1024 ? f.n - 1024 : 0;
    for (size_t i = f.n; i-- > from;) {
        if (starts(f, i, "startxref")) {
            size_t k = skip_ws(f, i + 9);
            return read_int(f, &k, xref) && (size_t)*xref < f.n;
        }
    }
    return false;
}

/* Index just past the dictionary or array that opens at i ("<<" or "["),
 * skipping strings; 0 when unbalanced. */
static size_t skip_object(pdf_buf f, size_t i)
{
    int depth = 0;
    while (i < f.n) {
        char c = f.b[i];
        if (c == '(') {
            int nest = 0;
            for (; i < f.n; i++) {
                if (f.b[i] == '\\')
                    i++;
                else if (f.b[i] == '(')
                    nest++;
                else if (f.b[i] == ')' && --nest == 0)
                    break;
            }
            i++;
        } else if (starts(f, i, "<<") || c == '[') {
            depth++;
            i += c == '[' ? 1 : 2;
        } else if (starts(f, i, ">>") || c == ']') {
            i += c == ']' ? 1 : 2;
            if (--depth == 0)
                return i;
        } else if (c == '<') { /* hex string */
            while (i < f.n && f.b[i] != '>')
                i++;
            i++;
        } else {
            i++;
        }
    }
    return 0;
}

/* Where `key` (e.g. "/Root") starts as a whole name inside [from, to). */
static size_t find_key(pdf_buf f, size_t from, size_t to, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = from; i + n < to; i++)
        if (memcmp(f.b + i, key, n) == 0 && is_delim(f.b[i + n]))
            return i;
    return 0;
}

/* "num gen R" after key in the dictionary [from, to). */
static bool dict_ref(pdf_buf f, size_t from, size_t to, const char *key, pdf_ref *r)
{
    size_t i = find_key(f, from, to, key);
    long gen;
    if (!i)
        return false;
    i = skip_ws(f, i + strlen(key));
    if (!read_int(f, &i, &r->num))
        return false;
    i = skip_ws(f, i);
    if (!read_int(f, &i, &gen) || gen > 65535)
        return false;
    r->gen = (int)gen;
    i = skip_ws(f, i);
    return i < to && f.b[i] == 'R';
}

typedef void (*xref_fn)(pdf_buf f, pdf_ref r, long off, void *ctx);

/* Calls fn for every object in use of the xref table at xref; *trailer is
 * set to where the "trailer" keyword follows the table. */
static bool xref_each(pdf_buf f, size_t xref, xref_fn fn, void *ctx, size_t *trailer)
{
    if (!starts(f, xref, "xref"))
        return false; /* xref streams: not written by cairo 1.16 */
    size_t i = xref + 4;
    for (;;) {
        long start, count;
        i = skip_ws(f, i);
        if (starts(f, i, "trailer")) {
            *trailer = i;
            return true;
        }
        if (!read_int(f, &i, &start) || !(i = skip_ws(f, i), read_int(f, &i, &count)))
            return false;
        while (i < f.n && f.b[i] != '\n' && f.b[i] != '\r') /* rest of the line */
            i++;
        if (i < f.n && f.b[i] == '\r')
            i++;
        if (i < f.n && f.b[i] == '\n')
            i++;
        if (count < 0 || (size_t)count > (f.n - i) / 20)
            return false;
        for (long k = 0; k < count; k++) { /* entries are 20 bytes each */
            size_t e = i + (size_t)k * 20, p = e;
            long off, gen;
            if (f.b[e + 17] == 'n' && read_int(f, &p, &off) &&
                (p = skip_ws(f, p), read_int(f, &p, &gen)) && (size_t)off < f.n && gen <= 65535)
                fn(f, (pdf_ref){start + k, (int)gen}, off, ctx);
        }
        i += (size_t)count * 20;
    }
}

typedef struct {
    pdf_ref want;
    long off; /* -1: not found */
} lookup_ctx;

static void lookup_fn(pdf_buf f, pdf_ref r, long off, void *ctx)
{
    lookup_ctx *l = ctx;
    (void)f;
    if (r.num == l->want.num && r.gen == l->want.gen)
        l->off = off;
}

/* The dictionary text of object r (between its "<<" and ">>"). */
static bool object_dict(pdf_buf f, long off, pdf_ref r, size_t *from, size_t *to)
{
    size_t i = (size_t)off;
    long num, gen;
    if (!read_int(f, &i, &num) || num != r.num)
        return false;
    i = skip_ws(f, i);
    if (!read_int(f, &i, &gen) || gen != r.gen)
        return false;
    i = skip_ws(f, i);
    if (!starts(f, i, "obj"))
        return false;
    i = skip_ws(f, i + 3);
    if (!starts(f, i, "<<"))
        return false;
    size_t end = skip_object(f, i);
    if (!end)
        return false;
    *from = i + 2;
    *to = end - 2;
    return true;
}

/* An object whose new version the update writes: its dictionary body
 * [from, to) and what to add at the end of it. */
typedef struct {
    pdf_ref ref;
    size_t from, to;
    const char *alt; /* Figure: alternative text */
} pdf_obj;

typedef struct {
    long xref, size;
    pdf_ref root, info;
    bool has_info;
    pdf_obj catalog;
    size_t id_from, id_to; /* the trailer's /ID array, if any (id_to 0: none) */
    GArray *figures;       /* pdf_obj of the Figure structure elements */
} pdf_tail;

/* True when the dictionary [from, to) has key followed by the name value. */
static bool has_name(pdf_buf f, size_t from, size_t to, const char *key, const char *value)
{
    size_t i = find_key(f, from, to, key);
    if (!i)
        return false;
    i = skip_ws(f, i + strlen(key));
    size_t n = strlen(value);
    return i + n < to && memcmp(f.b + i, value, n) == 0 && is_delim(f.b[i + n]);
}

static void figure_fn(pdf_buf f, pdf_ref r, long off, void *ctx)
{
    pdf_obj o = {.ref = r};
    if (object_dict(f, off, r, &o.from, &o.to) &&
        has_name(f, o.from, o.to, "/Type", "/StructElem") &&
        has_name(f, o.from, o.to, "/S", "/Figure"))
        g_array_append_val((GArray *)ctx, o);
}

static bool parse_tail(pdf_buf f, pdf_tail *t)
{
    size_t tr = 0, tfrom, tto;
    GArray *figures = t->figures;
    *t = (pdf_tail){.figures = figures};
    if (!last_xref(f, &t->xref))
        return false;
    /* All the Figure elements, in object order (the order cairo numbers
     * them: the order their tags began); this also finds the trailer. */
    if (!xref_each(f, (size_t)t->xref, figure_fn, t->figures, &tr))
        return false;
    tfrom = skip_ws(f, tr + 7);
    if (!starts(f, tfrom, "<<") || !(tto = skip_object(f, tfrom)))
        return false;
    size_t k = find_key(f, tfrom, tto, "/Size");
    if (!k || (k = skip_ws(f, k + 5), !read_int(f, &k, &t->size)))
        return false;
    if (!dict_ref(f, tfrom, tto, "/Root", &t->root))
        return false;
    t->has_info = dict_ref(f, tfrom, tto, "/Info", &t->info);
    if ((k = find_key(f, tfrom, tto, "/ID"))) {
        t->id_from = skip_ws(f, k + 3);
        t->id_to = skip_object(f, t->id_from);
    }
    lookup_ctx l = {t->root, -1};
    xref_each(f, (size_t)t->xref, lookup_fn, &l, &tr);
    t->catalog.ref = t->root;
    return l.off >= 0 && object_dict(f, l.off, t->root, &t->catalog.from, &t->catalog.to);
}

static bool valid_lang(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return false;
    for (const char *p = lang; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return false;
    return true;
}

typedef struct {
    pdf_ref ref;
    size_t off;
} xref_entry;

static int cmp_entries(const void *a, const void *b)
{
    long x = ((const xref_entry *)a)->ref.num, y = ((const xref_entry *)b)->ref.num;
    return (x > y) - (x < y);
}

/* A new version of o: its old body plus `extra`. */
static void write_obj(GString *s, pdf_buf f, const pdf_obj *o, const char *extra, GArray *xref)
{
    xref_entry e = {o->ref, f.n + s->len};
    g_array_append_val(xref, e);
    g_string_append_printf(s, "%ld %d obj\n<<", o->ref.num, o->ref.gen);
    g_string_append_len(s, f.b + o->from, (gssize)(o->to - o->from));
    g_string_append_printf(s, "%s>>\nendobj\n", extra);
}

static void write_catalog(GString *s, pdf_buf f, const pdf_tail *t, const char *lang,
                          GArray *xref)
{
    GString *extra = g_string_new(NULL);
    if (valid_lang(lang) && !find_key(f, t->catalog.from, t->catalog.to, "/Lang"))
        g_string_append_printf(extra, "   /Lang (%s)\n", lang);
    if (!find_key(f, t->catalog.from, t->catalog.to, "/ViewerPreferences"))
        g_string_append(extra, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
    write_obj(s, f, &t->catalog, extra->str, xref);
    g_string_free(extra, TRUE);
}

static void write_figures(GString *s, pdf_buf f, const pdf_tail *t, GArray *xref)
{
    for (guint i = 0; i < t->figures->len; i++) {
        const pdf_obj *o = &g_array_index(t->figures, pdf_obj, i);
        if (!o->alt || !*o->alt || find_key(f, o->from, o->to, "/Alt"))
            continue;
        char *alt = pp_pdf_text_string(o->alt);
        char *extra = g_strdup_printf("   /Alt %s\n", alt);
        write_obj(s, f, o, extra, xref);
        g_free(extra);
        g_free(alt);
    }
}

static void write_trailer(GString *s, pdf_buf f, const pdf_tail *t, GArray *xref,
                          pdf_ref info, bool new_info)
{
    size_t xref_off = f.n + s->len;
    g_array_sort(xref, cmp_entries);
    g_string_append(s, "xref\n");
    for (guint i = 0; i < xref->len; i++) {
        const xref_entry *e = &g_array_index(xref, xref_entry, i);
        g_string_append_printf(s, "%ld 1\n%010zu %05d n \n", e->ref.num, e->off, e->ref.gen);
    }
    g_string_append_printf(s, "trailer\n<< /Size %ld\n   /Root %ld %d R\n",
                           new_info ? t->size + 1 : t->size, t->root.num, t->root.gen);
    if (info.num > 0)
        g_string_append_printf(s, "   /Info %ld %d R\n", info.num, info.gen);
    if (t->id_to > t->id_from) {
        g_string_append(s, "   /ID ");
        g_string_append_len(s, f.b + t->id_from, (gssize)(t->id_to - t->id_from));
        g_string_append_c(s, '\n');
    }
    g_string_append_printf(s, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", t->xref, xref_off);
}

/* The bytes to append: the new objects, their xref section, the trailer. */
static GString *compose(pdf_buf f, const pdf_tail *t, const pp_pdf_fixes *fx)
{
    GString *s = g_string_new(f.n && f.b[f.n - 1] != '\n' ? "\n" : "");
    GArray *xref = g_array_new(FALSE, FALSE, sizeof(xref_entry));
    write_catalog(s, f, t, fx->lang, xref);
    write_figures(s, f, t, xref);
    pdf_ref info = t->has_info ? t->info : (pdf_ref){0, 0};
    bool new_info = fx->info && !t->has_info;
    if (fx->info) {
        if (new_info)
            info = (pdf_ref){t->size, 0};
        xref_entry e = {info, f.n + s->len};
        g_array_append_val(xref, e);
        g_string_append_printf(s, "%ld %d obj\n%s\nendobj\n", info.num, info.gen, fx->info);
    }
    write_trailer(s, f, t, xref, info, new_info);
    g_array_free(xref, TRUE);
    return s;
}

/* Pairs the Figure elements found with the alternative texts given. */
static void match_figures(pdf_tail *t, const pp_pdf_fixes *fx, const char *path, pp_diags *d)
{
    size_t with_alt = 0;
    for (size_t i = 0; i < fx->nfigures; i++)
        with_alt += fx->figure_alt[i] && *fx->figure_alt[i];
    if (with_alt == 0)
        return;
    if (t->figures->len != fx->nfigures) {
        pp_warning(d, 0, 0, "%s: %u figures in the file, %zu drawn: alternative texts not set",
                   path, t->figures->len, fx->nfigures);
        return;
    }
    for (size_t i = 0; i < fx->nfigures; i++)
        g_array_index(t->figures, pdf_obj, i).alt = fx->figure_alt[i];
}

static pp_status append_file(const char *path, const GString *s, pp_diags *d)
{
    FILE *fp = fopen(path, "ab");
    int err = 0;
    if (!fp)
        err = errno;
    else {
        if (fwrite(s->str, 1, s->len, fp) != s->len || fflush(fp) != 0)
            err = errno ? errno : EIO;
        if (!err && fsync(fileno(fp)) != 0)
            err = errno;
        if (fclose(fp) != 0 && !err)
            err = errno ? errno : EIO;
    }
    if (err) {
        pp_error(d, 0, 0, "cannot write %s: %s", path, strerror(err));
        return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_pdf_update(const char *path, const pp_pdf_fixes *fx, pp_diags *d)
{
    gchar *data = NULL;
    gsize n = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &n, &err)) {
        pp_error(d, 0, 0, "cannot read back %s: %s", path, err->message);
        g_error_free(err);
        return PP_ERR_ENV;
    }
    pdf_buf f = {data, n};
    pdf_tail t = {.figures = g_array_new(FALSE, FALSE, sizeof(pdf_obj))};
    pp_status st = PP_ERR_ENV;
    if (!parse_tail(f, &t)) {
        pp_error(d, 0, 0, "internal error: cannot find the catalog of %s to set its language",
                 path);
    } else {
        match_figures(&t, fx, path, d);
        GString *s = compose(f, &t, fx);
        st = append_file(path, s, d);
        g_string_free(s, TRUE);
    }
    g_array_free(t.figures, TRUE);
    g_free(data);
    return st;
}

char *pp_pdf_text_string(const char *utf8)
{
    char *valid = g_utf8_make_valid(utf8 ? utf8 : "", -1);
    bool ascii = true;
    for (const char *p = valid; *p; p++)
        if (*p < 0x20 || *p > 0x7e)
            ascii = false;
    GString *s = g_string_new(NULL);
    if (ascii) {
        g_string_append_c(s, '(');
        for (const char *p = valid; *p; p++) {
            if (*p == '(' || *p == ')' || *p == '\\')
                g_string_append_c(s, '\\');
            g_string_append_c(s, *p);
        }
        g_string_append_c(s, ')');
    } else {
        glong n = 0;
        gunichar2 *u = g_utf8_to_utf16(valid, -1, NULL, &n, NULL);
        g_string_append(s, "<FEFF");
        for (glong i = 0; u && i < n; i++)
            g_string_append_printf(s, "%04X", (unsigned)u[i]);
        g_string_append_c(s, '>');
        g_free(u);
    }
    g_free(valid);
    return g_string_free(s, FALSE);
}
