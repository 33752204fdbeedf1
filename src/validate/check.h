/* Semantic checks: what the schema cannot say. Each problem becomes one
 * diagnostic at the element it concerns; the checks never stop early,
 * except when memory runs out: that is pp_diag_oom, never a check
 * silently skipped. */
#ifndef PP_CHECK_H
#define PP_CHECK_H

#include <stdio.h>

#include "image_info.h"
#include "validate.h"

/* Parts, in check.c (document, SMVP, references) and tree.c (tree). */
void pp_check_tree(pp_doc *doc, pp_diags *d);
/* The soglie of one indicator (soglia.c); t is the reference year's
 * target (may be NULL), by_soglia whether its rule is the soglia's. */
void pp_check_soglie(pp_diags *d, const pp_indicator *ind, const pp_target *t, bool by_soglia);
/* Changes during the year: Variazione and the act of each Revisione
 * (changes.c). */
void pp_check_changes(pp_doc *doc, pp_diags *d);
/* Budgets: the sum of the children's risorse above a node's own is a
 * warning (budgets.c). */
void pp_check_budgets(pp_doc *doc, pp_diags *d);
/* Individual objectives: a tree objective or an own one, weights, and the
 * own objectives' indicators (people.c). */
void pp_check_people(pp_doc *doc, pp_diags *d);
/* The checks of the tree's indicators, on an objective outside the tree
 * (an own individual objective): its indicators and their weights. */
void pp_check_detached(pp_doc *doc, pp_diags *d, pp_node *objective);
/* Mid-year monitoring values: form, date in the year, one per date
 * (monitoring.c). */
void pp_check_monitoring(pp_doc *doc, pp_diags *d);
/* The logo and images exist and are PNG or JPEG (files.c). */
void pp_check_files(const pp_doc *doc, pp_diags *d);
/* Decodes the whole image f holds (image_check.c): true when it is a
 * complete, uncorrupted PNG or JPEG within the pixel limits of
 * image_info.h that a PDF can embed, with its kind and size; else false,
 * with why saying what is wrong in words that follow the file's name
 * ("is truncated or corrupt (PNG: ...)"). */
bool pp_image_check(FILE *f, pp_image_kind *kind, int *w, int *h, char *why, size_t n);
/* Allowed deviation of a sum of weights from 100, from the precision the
 * weights are written with: each one may be off by half a unit of its
 * last digit; never more than one point in all. */
double pp_weight_tolerance(const pp_node *const *nodes, size_t n);

#endif
