/* Roll-up (DOMAIN §4): an objective's achievement is the weighted mean of
 * its counted children; N/D and weight-0 children are left out and the
 * others' weights rescaled to 100. A strategic objective may mix its
 * operational objectives and its own indicators in fixed shares (a share
 * of 0 leaves that group out). A level may be a plain mean (DOMAIN §8), and
 * an objective "non oggetto di misurazione" is shown, not counted. */
#include <math.h>

#include "score.h"

typedef struct {
    double sum_w, sum_wa;
} mean_acc;

/* The weight a counted child has in its parent's mean: its peso, or 1
 * each where the parent's level is a plain mean. */
static double weight_of(const pp_smvp *s, const pp_node *c)
{
    return s->plain_mean[c->parent->level] ? 1 : c->weight;
}

/* Weighted mean over the counted children of the given kind (all when
 * kind < 0); writes each one's effective weight scaled by share. */
static bool weighted_mean(const pp_smvp *s, pp_node *n, int kind, double share, double *mean)
{
    mean_acc m = {0, 0};
    for (size_t i = 0; i < n->nchildren; i++) {
        const pp_node *c = n->children[i];
        if ((kind < 0 || (int)c->level == kind) && c->result.counted) {
            m.sum_w += weight_of(s, c);
            m.sum_wa += weight_of(s, c) * c->result.achievement;
        }
    }
    if (m.sum_w <= 0) return false;
    for (size_t i = 0; i < n->nchildren; i++) {
        pp_node *c = n->children[i];
        if ((kind < 0 || (int)c->level == kind) && c->result.counted)
            c->result.effective_weight = 100 * weight_of(s, c) / m.sum_w * share;
    }
    *mean = m.sum_wa / m.sum_w;
    return true;
}

static void reset_weights(pp_node *n)
{
    for (size_t i = 0; i < n->nchildren; i++) n->children[i]->result.effective_weight = 0;
}

/* A group the ComposizioneStrategica gives a share of 0: shown with its
 * own scores and printed weights, not counted. */
static void leave_out_group(pp_node *n, pp_level kind)
{
    for (size_t i = 0; i < n->nchildren; i++) {
        pp_result *r = &n->children[i]->result;
        if (n->children[i]->level != kind) continue;
        r->counted = false;
        r->left_out = true;
        r->why_not_counted = "escluso dalla composizione";
    }
}

/* Mixed strategic score; false when the mix does not apply. */
static bool mixed_mean(const pp_smvp *s, pp_node *n, double *mean)
{
    double ops, inds;
    bool has_ops = false, has_inds = false;
    for (size_t i = 0; i < n->nchildren; i++) {
        has_ops |= n->children[i]->level == PP_LEVEL_OPERATIVO;
        has_inds |= n->children[i]->level == PP_LEVEL_INDICATORE;
    }
    if (!s->has_mix || !has_ops || !has_inds) return false;
    if (s->mix_operativi == 0) leave_out_group(n, PP_LEVEL_OPERATIVO);
    if (s->mix_indicatori == 0) leave_out_group(n, PP_LEVEL_INDICATORE);
    double share_o = s->mix_operativi / 100, share_i = s->mix_indicatori / 100;
    bool ok_o = weighted_mean(s, n, PP_LEVEL_OPERATIVO, share_o, &ops);
    bool ok_i = weighted_mean(s, n, PP_LEVEL_INDICATORE, share_i, &inds);
    if (ok_o && ok_i) {
        *mean = share_o * ops + share_i * inds;
        return true;
    }
    /* One side has nothing counted: the other carries the whole weight. */
    reset_weights(n);
    if (ok_o) return weighted_mean(s, n, PP_LEVEL_OPERATIVO, 1, mean);
    if (ok_i) return weighted_mean(s, n, PP_LEVEL_INDICATORE, 1, mean);
    *mean = NAN;
    return true;
}

static void score_node(const pp_doc *doc, pp_node *n)
{
    if (n->level == PP_LEVEL_INDICATORE) {
        pp_score_indicator(doc, n);
        return;
    }
    for (size_t i = 0; i < n->nchildren; i++) score_node(doc, n->children[i]);
    pp_result *r = &n->result;
    reset_weights(n);
    r->band = -1;
    if (pp_objective_not_measured(n)) {
        r->counted = r->has_achievement = false;
        r->not_measured = true;
        r->why_not_counted = "non oggetto di misurazione";
        return;
    }
    double mean = NAN;
    bool mixed = n->level == PP_LEVEL_STRATEGICO && mixed_mean(&doc->smvp, n, &mean);
    if (!mixed && !weighted_mean(&doc->smvp, n, -1, 1, &mean)) mean = NAN;
    if (isnan(mean)) {
        r->counted = r->has_achievement = false;
        const pp_change *rm = pp_node_removal(n);
        r->why_not_counted = rm && !rm->counted ? "rimosso in corso d'anno"
                                                : "nessun elemento conteggiato";
        return;
    }
    r->computed = mean;
    const pp_tolerance *tol = n->level == PP_LEVEL_STRATEGICO ? &doc->smvp.tolerance[0]
                              : n->level == PP_LEVEL_OPERATIVO ? &doc->smvp.tolerance[1]
                                                               : NULL;
    r->achievement = pp_apply_tolerance(tol, mean);
    r->has_achievement = true;
    r->counted = pp_weight_counts(&doc->smvp, n);
    if (!r->counted) r->why_not_counted = "peso 0";
    pp_apply_removal(n);
    r->band = pp_band_of(&doc->smvp, r->achievement);
}

/* An objective counts in a person's total when it has an achievement and
 * was not removed during the year (a removed objective is shown, not
 * counted, for the person as for the tree). */
static bool person_counts(const pp_node *n)
{
    return n && n->result.has_achievement && !pp_node_dropped(n);
}

/* A person's total: the mean of the objectives that have an achievement,
 * weighted by their peso when the person's objectives have one (plain mean
 * otherwise); the weights of the others are rescaled, as for N/D. */
static void score_person(const pp_doc *doc, pp_person *p)
{
    bool weighted = false;
    for (size_t i = 0; i < p->nobjectives; i++) weighted |= p->objectives[i].has_weight;
    double sum_w = 0, sum_wa = 0;
    for (size_t i = 0; i < p->nobjectives; i++) {
        pp_individual *io = &p->objectives[i];
        const pp_node *n = pp_individual_node(io);
        io->effective_weight = 0;
        double w = weighted ? (io->has_weight ? io->weight : 0) : 1;
        if (!person_counts(n) || !(w > 0)) continue;
        sum_w += w;
        sum_wa += w * n->result.achievement;
    }
    p->band = -1;
    p->has_total = sum_w > 0;
    if (!p->has_total) return;
    for (size_t i = 0; i < p->nobjectives; i++) {
        pp_individual *io = &p->objectives[i];
        const pp_node *n = pp_individual_node(io);
        double w = weighted ? (io->has_weight ? io->weight : 0) : 1;
        if (person_counts(n) && w > 0) io->effective_weight = 100 * w / sum_w;
    }
    p->total = sum_wa / sum_w;
    p->band = pp_band_of(&doc->smvp, p->total);
}

/* Own individual objectives are scored like operational objectives (their
 * indicators by the same rules, the same roll-up); then each total. */
static void score_people(pp_doc *doc)
{
    for (size_t i = 0; i < doc->npeople; i++) {
        pp_person *p = &doc->people[i];
        for (size_t k = 0; k < p->nobjectives; k++)
            if (p->objectives[k].own) score_node(doc, p->objectives[k].own);
        score_person(doc, p);
        /* an own objective's share is the one it has in the person's total */
        for (size_t k = 0; k < p->nobjectives; k++)
            if (p->objectives[k].own)
                p->objectives[k].own->result.effective_weight = p->objectives[k].effective_weight;
    }
}

void pp_score(pp_doc *doc)
{
    if (!doc->root) return;
    score_node(doc, doc->root);
    doc->root->result.effective_weight = 100;
    pp_score_points_lost(doc);
    score_people(doc);
    pp_score_units(doc);
}
