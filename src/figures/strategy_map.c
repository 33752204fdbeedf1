/* The strategy map's arrangement: which bands (perspectives), which box
 * goes in which band, and the columns, font size and lines per box that
 * make the whole fit the room the layout gives. Drawing is in
 * strategy_draw.c. */
#include "fig_strategy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Top to bottom as the seed's map (004, section 2.3) and the BSC of public
 * bodies read: the users / businesses / territory the administration
 * serves on top (its outcome), the internal processes that serve them,
 * learning and growth that sustain the processes, and the
 * economic-financial balance at the base that makes everything possible.
 * Objectives without a perspective get a band of their own at the bottom,
 * so that every strategic objective (and every link) is on the map. */
const char *const sm_perspective_names[SM_NPERSP] = {
    "Utenti-imprese-territorio", "Processi interni", "Apprendimento e crescita",
    "Economico-finanziaria", "Senza prospettiva"};

pp_rgb sm_area_colour(size_t i)
{
    /* Light tints, so the black text on them reads; the legend names them. */
    static const pp_rgb tints[] = {
        {0.86, 0.91, 0.96}, {0.98, 0.89, 0.78}, {0.87, 0.94, 0.85}, {0.92, 0.86, 0.94},
        {0.97, 0.85, 0.86}, {1.00, 0.95, 0.76}, {0.84, 0.94, 0.93}, {0.90, 0.88, 0.84}};
    return tints[i % (sizeof tints / sizeof tints[0])];
}

#define SM_MAX_BOX_W 150.0 /* wider boxes only make long flat lines */
#define SM_MIN_BOX_W 58.0
#define SM_MIN_FONT 5.5
#define SM_MAX_LINES 6
/* More strategic objectives than a page can show in boxes of one line
 * (rows of at most 7 boxes, 12 points high, on an A4 page): not arranged
 * at all, which keeps a document of thousands of objectives linear. */
#define SM_MAX_OBJECTIVES 300

static int rank_of(const char *name)
{
    for (int i = 0; name && i < SM_NPERSP - 1; i++)
        if (strcmp(name, sm_perspective_names[i]) == 0) return i;
    return -1;
}

static int first_rank(const pp_node *n)
{
    if (!n->has_class || n->cls.nperspectives == 0) return -1;
    return rank_of(n->cls.perspectives[0]);
}

size_t pp_strategy_map_objectives(const pp_doc *doc)
{
    size_t count = 0;
    const pp_node *root = doc ? doc->root : NULL;
    for (size_t a = 0; root && a < root->nchildren; a++)
        for (size_t s = 0; s < root->children[a]->nchildren; s++) {
            const pp_node *so = root->children[a]->children[s];
            if (so->level == PP_LEVEL_STRATEGICO && first_rank(so) >= 0) count++;
        }
    return count;
}

/* ---- the objectives ----------------------------------------------------------- */

/* "anche: Economico-finanziaria": what the box's place does not say: a
 * second perspective not next to the first, or next to it when the row
 * across that line is full. False when out of memory. */
static bool also(sm_box *b, const pp_class *k)
{
    free(b->also_text);
    b->also_text = NULL;
    size_t len = 0;
    for (size_t j = 1; j < k->nperspectives; j++) len += strlen(k->perspectives[j]) + 2;
    if (len == 0) return true;
    char *s = malloc(len + 16);
    if (!s) return false;
    strcpy(s, "anche: ");
    bool any = false;
    for (size_t j = 1; j < k->nperspectives; j++) {
        int r = rank_of(k->perspectives[j]);
        if (r == b->persp || (r == b->other && b->band2 != b->band)) continue;
        if (any) strcat(s, ", ");
        strcat(s, k->perspectives[j]);
        any = true;
    }
    if (any) b->also_text = s;
    else free(s);
    return true;
}

static bool gather(pp_strategy_map *sm, const pp_doc *doc)
{
    const pp_node *root = doc->root;
    size_t n = 0;
    for (size_t a = 0; root && a < root->nchildren; a++)
        for (size_t s = 0; s < root->children[a]->nchildren; s++)
            n += root->children[a]->children[s]->level == PP_LEVEL_STRATEGICO;
    size_t na = root ? root->nchildren : 0;
    sm->boxes = calloc(n ? n : 1, sizeof *sm->boxes);
    sm->areas = calloc(na ? na : 1, sizeof *sm->areas);
    sm->legend = calloc(na ? na : 1, sizeof *sm->legend);
    if (!sm->boxes || !sm->areas || !sm->legend) return false;
    bool used[SM_NPERSP] = {false};
    for (size_t a = 0; a < na; a++) {
        const pp_node *area = root->children[a];
        bool any = false;
        for (size_t s = 0; s < area->nchildren; s++) {
            const pp_node *so = area->children[s];
            if (so->level != PP_LEVEL_STRATEGICO) continue;
            int r = first_rank(so);
            sm_box *b = &sm->boxes[sm->nboxes++];
            *b = (sm_box){.n = so, .persp = r >= 0 ? r : SM_NPERSP - 1, .other = -1,
                          .area = sm->nareas};
            used[b->persp] = any = true;
        }
        if (any) sm->areas[sm->nareas++] = area;
    }
    int band_of[SM_NPERSP];
    for (int i = 0; i < SM_NPERSP; i++) {
        band_of[i] = used[i] ? (int)sm->nbands : -1;
        if (used[i]) sm->bands[sm->nbands++] = (sm_band){.persp = i};
    }
    /* A second perspective spans when its band is next to the first's. A
     * perspective not next to it (Utenti and Economico-finanziaria, the
     * ends of the order) cannot be drawn as one box: the box stays in its
     * first perspective, as the document lists it first. */
    for (size_t i = 0; i < sm->nboxes; i++) {
        sm_box *b = &sm->boxes[i];
        const pp_class *k = &b->n->cls;
        for (size_t j = 1; b->persp < SM_NPERSP - 1 && j < k->nperspectives; j++) {
            int r = rank_of(k->perspectives[j]);
            if (r >= 0 && band_of[r] >= 0 && abs(band_of[r] - band_of[b->persp]) == 1) {
                b->other = r;
                break;
            }
        }
        b->home = b->band = b->band2 = band_of[b->persp];
        b->other_band = b->other >= 0 ? band_of[b->other] : -1;
    }
    return true;
}

/* ---- text --------------------------------------------------------------------- */

static bool shape_labels(pp_strategy_map *sm, double legend_col_w)
{
    pp_font_spec bold = fig_font(&sm->style.label, sm->style.label.size, true);
    pp_font_spec plain = fig_font(&sm->style.label, fmin(sm->style.label.size, 7.5), false);
    for (size_t i = 0; i < sm->nbands; i++) {
        sm->bands[i].label = fig_shape_clamped(sm->t, &bold, NULL,
                                               sm_perspective_names[sm->bands[i].persp],
                                               sm->strip_w - 2 * SM_PAD, PP_ALIGN_CENTER, 4);
        if (!sm->bands[i].label) return false;
    }
    for (size_t i = 0; i < sm->nareas; i++) {
        const pp_node *a = sm->areas[i];
        char *code = a->code ? malloc(strlen(a->code) + sizeof " \xE2\x80\x93 ") : NULL;
        if (a->code && !code) return false;
        if (code) sprintf(code, "%s \xE2\x80\x93 ", a->code); /* "1 – " */
        sm->legend[i] = fig_shape_clamped(sm->t, &plain, code, a->title ? a->title : "",
                                          legend_col_w - SM_SWATCH - 4, PP_ALIGN_LEFT, 2);
        free(code);
        if (!sm->legend[i]) return false;
    }
    return true;
}

/* Each box's text cut to max_lines. whole: stops (with *cut set) at the
 * first title that needs more lines than max_lines - 1, since that try
 * is lost anyway (the others keep older texts: a try that fails is never
 * drawn). False when out of memory. */
static bool shape_boxes(pp_strategy_map *sm, double size, double width, size_t max_lines,
                        bool whole, bool *cut)
{
    *cut = false;
    pp_font_spec f = fig_font(&sm->style.label, size, false), also_font = f;
    also_font.italic = true;
    for (size_t i = 0; i < sm->nboxes; i++) {
        sm_box *b = &sm->boxes[i];
        pp_lines_free(b->text);
        const char *code = b->n->code;
        char *bold = code ? malloc(strlen(code) + 2) : NULL;
        if (code && !bold) return false;
        if (bold) sprintf(bold, "%s ", code);
        b->text = fig_shape_clamped(sm->t, &f, bold, b->n->title ? b->n->title : "", width,
                                    PP_ALIGN_LEFT, max_lines);
        free(bold);
        if (!b->text) return false;
        if (whole && pp_lines_count(b->text) >= max_lines) {
            *cut = true;
            return true;
        }
        pp_lines_free(b->also);
        b->also = NULL;
        if (b->also_text &&
            !(b->also = fig_shape_clamped(sm->t, &also_font, NULL, b->also_text, width,
                                          PP_ALIGN_LEFT, 2)))
            return false;
    }
    return true;
}

/* ---- the arrangement ------------------------------------------------------------ */

/* Which boxes go across two bands: the objectives across one line share
 * one row of at most `cols`; those beyond stay in their first band and
 * name the other perspective in the box. False when out of memory. */
static bool assign(pp_strategy_map *sm, size_t cols)
{
    size_t across[SM_NPERSP] = {0};
    for (size_t i = 0; i < sm->nboxes; i++) {
        sm_box *b = &sm->boxes[i];
        int lo = b->other_band >= 0 && b->other_band < b->home ? b->other_band : b->home;
        b->band = b->band2 = b->home;
        if (b->other_band >= 0 && across[lo] < cols) {
            b->band = lo;
            b->band2 = lo + 1;
            across[lo]++;
        }
        if (!also(b, &b->n->cls)) return false;
    }
    return true;
}

/* Places the boxes in rows of at most `cols` in each band, spanning boxes
 * in a row centred on the line between their two bands; returns the map's
 * height (the legend not included). */
static double place(pp_strategy_map *sm, size_t cols, double bw, double bh, double gv)
{
    double rh = bh + gv, x0 = sm->strip_w + SM_GAP;
    double iw = sm->w - sm->strip_w - 2 * SM_GAP;
    size_t spans[SM_NPERSP] = {0}, singles[SM_NPERSP] = {0};
    for (size_t i = 0; i < sm->nboxes; i++) {
        const sm_box *b = &sm->boxes[i];
        if (b->band2 != b->band) spans[b->band]++;
        else singles[b->band]++;
    }
    double y = 0;
    for (size_t k = 0; k < sm->nbands; k++) {
        sm_band *band = &sm->bands[k];
        size_t rows = (singles[k] + cols - 1) / cols;
        double top = k > 0 && spans[k - 1] ? rh / 2 : gv / 2;
        double content = top + rows * rh + (spans[k] ? rh / 2 : gv / 2);
        band->y = y;
        band->h = fmax(content, fig_height(band->label) + 2 * SM_PAD);
        size_t seen = 0, seen_span = 0;
        for (size_t i = 0; i < sm->nboxes; i++) {
            sm_box *b = &sm->boxes[i];
            bool single = b->band == (int)k && b->band2 == (int)k;
            bool span = b->band == (int)k && b->band2 == (int)k + 1;
            if (!single && !span) continue;
            size_t idx = single ? seen++ : seen_span++;
            size_t left = (single ? singles[k] : spans[k]) - idx / cols * cols;
            size_t in_row = left < cols ? left : cols;
            double rw = in_row * bw + (in_row - 1) * SM_GAP;
            b->w = bw;
            b->h = bh;
            b->x = x0 + (iw - rw) / 2 + (idx % cols) * (bw + SM_GAP);
            b->y = single ? y + top + (idx / cols) * rh + gv / 2 : y + band->h - bh / 2;
        }
        y += band->h;
    }
    return y;
}

static double legend_height(const pp_strategy_map *sm, size_t cols)
{
    double h = 0;
    for (size_t i = 0; i < sm->nareas; i += cols) {
        double row = fig_height(sm->legend[i]);
        if (cols > 1 && i + 1 < sm->nareas) row = fmax(row, fig_height(sm->legend[i + 1]));
        h += fmax(row, SM_SWATCH) + 2;
    }
    return h;
}

/* One try: font size, columns, lines per box; rows SM_ROW_GAP apart
 * when that fits (room for the arrows between them), else SM_GAP. whole:
 * a title that needs more lines than `lines` makes the try fail (*h is
 * infinite); else it is cut to them. */
static bool arrange(pp_strategy_map *sm, double size, size_t cols, size_t lines, bool whole,
                    double *h)
{
    double iw = sm->w - sm->strip_w - 2 * SM_GAP;
    double bw = fmin(SM_MAX_BOX_W, (iw - (cols - 1) * SM_GAP) / cols);
    bool cut;
    if (!assign(sm, cols) ||
        !shape_boxes(sm, size, bw - 2 * SM_PAD, whole ? lines + 1 : lines, whole, &cut))
        return false;
    *h = INFINITY;
    if (cut) return true;
    double bh = 0;
    for (size_t i = 0; i < sm->nboxes; i++)
        bh = fmax(bh, fig_height(sm->boxes[i].text) + fig_height(sm->boxes[i].also) +
                          2 * SM_PAD);
    double legend = sm->nareas ? 1.5 * SM_GAP + sm->legend_h : 0;
    sm->map_h = place(sm, cols, bw, bh, SM_ROW_GAP);
    if (sm->map_h + legend > sm->max_h) sm->map_h = place(sm, cols, bw, bh, SM_GAP);
    *h = sm->map_h + legend;
    return true;
}

static bool choose(pp_strategy_map *sm, double max_h)
{
    double iw = sm->w - sm->strip_w - 2 * SM_GAP;
    size_t cmax = (size_t)fmax(1, floor((iw + SM_GAP) / (SM_MIN_BOX_W + SM_GAP)));
    size_t per_band[SM_NPERSP] = {0}, c0 = 1;
    for (size_t i = 0; i < sm->nboxes; i++)
        if (++per_band[sm->boxes[i].home] > c0) c0 = per_band[sm->boxes[i].home];
    if (c0 > cmax) c0 = cmax;
    /* The largest font that shows every title whole; at one font, a row
     * per band (c0 columns) first, then fewer, wider columns with fewer
     * lines per box: more columns than c0 would stay empty. */
    double h, base = fmax(sm->style.label.size, SM_MIN_FONT);
    for (double f = base; f >= SM_MIN_FONT - 1e-9; f -= 0.5)
        for (size_t c = c0; c >= 1; c--) {
            if (!arrange(sm, f, c, SM_MAX_LINES, true, &h)) return false;
            if (h <= max_h) return true;
        }
    /* not even the smallest font fits whole titles: fewer lines per box */
    for (int lines = SM_MAX_LINES; lines >= 1; lines--) {
        if (!arrange(sm, SM_MIN_FONT, cmax, (size_t)lines, false, &h)) return false;
        if (h <= max_h || lines == 1) return true;
    }
    return true;
}

/* "Mappa strategica: 6 obiettivi strategici in 3 bande
 * (Utenti-imprese-territorio: 3; ...), 2 collegamenti causa-effetto." */
static bool make_alt(pp_strategy_map *sm)
{
    size_t cap = 200, len = 0;
    for (size_t k = 0; k < sm->nbands; k++)
        cap += strlen(sm_perspective_names[sm->bands[k].persp]) + 24;
    sm->alt = malloc(cap);
    if (!sm->alt) return false;
    len += (size_t)snprintf(sm->alt, cap, "Mappa strategica: %zu obiettivi strategici in %zu %s (",
                            sm->nboxes, sm->nbands, sm->nbands == 1 ? "banda" : "bande");
    for (size_t k = 0; k < sm->nbands; k++) {
        size_t c = 0;
        for (size_t i = 0; i < sm->nboxes; i++)
            c += sm->boxes[i].band == (int)k || sm->boxes[i].band2 == (int)k;
        len += (size_t)snprintf(sm->alt + len, cap - len, "%s%s: %zu", k ? "; " : "",
                                sm_perspective_names[sm->bands[k].persp], c);
    }
    snprintf(sm->alt + len, cap - len, "), %zu collegament%s causa-effetto.", sm->nlinks,
             sm->nlinks == 1 ? "o" : "i");
    return true;
}

pp_strategy_map *pp_strategy_map_new(pp_text *t, const pp_figure_style *s, const pp_doc *doc,
                                     double w, double max_h)
{
    pp_strategy_map *sm = calloc(1, sizeof *sm);
    if (!sm) return NULL;
    sm->t = t;
    sm->style = *s;
    sm->w = w;
    sm->max_h = max_h;
    sm->strip_w = fig_clamp(w * 0.17, 56, 90);
    size_t legend_cols = w >= 300 ? 2 : 1;
    double col_w = (w - (legend_cols - 1) * 12) / legend_cols;
    bool ok = gather(sm, doc) && shape_labels(sm, col_w);
    for (size_t i = 0; ok && i < sm->nboxes; i++)
        for (size_t k = 0; k < sm->boxes[i].n->nlinks; k++)
            sm->nlinks += sm->boxes[i].n->link_nodes[k] != NULL;
    if (ok) {
        sm->legend_cols = legend_cols;
        sm->legend_h = legend_height(sm, legend_cols);
        ok = sm->nboxes > SM_MAX_OBJECTIVES || (choose(sm, max_h) && make_alt(sm));
        sm->legend_y = sm->map_h + 1.5 * SM_GAP;
        sm->h = sm->map_h + (sm->nareas ? 1.5 * SM_GAP + sm->legend_h : 0);
        if (sm->nboxes > SM_MAX_OBJECTIVES) sm->h = INFINITY;
    }
    if (!ok) {
        pp_strategy_map_free(sm);
        return NULL;
    }
    return sm;
}

void pp_strategy_map_free(pp_strategy_map *sm)
{
    if (!sm) return;
    for (size_t i = 0; sm->boxes && i < sm->nboxes; i++) {
        pp_lines_free(sm->boxes[i].text);
        pp_lines_free(sm->boxes[i].also);
        free(sm->boxes[i].also_text);
    }
    for (size_t i = 0; i < sm->nbands; i++) pp_lines_free(sm->bands[i].label);
    for (size_t i = 0; sm->legend && i < sm->nareas; i++) pp_lines_free(sm->legend[i]);
    free(sm->boxes);
    free(sm->areas);
    free(sm->legend);
    free(sm->alt);
    free(sm);
}

double pp_strategy_map_height(const pp_strategy_map *sm) { return sm ? sm->h : 0; }
