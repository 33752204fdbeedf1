/* Named destinations, links and the outline. libharu has no named
 * destinations: the destinations are remembered as pages are drawn, and
 * every link and outline entry gets an explicit destination (page, x, y)
 * once all pages exist, since a link may point forward (the INDICE). */
#include <stdlib.h>
#include <string.h>

#include "haru_internal.h"

/* No structure tree in this copy (libharu has none): tags are accepted so
 * that the generic layer hands over links and destinations. */
void pp_haru_tag_begin(void *impl, const char *name, const char *alt)
{
    (void)impl, (void)name, (void)alt;
}

void pp_haru_tag_end(void *impl, const char *name) { (void)impl, (void)name; }

void pp_haru_dest(void *impl, const pp_dl_item *it)
{
    haru_backend *b = impl;
    haru_dest *dst = g_new(haru_dest, 1);
    *dst = (haru_dest){b->pages->len - 1, it->u.dest.x, it->u.dest.y};
    g_hash_table_replace(b->dests, g_strdup(it->u.dest.name), dst);
}

void pp_haru_link(void *impl, const pp_dl_item *it)
{
    haru_backend *b = impl;
    haru_link l = {g_strdup(it->u.link.dest), b->pages->len - 1, it->u.link.x, it->u.link.y,
                   it->u.link.w, it->u.link.h};
    g_array_append_val(b->links, l);
}

/* A text string for PDF (outline titles, the information dictionary):
 * UTF-16BE with its byte order mark, written by libharu as a binary
 * string (and encrypted like any string when the copy is protected). */
HPDF_Binary haru_text_string(haru_backend *b, const char *utf8)
{
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(utf8 ? utf8 : "", -1, NULL, &n, NULL);
    if (!u) u = g_utf8_to_utf16("", -1, NULL, &n, NULL);
    size_t len = 2 + 2 * (size_t)n;
    HPDF_BYTE *bytes = malloc(len);
    HPDF_Binary s = NULL;
    if (bytes && u) {
        bytes[0] = 0xFE, bytes[1] = 0xFF;
        for (glong i = 0; i < n; i++) {
            bytes[2 + 2 * i] = (HPDF_BYTE)(u[i] >> 8);
            bytes[3 + 2 * i] = (HPDF_BYTE)(u[i] & 0xFF);
        }
        s = HPDF_Binary_New(b->pdf->mmgr, bytes, (HPDF_UINT)len);
    }
    free(bytes);
    g_free(u);
    return s;
}

/* [page /XYZ left top null]: the place, at the zoom the reader has
 * (libharu's SetXYZ insists on a zoom of its own). */
static HPDF_Destination destination(haru_backend *b, const char *name)
{
    const haru_dest *t = g_hash_table_lookup(b->dests, name);
    if (!t || t->page >= b->pages->len) return NULL;
    HPDF_Page page = g_ptr_array_index(b->pages, t->page);
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    if (!dst) return NULL;
    double h = HPDF_Page_GetHeight(page);
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, page);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddReal(dst, (HPDF_REAL)t->x);
    HPDF_Array_AddReal(dst, (HPDF_REAL)(h - t->y));
    HPDF_Array_Add(dst, HPDF_Null_New(b->pdf->mmgr));
    return dst;
}

static void write_links(haru_backend *b)
{
    for (guint i = 0; i < b->links->len && !b->error; i++) {
        const haru_link *l = &g_array_index(b->links, haru_link, i);
        HPDF_Destination dst = destination(b, l->dest);
        if (!dst || l->page >= b->pages->len) continue; /* warned about by the generic layer */
        HPDF_Page page = g_ptr_array_index(b->pages, l->page);
        double h = HPDF_Page_GetHeight(page);
        HPDF_Rect r = {(HPDF_REAL)l->x, (HPDF_REAL)(h - l->y - l->h), (HPDF_REAL)(l->x + l->w),
                       (HPDF_REAL)(h - l->y)};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(page, r, dst);
        if (!a) continue;
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        HPDF_Dict_AddNumber(a, "F", 4); /* printed, as PDF/A asks of every annotation */
    }
}

/* Entries arrive checked: destinations exist, levels never jump. */
static void write_outline(haru_backend *b, const pp_outline_entry *e, size_t n)
{
    HPDF_Outline parents[32] = {NULL};
    for (size_t i = 0; i < n && !b->error; i++) {
        int level = e[i].level < 31 ? (e[i].level > 0 ? e[i].level : 1) : 31;
        HPDF_Outline o = HPDF_CreateOutline(b->pdf, parents[level - 1], "", NULL);
        if (!o) return;
        HPDF_Binary title = haru_text_string(b, e[i].title);
        if (title) HPDF_Dict_Add(o, "Title", title);
        HPDF_Destination dst = destination(b, e[i].dest);
        if (dst) HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, level == 1);
        parents[level] = o;
        for (int k = level + 1; k < 32; k++) parents[k] = NULL;
    }
}

/* Page labels, as ranges: a new one wherever the style changes or the
 * numbers do not follow on. None when every page is its own number. */
static void write_labels(haru_backend *b)
{
    const int *l = (const int *)b->labels->data;
    size_t n = b->labels->len;
    bool plain = true;
    for (size_t i = 0; i < n && plain; i++) plain = l[i] == (int)i + 1;
    for (size_t i = 0; i < n && !plain; i++) {
        bool roman = l[i] < 0;
        int num = roman ? -l[i] : l[i];
        if (i > 0 && (l[i - 1] < 0) == roman && (roman ? -l[i - 1] : l[i - 1]) + 1 == num)
            continue;
        HPDF_AddPageLabel(b->pdf, (HPDF_UINT)i,
                          roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL,
                          (HPDF_UINT)num, NULL);
    }
}

pp_status haru_write_navigation(haru_backend *b, const pp_outline_entry *outline, size_t n,
                                pp_diags *d)
{
    write_labels(b);
    write_links(b);
    write_outline(b, outline, n);
    if (n) HPDF_SetPageMode(b->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    return haru_check(b, "the outline and links", d);
}
