/* Text for the layout: fonts, colours and labels of the definition, and a
 * cache of shaped text. Tables repeat the same few strings thousands of
 * times ("100,00 %", "IN LINEA", "25,00 %"): each is shaped once per font,
 * width and alignment; and the second pass finds the longer texts the
 * first shaped, within a budget. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

const ly_font *ly_font_of(const ly_ctx *c, ly_font_role r) { return &c->lay->fonts[r]; }

pp_rgb ly_col(const ly_ctx *c, ly_colour k) { return c->lay->colours[k]; }

const char *ly_lbl(const ly_ctx *c, ly_label k) { return c->lay->labels[k]; }

/* ---- the cache ------------------------------------------------------------------ */

/* Short strings are kept for the whole document, whatever their number:
 * they repeat. Longer texts (an indicator's name, a paragraph) rarely
 * repeat within a pass, but the second pass lays out every one of them
 * again, at the same width (layout.h): keeping them saves shaping them
 * twice, within a budget of memory so that the cost stays flat with the
 * size of the document (past it, the rest is shaped twice, as before). */
#define CACHE_MAX_LEN 64
#define CACHE_MAX_SLOTS (1u << 18)
#define CACHE_LONG_BUDGET (32u << 20) /* bytes of long texts and their lines */

typedef struct {
    char *text; /* the key (cache_key); NULL: empty slot */
    int role, align;
    long width; /* hundredths of a point */
    pp_lines *lines;
} cache_slot;

struct ly_cache {
    cache_slot *slots;
    size_t nslots, used;
    size_t long_bytes; /* held by texts of CACHE_MAX_LEN bytes or more */
    char *key;         /* scratch: the key of a rich text */
    size_t key_cap;
};

bool ly_cache_new(ly_ctx *c)
{
    c->cache = calloc(1, sizeof *c->cache);
    if (!c->cache) return false;
    c->cache->nslots = 1024;
    c->cache->slots = calloc(c->cache->nslots, sizeof(cache_slot));
    if (!c->cache->slots) {
        free(c->cache);
        c->cache = NULL;
        return false;
    }
    return true;
}

void ly_cache_free(ly_ctx *c)
{
    if (!c->cache) return;
    for (size_t i = 0; i < c->cache->nslots; i++) {
        free(c->cache->slots[i].text);
        pp_lines_free(c->cache->slots[i].lines);
    }
    free(c->cache->slots);
    free(c->cache->key);
    free(c->cache);
    c->cache = NULL;
}

static uint32_t hash(const char *s, int role, long width, int align)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    h = (h ^ (uint32_t)role) * 16777619u;
    h = (h ^ (uint32_t)width) * 16777619u;
    return (h ^ (uint32_t)align) * 16777619u;
}

static cache_slot *lookup(ly_cache *k, const char *s, int role, long width, int align)
{
    size_t mask = k->nslots - 1;
    for (size_t i = hash(s, role, width, align) & mask;; i = (i + 1) & mask) {
        cache_slot *sl = &k->slots[i];
        if (!sl->text || (sl->role == role && sl->width == width && sl->align == align &&
                          strcmp(sl->text, s) == 0))
            return sl;
    }
}

/* Doubles the table (load factor kept under 1/2); false when it cannot. */
static bool grow(ly_cache *k)
{
    if (k->nslots * 2 > CACHE_MAX_SLOTS) return false;
    cache_slot *old = k->slots;
    size_t n = k->nslots;
    k->slots = calloc(n * 2, sizeof(cache_slot));
    if (!k->slots) {
        k->slots = old;
        return false;
    }
    k->nslots = n * 2;
    for (size_t i = 0; i < n; i++)
        if (old[i].text) *lookup(k, old[i].text, old[i].role, old[i].width, old[i].align) = old[i];
    free(old);
    return true;
}

/* The key of a rich text: plain text is its own key (what pp_text_shape
 * shapes it as); styled text its spans, each as a style digit, the text and
 * U+001F, a character XML text cannot hold. NULL when out of memory. */
static const char *rich_key(ly_cache *k, const pp_rich *text)
{
    if (text->nspans == 1 && text->spans[0].style == PP_SPAN_PLAIN)
        return text->spans[0].text ? text->spans[0].text : "";
    size_t n = 2;
    for (size_t i = 0; i < text->nspans; i++)
        n += 2 + (text->spans[i].text ? strlen(text->spans[i].text) : 0);
    if (!pp_grow(&k->key, &k->key_cap, n, 1, 256)) return NULL;
    char *p = k->key;
    *p++ = '\x1e';
    for (size_t i = 0; i < text->nspans; i++) {
        *p++ = (char)('0' + (text->spans[i].style & 7));
        const char *t = text->spans[i].text ? text->spans[i].text : "";
        size_t len = strlen(t);
        memcpy(p, t, len);
        p += len;
        *p++ = '\x1f';
    }
    *p = '\0';
    return k->key;
}

/* The cached lines of (key, role, width, align), shaping and keeping them
 * when there is room; *owned: the caller frees what it got. */
static pp_lines *cached(ly_ctx *c, const char *key, const pp_rich *text, ly_font_role r,
                        double width, pp_align align, bool *owned)
{
    const pp_font_spec *spec = &ly_font_of(c, r)->spec;
    ly_cache *k = c->cache;
    size_t len = key ? strlen(key) : 0;
    bool keep = k && key && (len < CACHE_MAX_LEN || k->long_bytes < CACHE_LONG_BUDGET) &&
                ((k->used + 1) * 2 <= k->nslots || grow(k));
    *owned = true;
    cache_slot *sl = NULL;
    long w = (long)(width * 100 + 0.5);
    if (keep) {
        sl = lookup(k, key, (int)r, w, (int)align);
        if (sl->text) {
            *owned = false;
            return sl->lines;
        }
    }
    pp_lines *l = pp_text_shape_rich(c->text, text, spec, width, align);
    if (!l) {
        c->oom = true;
        return NULL;
    }
    char *copy = keep ? strdup(key) : NULL;
    if (!copy) return l; /* not kept (or no memory to keep it): the caller's */
    *sl = (cache_slot){copy, (int)r, (int)align, w, l};
    k->used++;
    if (len >= CACHE_MAX_LEN) k->long_bytes += len + 1 + pp_lines_bytes(l);
    *owned = false;
    return l;
}

pp_lines *ly_shape(ly_ctx *c, const char *utf8, ly_font_role r, double width, pp_align align,
                   bool *owned)
{
    pp_span span = {.text = utf8 ? utf8 : "", .style = PP_SPAN_PLAIN};
    pp_rich rich = {.spans = &span, .nspans = 1};
    return cached(c, span.text, &rich, r, width, align, owned);
}

pp_lines *ly_shape_rich(ly_ctx *c, const pp_rich *text, ly_font_role r, double width,
                        pp_align align, bool *owned)
{
    const char *key = c->cache ? rich_key(c->cache, text) : NULL;
    return cached(c, key, text, r, width, align, owned);
}

/* ---- paragraphs ----------------------------------------------------------------------- */

static bool para(ly_ctx *c, pp_lines *l, ly_font_role r, double indent, const char *tag)
{
    if (!l) return false;
    const ly_font *f = ly_font_of(c, r);
    fl_gap(c, f->space_before);
    ly_para p = {.lines = l, .indent = indent, .color = f->color, .tag = tag};
    bool ok = fl_para(c, &p);
    if (ok) fl_gap(c, f->space_after);
    return ok;
}

bool ly_text_para(ly_ctx *c, const char *utf8, ly_font_role r, pp_align align, const char *tag)
{
    pp_lines *l = pp_text_shape(c->text, utf8, &ly_font_of(c, r)->spec, fl_width(c), align);
    if (!l) {
        c->oom = true;
        return false;
    }
    bool ok = para(c, l, r, 0, tag);
    pp_lines_free(l);
    return ok;
}

bool ly_rich_para(ly_ctx *c, const pp_rich *text, ly_font_role r, pp_align align, double indent,
                  const char *tag)
{
    bool owned;
    pp_lines *l = ly_shape_rich(c, text, r, fl_width(c) - indent, align, &owned);
    if (!l) return false;
    bool ok = para(c, l, r, indent, tag);
    if (owned) pp_lines_free(l);
    return ok;
}
