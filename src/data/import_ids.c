/* Ids and weights of the imported tree, once every row is read.
 *
 * Ids: the id column when given (it must be an NCName and unique); else
 * derived from the code ("i_" + the code with anything but letters,
 * digits, '.', '-', '_' as '_'); else from the position ("o_1_2_3": third
 * operational objective of the second strategic objective of the first
 * ambito). A derived id already taken gets "_2", "_3"...
 *
 * Weights: given for every child of a parent, or for none (then equal,
 * in hundredths that sum to exactly 100). */
#include "import_internal.h"

#include <stdio.h>
#include <string.h>

#define MAX_ID 200

static const char *prefix(pp_level l)
{
    return l == PP_LEVEL_AMBITO ? "a_" : l == PP_LEVEL_STRATEGICO ? "s_"
                                   : l == PP_LEVEL_OPERATIVO    ? "o_"
                                                                : "i_";
}

/* NCName, restricted to what a spreadsheet user types: a letter or '_'
 * first, then letters, digits, '.', '-', '_' (non-ASCII letters too). */
static bool ncname(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!*p || strlen(s) > MAX_ID || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
        return false;
    for (; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '-' || *p == '_' || *p >= 0x80))
            return false;
    return true;
}

typedef struct {
    importer *I;
    pp_strmap set; /* id -> its node */
} id_ctx;

static void claim(id_ctx *X, const char *id, inode *n)
{
    pp_strmap_slot *s = pp_strmap_put(&X->set, id);
    if (!s) {
        X->I->oom = true;
        return;
    }
    s->value = n;
    n->id = id;
}

static void explicit_ids(id_ctx *X, inode *n)
{
    for (inode *c = n->first; c; c = c->next) {
        const char *id = c->val[PP_F_ID];
        int col = im_col(X->I, c->level, PP_F_ID), row = c->vrow[PP_F_ID];
        if (id && !ncname(id)) {
            pp_error(X->I->d, row, col,
                     "%s: '%s' is not a valid id (a letter or '_' first, then letters, digits, "
                     "'.', '-', '_')", im_colname(X->I, col), id);
        } else if (id) {
            const inode *first = pp_strmap_get(&X->set, id);
            if (first)
                pp_error(X->I->d, row, col, "%s: id '%s' is already used at row %d",
                         im_colname(X->I, col), id, first->vrow[PP_F_ID]);
            else
                claim(X, id, c);
        }
        explicit_ids(X, c);
    }
}

/* "i_" + the code made an NCName; NULL when nothing of it is usable. */
static const char *from_code(importer *I, const inode *n)
{
    const char *code = n->val[PP_F_CODICE];
    if (!code) return NULL;
    char buf[MAX_ID];
    size_t o = snprintf(buf, sizeof buf, "%s", prefix(n->level));
    size_t start = o;
    for (const unsigned char *p = (const unsigned char *)code; *p && o < MAX_ID - 12; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_';
        if (ok) buf[o++] = (char)*p;
        else if (o > start && buf[o - 1] != '_') buf[o++] = '_';
    }
    while (o > start && buf[o - 1] == '_') o--;
    buf[o] = '\0';
    return o > start ? pp_arena_strdup(I->a, buf) : NULL;
}

static void derived_ids(id_ctx *X, inode *n, const char *path)
{
    size_t i = 0;
    for (inode *c = n->first; c; c = c->next) {
        const char *here = pp_arena_printf(X->I->a, "%s_%zu", path, ++i);
        if (!here) {
            X->I->oom = true;
            return;
        }
        if (!c->id) {
            const char *base = from_code(X->I, c);
            if (!base) base = pp_arena_printf(X->I->a, "%s%s", prefix(c->level), here + 1);
            const char *id = base;
            for (int k = 2; id && pp_strmap_get(&X->set, id); k++)
                id = pp_arena_printf(X->I->a, "%s_%d", base, k);
            if (!id) {
                X->I->oom = true;
                return;
            }
            claim(X, id, c);
        }
        derived_ids(X, c, here);
    }
}

/* ---- weights ------------------------------------------------------------------ */

static void objective_weight(importer *I, inode *c)
{
    const char *w = c->val[PP_F_PESO];
    c->wrow = c->vrow[PP_F_PESO] ? c->vrow[PP_F_PESO] : c->row;
    c->wcol = im_col(I, c->level, PP_F_PESO);
    c->weight_given = w != NULL;
    if (w) c->has_weight = im_number(I, w, c->wrow, c->wcol, &c->weight);
}

/* The children weighed together: all of them, or (kind 0 / 1) the
 * operational objectives / the indicators of a strategic objective whose
 * SMVP mixes the two (ComposizioneStrategica: each group sums to 100). */
static bool in_group(const inode *c, int kind)
{
    return kind < 0 || (c->level == PP_LEVEL_INDICATORE) == (kind == 1);
}

static void equal_weights(inode *n, int kind, size_t count)
{
    long cents = 10000 / (long)count, extra = 10000 % (long)count;
    for (inode *c = n->first; c; c = c->next) {
        if (!in_group(c, kind)) continue;
        long w = cents + (extra-- > 0);
        if (w % 100 == 0) snprintf(c->weight.text, sizeof c->weight.text, "%ld", w / 100);
        else snprintf(c->weight.text, sizeof c->weight.text, "%ld.%02ld", w / 100, w % 100);
        c->has_weight = true;
    }
}

static const char *kind_plural(pp_level l)
{
    return l == PP_LEVEL_AMBITO ? "ambiti" : l == PP_LEVEL_STRATEGICO ? "strategic objectives"
                                   : l == PP_LEVEL_OPERATIVO    ? "operational objectives"
                                                                : "indicators";
}

static void weigh_group(importer *I, inode *n, int kind)
{
    size_t given = 0, count = 0;
    for (inode *c = n->first; c; c = c->next) {
        if (!in_group(c, kind)) continue;
        if (c->level != PP_LEVEL_INDICATORE) objective_weight(I, c);
        given += c->weight_given;
        count++;
    }
    const char *who = n->level == PP_LEVEL_ENTE ? "the ente"
                      : n->val[PP_F_CODICE]     ? n->val[PP_F_CODICE]
                                                : n->val[PP_F_TITOLO];
    if (given == 0 && count > 0) equal_weights(n, kind, count);
    else if (given < count)
        for (inode *c = n->first; c; c = c->next)
            if (in_group(c, kind) && !c->weight_given)
                pp_error(I->d, c->wrow, c->wcol ? c->wcol : 1,
                         "no peso: give one to all the %s of '%s', or to none (equal weights)",
                         kind_plural(c->level), who ? who : "");
}

static void weights(importer *I, inode *n)
{
    bool ops = false, inds = false;
    for (inode *c = n->first; c; c = c->next) {
        ops |= c->level == PP_LEVEL_OPERATIVO;
        inds |= c->level == PP_LEVEL_INDICATORE;
    }
    if (n->level == PP_LEVEL_STRATEGICO && I->mix && ops && inds) {
        weigh_group(I, n, 0);
        weigh_group(I, n, 1);
    } else {
        weigh_group(I, n, -1);
    }
    for (inode *c = n->first; c; c = c->next) weights(I, c);
}

void im_finish(importer *I)
{
    id_ctx X = {I, {0}};
    if (!pp_strmap_init(&X.set, I->a, 4 * I->csv->nrows)) {
        I->oom = true;
        return;
    }
    explicit_ids(&X, &I->root);
    derived_ids(&X, &I->root, "");
    weights(I, &I->root);
}
