/* Text for the layout: fonts, colours and labels of the definition, and a
 * cache of shaped short strings. Tables repeat the same few strings
 * thousands of times ("100,00 %", "IN LINEA", "25,00 %"): each is shaped
 * once per font, width and alignment. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

const ly_font *ly_font_of(const ly_ctx *c, ly_font_role r) { return &c->lay->fonts[r]; }

pp_rgb ly_col(const ly_ctx *c, ly_colour k) { return c->lay->colours[k]; }

const char *ly_lbl(const ly_ctx *c, ly_label k) { return c->lay->labels[k]; }

/* ---- the cache ------------------------------------------------------------------ */

#define CACHE_MAX_LEN 64
#define CACHE_MAX_SLOTS (1u << 16)

typedef struct {
    char *text; /* NULL: empty slot */
    int role, align;
    long width; /* hundredths of a point */
    pp_lines *lines;
} cache_slot;

struct ly_cache {
    cache_slot *slots;
    size_t nslots, used;
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

pp_lines *ly_shape(ly_ctx *c, const char *utf8, ly_font_role r, double width, pp_align align,
                   bool *owned)
{
    const pp_font_spec *spec = &ly_font_of(c, r)->spec;
    ly_cache *k = c->cache;
    *owned = true;
    if (!k || strlen(utf8) >= CACHE_MAX_LEN || ((k->used + 1) * 2 > k->nslots && !grow(k))) {
        pp_lines *l = pp_text_shape(c->text, utf8, spec, width, align);
        if (!l) c->oom = true;
        return l;
    }
    long w = (long)(width * 100 + 0.5);
    cache_slot *sl = lookup(k, utf8, (int)r, w, (int)align);
    if (sl->text) {
        *owned = false;
        return sl->lines;
    }
    pp_lines *l = pp_text_shape(c->text, utf8, spec, width, align);
    char *copy = strdup(utf8);
    if (!l || !copy) {
        pp_lines_free(l);
        free(copy);
        c->oom = true;
        return NULL;
    }
    *sl = (cache_slot){copy, (int)r, (int)align, w, l};
    k->used++;
    *owned = false;
    return l;
}

pp_lines *ly_shape_rich(ly_ctx *c, const pp_rich *text, ly_font_role r, double width,
                        pp_align align)
{
    pp_lines *l = pp_text_shape_rich(c->text, text, &ly_font_of(c, r)->spec, width, align);
    if (!l) c->oom = true;
    return l;
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
    pp_lines *l = ly_shape_rich(c, text, r, fl_width(c) - indent, align);
    if (!l) return false;
    bool ok = para(c, l, r, indent, tag);
    pp_lines_free(l);
    return ok;
}
