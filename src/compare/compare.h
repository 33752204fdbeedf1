/* The Piano as adopted against the Relazione that reports on it (issue 14):
 * every difference -- a node added, removed or moved, a title, weight,
 * unit, algorithm, operator or target changed -- with the act that records
 * it, or marked as not recorded, for the OIV (DOMAIN §9).
 *
 * Nodes are matched level by level: by id, else by code, else by title
 * (compared without case and with blanks collapsed). What records a change:
 *   target value (or date)  a <Revisione> of that year's target with a
 *                           delibera (nelDocumento="true": the Relazione's
 *                           own act of adoption);
 *   operator                the same, or a ridefinizione;
 *   title / name            a <Variazione tipo="ridefinizione"> with
 *                           NomePrecedente;
 *   algorithm               a ridefinizione with AlgoritmoPrecedente;
 *   weight, unit            a ridefinizione (the vocabulary has no element
 *                           of its own for them); a weight also by the
 *                           spostamento of the node (the act that moves it
 *                           gives it its weight in the new objective);
 *   move                    a <Variazione tipo="spostamento">;
 *   removal                 a <Variazione tipo="rimozione"> on the node,
 *                           which stays in the Relazione; a node simply
 *                           missing from it is a removal not recorded;
 *   addition                nothing: the vocabulary cannot record one, so
 *                           it is always reported as not recorded.
 * A change is recorded only by an act: the element must name a delibera;
 * and a target's Revisione must revise the Piano's value (its
 * valorePrecedente or dataPrecedente, when given, is the Piano's).
 * One dated but without a delibera is reported as not recorded, with the
 * element's date (difference.record_found says it was found). */
#ifndef PP_COMPARE_H
#define PP_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

typedef enum {
    PP_DIFF_ADDED,     /* "aggiunto" */
    PP_DIFF_REMOVED,   /* "rimosso" */
    PP_DIFF_MOVED,     /* "spostato": under another objective */
    PP_DIFF_TITLE,     /* "titolo" (objectives, areas) or "nome" (indicators) */
    PP_DIFF_WEIGHT,    /* "peso" */
    PP_DIFF_UNIT,      /* "unita" */
    PP_DIFF_ALGORITHM, /* "algoritmo" */
    PP_DIFF_OPERATOR,  /* "operatore" of the reference year's target */
    PP_DIFF_TARGET     /* "target": its value or date */
} pp_diff_kind;

typedef struct {
    pp_diff_kind kind;
    pp_level level;
    const char *code;  /* the node's code (else its id), as the Relazione writes it */
    const char *title; /* its title or name, as the Relazione writes it */
    /* Printable values ("70 %", "Entro 30/09/2024", "60,00 %", ">="); NULL
     * on the side that has none (added: old; removed from the file: new). */
    const char *old_value, *new_value;
    const pp_node *piano_node, *rel_node; /* NULL on the side without it */
    pp_pos piano_pos, rel_pos;            /* line 0 on that side */
    bool recorded;
    bool record_found;    /* an element covers the change (even without a delibera) */
    const char *delibera; /* the act that records it */
    pp_date date;         /* its date; y == 0 when none */
    pp_pos record_pos;    /* the Revisione or Variazione, in the Relazione */
    /* A target's Revisione that states another previous value than the
     * Piano's ("90 %" where the Piano adopted 70 %): the act revised
     * another target, so the change is not recorded. NULL otherwise. */
    const char *record_prior;
} pp_difference;

typedef struct {
    const char *piano_path, *rel_path;
    int year; /* the Relazione's reference year, whose targets are compared */
    pp_difference *items; /* Relazione's document order, then removed ones in the Piano's */
    size_t count;
    size_t unrecorded;
} pp_compare_result;

/* Compares the checked documents piano and rel into *out, allocated in
 * arena. PP_ERR_INPUT, with an error in d, when piano is not a Piano, rel
 * not a Relazione, they belong to different administrations or rel's year
 * is outside the Piano's Triennio; PP_ERR_ENV when memory runs out. */
pp_status pp_compare(const pp_doc *piano, const pp_doc *rel, pp_arena *arena,
                     pp_compare_result *out, pp_diags *d);

/* "aggiunto", "rimosso", "spostato", "titolo", "peso", "unita",
 * "algoritmo", "operatore", "target" ("nome" for an indicator's title). */
const char *pp_diff_kind_name(pp_diff_kind k, pp_level level);
/* "ambito", "obiettivo strategico", "obiettivo operativo", "indicatore". */
const char *pp_diff_level_word(pp_level level);

/* ---- output (compare_out.c) ---- */

typedef enum { PP_CMP_TEXT, PP_CMP_JSON, PP_CMP_CSV } pp_compare_format;

bool pp_compare_parse_format(const char *s, pp_compare_format *f);
/* The result for a person (text: one line per difference with FILE:LINE of
 * both sides, then "N variazioni, di cui M non registrate") or for tools
 * (JSON, CSV). False when the write fails. */
bool pp_compare_write(const pp_compare_result *r, pp_compare_format f, FILE *out);
/* 'peso: obiettivo strategico 1.1 "Manutenzione...": 100 % -> 70 %' (the
 * values left out when neither side has one), in arena; NULL when out of
 * memory. */
char *pp_difference_describe(const pp_difference *df, pp_arena *arena);
/* "delibera n. 12/24 del 15/03/2024", or "non registrata" (with "(Variazione
 * del 12/03/2024 senza delibera)" when an element without an act covers
 * it), in arena; NULL when out of memory. */
char *pp_difference_record_text(const pp_difference *df, pp_arena *arena);

#endif
