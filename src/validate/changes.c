/* Checks of the changes made during the year (Variazione, and the act of a
 * target's Revisione): each says when and why, carries only what its kind
 * uses, and falls inside the reference year. What obiettivoPrecedente
 * refers to is checked with the other references in check.c. */
#include <string.h>

#include "check.h"

static const char *label(const pp_node *n)
{
    return n->code ? n->code : n->id ? n->id : "?";
}

static const char *kind_name(pp_change_kind k)
{
    return k == PP_CHANGE_MOVE ? "spostamento" : k == PP_CHANGE_REMOVAL ? "rimozione"
                                                                        : "ridefinizione";
}

/* Attributes and elements one kind uses and the others must not carry. */
static void check_parts(const pp_node *n, const pp_change *ch, pp_diags *d)
{
    pp_pos p = ch->pos;
    const char *k = kind_name(ch->kind);
    if (ch->kind == PP_CHANGE_MOVE && !ch->from_ref)
        pp_error(d, p.line, p.col,
                 "Variazione tipo=\"spostamento\" of '%s' needs obiettivoPrecedente (the id of "
                 "the objective it was moved from)",
                 label(n));
    if (ch->kind != PP_CHANGE_MOVE && ch->from_ref)
        pp_error(d, p.line, p.col,
                 "obiettivoPrecedente belongs to a Variazione tipo=\"spostamento\", not \"%s\"", k);
    if (ch->kind != PP_CHANGE_REMOVAL && ch->has_counted)
        pp_error(d, p.line, p.col,
                 "conteggiato belongs to a Variazione tipo=\"rimozione\", not \"%s\"", k);
    bool redefines = ch->old_name || ch->old_algorithm;
    if (ch->kind == PP_CHANGE_REDEFINITION && !redefines)
        pp_error(d, p.line, p.col,
                 "Variazione tipo=\"ridefinizione\" of '%s' needs NomePrecedente or "
                 "AlgoritmoPrecedente (what it was before)",
                 label(n));
    if (ch->kind != PP_CHANGE_REDEFINITION && redefines)
        pp_error(d, p.line, p.col,
                 "NomePrecedente and AlgoritmoPrecedente belong to a Variazione "
                 "tipo=\"ridefinizione\", not \"%s\"",
                 k);
    if (ch->kind == PP_CHANGE_MOVE && n->level != PP_LEVEL_INDICATORE &&
        n->level != PP_LEVEL_OPERATIVO)
        pp_error(d, p.line, p.col,
                 "only indicators and operational objectives are moved between objectives, not "
                 "the strategic objective '%s'",
                 label(n));
}

static void check_change(const pp_doc *doc, const pp_node *n, const pp_change *ch,
                         const pp_change *first_removal, pp_diags *d)
{
    pp_pos p = ch->pos;
    check_parts(n, ch, d);
    /* the OIV checks that every change was motivated (DOMAIN §9) */
    if (!ch->reason || !*ch->reason)
        pp_error(d, p.line, p.col,
                 "Variazione tipo=\"%s\" of '%s' needs its reason (<Motivazione>)",
                 kind_name(ch->kind), label(n));
    if (doc->year && ch->date.y && ch->date.y != doc->year)
        pp_error(d, p.line, p.col,
                 "Variazione of '%s' dated %04d-%02d-%02d: a change during the year must fall "
                 "inside %d",
                 label(n), ch->date.y, ch->date.m, ch->date.d, doc->year);
    if (ch->kind == PP_CHANGE_REMOVAL && first_removal && first_removal != ch)
        pp_error(d, p.line, p.col, "'%s' is removed twice (the first Variazione is at line %d)",
                 label(n), first_removal->pos.line);
}

/* A revised target says by which act, or at least when. */
static void check_revisions(const pp_node *n, pp_diags *d)
{
    for (size_t i = 0; n->ind && i < n->ind->ntargets; i++) {
        const pp_target *t = &n->ind->targets[i];
        for (size_t k = 0; k < t->nrevisions; k++) {
            const pp_revision *r = &t->revisions[k];
            /* made by this document: the document is the act and its date;
             * another act or date beside it would contradict it */
            if (r->in_document && (r->delibera || r->date.y))
                pp_error(d, r->pos.line, r->pos.col,
                         "Revisione nelDocumento=\"true\" of '%s' takes neither delibera nor "
                         "data: this document is the act that revises the target",
                         label(n));
            if (!r->in_document && !r->delibera && !r->date.y)
                pp_error(d, t->pos.line, t->pos.col,
                         "Revisione of '%s' needs delibera (the act) or data (when it was "
                         "decided)",
                         label(n));
        }
    }
}

typedef struct {
    const pp_doc *doc;
    pp_diags *d;
} changes_ctx;

static bool check_node_changes(pp_node *n, void *ctx)
{
    changes_ctx *c = ctx;
    const pp_change *removal = pp_node_removal(n);
    for (size_t i = 0; i < n->nchanges; i++)
        check_change(c->doc, n, &n->changes[i], removal, c->d);
    check_revisions(n, c->d);
    return true;
}

void pp_check_changes(pp_doc *doc, pp_diags *d)
{
    changes_ctx c = {doc, d};
    if (doc->root) pp_tree_walk(doc->root, check_node_changes, &c);
}
