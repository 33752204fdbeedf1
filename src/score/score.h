/* Scoring (DOMAIN §4): the achievement of each indicator, then the weighted
 * roll-up to objectives, areas and the ente. Scoring knows nothing of the
 * page; it fills pp_node.result. Every rule is a pure function here so
 * that tests can hold it to the published figures. */
#ifndef PP_SCORE_H
#define PP_SCORE_H

#include "model.h"

/* Linear rule; NAN when undefined (target not met with t <= 0). */
double pp_rule_linear(pp_op op, double a, double t);
/* Linear between soglia s (0 %) and target t (100 %). For "=", s is the
 * distance |t - s| at which achievement is 0, on either side of t. NAN
 * when the soglia is on the wrong side of the target (or is the target). */
double pp_rule_threshold(pp_op op, double a, double t, double s);
/* 100 when met, else 0. */
double pp_rule_binary(pp_op op, double a, double t);
/* Deadline: 100 when done on or before due; late by d days: linear down to
 * 0 at tolerance_days (0: late is 0). */
double pp_rule_deadline(pp_date due, pp_date done, int tolerance_days);
/* Deadline with a date soglia: 100 on or before due, 0 from the soglia
 * date on, linear in between. NAN when the soglia is not after due. */
double pp_rule_deadline_threshold(pp_date due, pp_date done, pp_date soglia);
/* Tolerance bands: >= 100 - tolerance counts 100, < critical counts 0. */
double pp_apply_tolerance(const pp_tolerance *t, double achievement);
/* Index of the band containing the achievement as printed (two decimals),
 * -1 when there are no bands. */
int pp_band_of(const pp_smvp *s, double achievement);

/* Whether a node takes part in its parent's mean by its weight: peso > 0,
 * or no peso where the parent's level is a plain mean. */
bool pp_weight_counts(const pp_smvp *s, const pp_node *n);
/* A node removed during the year (Variazione tipo="rimozione") keeps its
 * achievement, shown, but is not counted in its parent unless the
 * administration said conteggiato="true". */
void pp_apply_removal(pp_node *n);
/* Scores one indicator (node->result). */
void pp_score_indicator(const pp_doc *doc, pp_node *n);
/* The achievement a value a of ind would have (a partial value: a
 * Monitoraggio), by the very rules and tolerance bands pp_score_indicator
 * applies to the consuntivo; false when they give none (N/D, no target for
 * the year, a form the target does not read). */
bool pp_score_partial(const pp_doc *doc, const pp_indicator *ind, const pp_actual *a,
                      double *achievement);
/* Results per organisational unit (units.c): the plain mean of the counted
 * objectives naming the unit in their Classificazione. */
void pp_score_units(pp_doc *doc);
/* Whether objective n names unit u among its units (unita). */
bool pp_unit_names(const pp_unit_org *u, const pp_node *n);
/* Points lost (points_lost.c): for each counted node of the tree, the
 * points of the ente's percentage it cost (pp_result.points_lost,
 * ente_share); the losses of the counted indicators sum to 100 - the
 * ente's achievement. People are left out: they are not part of the ente.
 * Called by pp_score. */
void pp_score_points_lost(pp_doc *doc);
/* The indicators that lost points (> 0), most first (equal ones in
 * document order): fills out with at most cap, returns how many there
 * are in all. */
size_t pp_points_lost_rank(const pp_doc *doc, const pp_node **out, size_t cap);
/* Points lost as data files give them (score --format json|csv, export):
 * rounded to a billionth of a point, so that the rounding noise of a
 * product of weights ("12.000000000000007") does not reach open data. */
double pp_points_lost_rounded(double points);
/* Scores the whole tree, bottom up, then people's totals and units. */
void pp_score(pp_doc *doc);

#endif
