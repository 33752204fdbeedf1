/* pp_compare: the documents checked against each other, their nodes
 * matched (match.c), then the differences in the Relazione's document
 * order, and the Piano's nodes missing from the Relazione last, in the
 * Piano's order. */
#include <stdlib.h>
#include <string.h>

#include "compare_internal.h"

const char *pp_diff_kind_name(pp_diff_kind k, pp_level level)
{
    switch (k) {
    case PP_DIFF_ADDED: return "aggiunto";
    case PP_DIFF_REMOVED: return "rimosso";
    case PP_DIFF_MOVED: return "spostato";
    case PP_DIFF_TITLE: return level == PP_LEVEL_INDICATORE ? "nome" : "titolo";
    case PP_DIFF_WEIGHT: return "peso";
    case PP_DIFF_UNIT: return "unita";
    case PP_DIFF_ALGORITHM: return "algoritmo";
    case PP_DIFF_OPERATOR: return "operatore";
    case PP_DIFF_TARGET: return "target";
    }
    return "?";
}

const char *pp_diff_level_word(pp_level level)
{
    switch (level) {
    case PP_LEVEL_AMBITO: return "ambito";
    case PP_LEVEL_STRATEGICO: return "obiettivo strategico";
    case PP_LEVEL_OPERATIVO: return "obiettivo operativo";
    case PP_LEVEL_INDICATORE: return "indicatore";
    default: return "ente";
    }
}

static const char *kind_word(pp_doc_kind k)
{
    return k == PP_DOC_PIANO ? "a Piano" : k == PP_DOC_RELAZIONE ? "a Relazione" : "schede";
}

/* The pair can be compared: a Piano, then a Relazione of the same
 * administration for a year of the Piano's Triennio. */
static pp_status check_pair(const pp_doc *piano, const pp_doc *rel, pp_diags *d)
{
    if (piano->kind != PP_DOC_PIANO) {
        pp_error(d, 0, 0, "%s is %s, not a Piano: the Piano comes first, then the Relazione",
                 piano->path ? piano->path : "the first document", kind_word(piano->kind));
        return PP_ERR_INPUT;
    }
    if (rel->kind != PP_DOC_RELAZIONE) {
        pp_error(d, 0, 0, "%s is %s, not a Relazione: the Piano comes first, then the Relazione",
                 rel->path ? rel->path : "the second document", kind_word(rel->kind));
        return PP_ERR_INPUT;
    }
    if (!cmp_same_text(piano->admin_name, rel->admin_name)) {
        pp_error(d, 0, 0, "the Relazione is of '%s', the Piano of '%s': another administration",
                 rel->admin_name ? rel->admin_name : "?",
                 piano->admin_name ? piano->admin_name : "?");
        return PP_ERR_INPUT;
    }
    int from = piano->span_from ? piano->span_from : piano->year;
    int to = piano->span_to ? piano->span_to : piano->year;
    if (rel->year < from || rel->year > to) {
        pp_error(d, rel->year_pos.line, rel->year_pos.col,
                 "the Relazione is of %d, outside the Piano's Triennio %d-%d", rel->year, from, to);
        return PP_ERR_INPUT;
    }
    return PP_OK;
}

/* A Piano node is reported missing only where its parent is not missing
 * too: an objective removed takes its indicators with it. */
static bool missing_top(const cmp_side *p, size_t i)
{
    const pp_node *n = p->nodes[i];
    return !p->partner[i] &&
           (!n->parent || n->parent->level == PP_LEVEL_ENTE || cmp_partner(p, n->parent));
}

static bool added_top(const cmp_side *r, size_t i)
{
    const pp_node *n = r->nodes[i];
    return !r->partner[i] &&
           (!n->parent || n->parent->level == PP_LEVEL_ENTE || cmp_partner(r, n->parent));
}

static bool walk(cmp_ctx *c, const cmp_side *p, const cmp_side *r)
{
    for (size_t i = 0; i < r->count; i++) {
        if (r->partner[i]) {
            if (!cmp_pair(c, r->partner[i], r->nodes[i])) return false;
        } else if (added_top(r, i) && !cmp_add(c, PP_DIFF_ADDED, NULL, r->nodes[i])) {
            return false;
        }
    }
    for (size_t i = 0; i < p->count; i++)
        if (missing_top(p, i) && !cmp_add(c, PP_DIFF_REMOVED, p->nodes[i], NULL)) return false;
    return true;
}

pp_status pp_compare(const pp_doc *piano, const pp_doc *rel, pp_arena *arena,
                     pp_compare_result *out, pp_diags *d)
{
    *out = (pp_compare_result){piano->path, rel->path, rel->year, NULL, 0, 0};
    pp_status st = check_pair(piano, rel, d);
    if (st != PP_OK) return st;
    cmp_side p, r;
    cmp_ctx c = {arena, piano, rel, &p, &r, out, 0};
    bool ok = cmp_match(piano, rel, &p, &r) && walk(&c, &p, &r);
    cmp_side_free(&p);
    cmp_side_free(&r);
    return ok ? PP_OK : pp_diag_oom(d);
}
