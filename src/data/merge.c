/* Merge, the CSV side: which indicator each row names, and its value. */
#include "merge_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docsave.h"
#include "validate.h"
#include "load.h"

#define L_IND PP_LEVEL_INDICATORE

static const char *cell(merger *M, const pp_csv_row *r, pp_field f, int *col)
{
    const char *t;
    *col = pp_header_col(&M->h, L_IND, f);
    if (!pp_trim_copy(M->a, pp_header_cell(&M->h, r, L_IND, f), &t)) M->oom = true;
    return t;
}

static const char *colname(const merger *M, int col)
{
    return pp_csv_field(&M->csv->rows[0], (size_t)col - 1);
}

static bool number(merger *M, const char *s, int row, int col, pp_number *out)
{
    if (pp_parse_number_it(s, M->style, out)) return true;
    pp_error(M->csv_d, row, col, "%s: '%s' is not a number (this file writes numbers as %s)",
             colname(M, col), s, M->style == PP_NUMSTYLE_C ? "1234.56" : "1.234,56");
    return false;
}

/* ---- which indicator --------------------------------------------------------------- */

static mind *by_code(merger *M, const char *code, int row, int col)
{
    mind *t = pp_strmap_get(&M->by_code, code);
    if (t && t->code_twin_line) {
        pp_error(M->csv_d, row, col,
                 "%s: code '%s' names more than one indicator of the plan (lines %d and %d): "
                 "name it by indicatore_id", colname(M, col), code, pp_xml_line(t->el),
                 t->code_twin_line);
        return NULL;
    }
    if (!t) {
        pp_warning(M->csv_d, row, col, "%s: no indicator of the plan has code '%s': row ignored",
                   colname(M, col), code);
        M->rep->unknown++;
    }
    return t;
}

static mind *which(merger *M, const pp_csv_row *r)
{
    int icol, ccol;
    const char *id = cell(M, r, PP_F_ID, &icol), *code = cell(M, r, PP_F_CODICE, &ccol);
    if (!id && !code) {
        pp_error(M->csv_d, r->line, 1, "the row names no indicator (indicatore_id or "
                                       "indicatore_codice)");
        return NULL;
    }
    if (!id) return by_code(M, code, r->line, ccol);
    mind *t = pp_strmap_get(&M->by_id, id);
    if (!t) {
        pp_warning(M->csv_d, r->line, icol, "%s: no indicator of the plan has id '%s': row ignored",
                   colname(M, icol), id);
        M->rep->unknown++;
    } else if (code && t->code && strcmp(code, t->code) != 0) {
        pp_warning(M->csv_d, r->line, ccol, "%s: '%s', but indicator '%s' has code '%s' in the "
                                            "plan (the id wins)", colname(M, ccol), code, id, t->code);
    }
    return t;
}

/* ---- its value ------------------------------------------------------------------------ */

static void actual(merger *M, mind *t, const pp_csv_row *r, const char *v, int col)
{
    int rcol;
    const char *reason = cell(M, r, PP_F_MOTIVO_ND, &rcol);
    bool deadline = t->has_unit && t->unit == PP_UNIT_DATE;
    if (pp_is_nd(v)) {
        t->kind = PP_ACTUAL_ND;
        t->reason = reason;
        if (!reason)
            pp_error(M->csv_d, r->line, col, "%s: N/D needs the reason, in the column motivo_nd",
                     colname(M, col));
    } else if (deadline && pp_parse_date_it(v, &t->date)) {
        t->kind = PP_ACTUAL_DATE;
    } else if (deadline && pp_date_it_problem(v)) {
        pp_error(M->csv_d, r->line, col, "%s: '%s' %s", colname(M, col), v,
                 pp_date_it_problem(v));
    } else if (deadline) {
        pp_error(M->csv_d, r->line, col,
                 "%s: '%s' is not a date (dd/mm/yyyy): '%s' is a deadline", colname(M, col), v,
                 t->code ? t->code : t->id);
    } else if (number(M, v, r->line, col, &t->value)) {
        t->kind = PP_ACTUAL_VALUE;
    }
}

static void override(merger *M, mind *t, const pp_csv_row *r, const char *v, int col)
{
    int rcol;
    const char *reason = cell(M, r, PP_F_MOTIVO_ATTRIBUITO, &rcol);
    if (!number(M, v, r->line, col, &t->override)) return;
    if (t->override.value < 0 || t->override.value > 100)
        pp_error(M->csv_d, r->line, col, "%s: '%s' is not a percentage between 0 and 100",
                 colname(M, col), v);
    else if (!reason)
        pp_error(M->csv_d, r->line, col, "%s: an achievement set by hand needs the reason, in "
                                         "the column motivo_attribuito", colname(M, col));
    else
        t->set_override = true, t->override_reason = reason;
}

static void one_row(merger *M, const pp_csv_row *r)
{
    int vcol, ocol;
    const char *v = cell(M, r, PP_F_CONSUNTIVO, &vcol);
    const char *ov = cell(M, r, PP_F_ATTRIBUITO, &ocol);
    mind *t = which(M, r);
    if (!t || (!v && !ov)) return;
    if (t->row) {
        pp_error(M->csv_d, r->line, v ? vcol : ocol,
                 "a second value for indicator '%s' (the first is at row %d)",
                 t->code ? t->code : t->id, t->row);
        return;
    }
    t->row = r->line;
    if (v) actual(M, t, r, v, vcol);
    if (ov) override(M, t, r, ov, ocol);
}

/* ---- the whole ------------------------------------------------------------------------------- */

/* The values file. With syntax errors in it the rows are still read, so
 * that the problems of their cells are reported in the same run. */
static bool read_values(merger *M)
{
    pp_csv_read(M->o->values_path, M->csv_d, &M->csv);
    if (!M->csv) return false;
    if (M->csv->nrows == 0) {
        pp_error(M->csv_d, 0, 0, "the file is empty");
        return false;
    }
    pp_header_read(&M->csv->rows[0], &M->h, M->csv_d);
    int line = M->csv->rows[0].line;
    bool ok = true;
    if (!pp_header_has(&M->h, L_IND, PP_F_ID) && !pp_header_has(&M->h, L_IND, PP_F_CODICE)) {
        pp_error(M->csv_d, line, 1, "no column indicatore_id or indicatore_codice");
        ok = false;
    }
    if (!pp_header_has(&M->h, L_IND, PP_F_CONSUNTIVO) &&
        !pp_header_has(&M->h, L_IND, PP_F_ATTRIBUITO)) {
        pp_error(M->csv_d, line, 1, "no column consuntivo");
        ok = false;
    }
    M->style = pp_header_number_style(&M->h, M->csv);
    return ok;
}

static void apply_all(merger *M)
{
    for (size_t i = 0; i < M->n; i++) {
        mind *t = &M->inds[i];
        if (t->kind != PP_ACTUAL_NONE || t->set_override) {
            mg_apply(M, t);
            M->rep->filled++;
        } else if (!t->had_actual && !t->had_override) {
            mg_missing(M, t);
            M->rep->missing++;
        }
    }
    mg_make_relazione(M);
}

static pp_status finish(merger *M, char **xml, size_t *len)
{
    pp_status st = pp_validate_tree(&M->x, M->o->plan_path, M->plan_d, NULL);
    if (st != PP_OK) return st;
    return pp_serialize_checked(&M->x, false, M->o->plan_path, M->plan_d, xml, len);
}

static pp_status run(merger *M, char **xml, size_t *len)
{
    pp_doc *doc = NULL; /* the plan must be a valid document first */
    pp_status st = pp_open_document(M->o->plan_path, M->plan_d, &doc);
    pp_doc_free(doc);
    if (st != PP_OK) return st;
    pp_diags_clear(M->plan_d); /* its warnings come again with the result's */
    if ((st = pp_xml_read(M->o->plan_path, M->plan_d, &M->x)) != PP_OK) return st;
    if (!mg_collect(M)) return M->oom ? PP_ERR_ENV : PP_ERR_INPUT;
    if (!read_values(M)) /* errors, unless memory ran out on the way */
        return pp_diags_status(M->csv_d, M->csv_d->errors ? PP_ERR_INPUT : PP_ERR_ENV);
    for (size_t i = 1; i < M->csv->nrows && !M->oom; i++)
        if (!pp_csv_row_blank(&M->csv->rows[i])) one_row(M, &M->csv->rows[i]);
    if (M->oom) return PP_ERR_ENV;
    if (M->csv_d->errors) return PP_ERR_INPUT;
    apply_all(M);
    if (M->oom) return PP_ERR_ENV;
    if (M->plan_d->errors) return PP_ERR_INPUT;
    return finish(M, xml, len);
}

pp_status pp_merge(const pp_merge_opts *o, pp_diags *plan_d, pp_diags *csv_d, char **xml,
                   size_t *len, pp_merge_report *rep)
{
    *xml = NULL;
    *len = 0;
    memset(rep, 0, sizeof *rep);
    merger M = {0};
    M.o = o;
    M.rep = rep;
    M.plan_d = plan_d;
    M.csv_d = csv_d;
    M.a = pp_arena_new();
    pp_status st = M.a ? run(&M, xml, len) : pp_diag_oom(plan_d);
    if (M.oom) pp_diag_oom(plan_d);
    st = pp_diags_status(plan_d, pp_diags_status(csv_d, st));
    if (st != PP_OK) {
        free(*xml);
        *xml = NULL;
        *len = 0;
    }
    free(M.inds);
    pp_xml_free(&M.x);
    pp_csv_free(M.csv);
    pp_arena_free(M.a);
    return st;
}

void pp_merge_report_clear(pp_merge_report *r)
{
    free(r->title);
    r->title = NULL;
}
