/* The document model: what a performance plan or report says, independent
 * of XML and of the page. Built by load.c, checked by check.c, scored by
 * score.c/rollup.c (which fill the `result` of each node), read by layout.
 *
 * All memory belongs to the document's arena: pp_doc_free() releases it. */
#ifndef PP_MODEL_H
#define PP_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"

typedef struct {
    int line, col; /* of the element in the source file; 0 when built in code */
} pp_pos;

typedef enum { PP_DOC_PIANO, PP_DOC_RELAZIONE, PP_DOC_SCHEDE } pp_doc_kind;

typedef enum {
    PP_LEVEL_ENTE,
    PP_LEVEL_AMBITO,
    PP_LEVEL_STRATEGICO,
    PP_LEVEL_OPERATIVO,
    PP_LEVEL_INDICATORE
} pp_level;

typedef enum { PP_OP_GE, PP_OP_LE, PP_OP_EQ, PP_OP_GT, PP_OP_LT, PP_OP_ENTRO } pp_op;

/* PP_UNIT_NONE: no <Unita> written, which only a descriptive indicator
 * (one without targets) may do; printed without a symbol. */
typedef enum { PP_UNIT_N, PP_UNIT_PERCENT, PP_UNIT_EURO, PP_UNIT_DAYS, PP_UNIT_HOURS,
               PP_UNIT_FTE, PP_UNIT_DATE, PP_UNIT_NONE } pp_unit;

typedef enum { PP_RULE_LINEARE, PP_RULE_SOGLIA, PP_RULE_BINARIA } pp_rule;

/* ---- scoring configuration (the SMVP) ---------------------------------- */

typedef struct {
    double from;         /* lower bound, included; NAN when unusable (reported) */
    const char *label;   /* "raggiunto" */
    const char *colour;  /* "#2E7D32" */
    const char *status;  /* word next to an indicator: "IN LINEA"; may be NULL */
    pp_pos pos;
    const char *short_label; /* "parziale", where the label does not fit; may be NULL */
} pp_band;

typedef struct {
    bool set;
    double tolerance; /* achievement >= 100 - tolerance counts 100 */
    double critical;  /* achievement < critical counts 0 */
    pp_pos pos;
} pp_tolerance;

typedef struct {
    pp_rule default_rule;
    int deadline_tolerance_days; /* 0: a late deadline scores 0 */
    pp_tolerance tolerance[3];   /* indexed by level - PP_LEVEL_STRATEGICO */
    pp_pos tolerance_repeat[3];  /* a second FasciaTolleranza for one level */
    bool has_mix;                /* strategic = mix of operational and own indicators */
    bool mix_present;            /* ComposizioneStrategica written, even if unusable */
    double mix_operativi, mix_indicatori; /* a share of 0: that group is shown, not counted */
    pp_pos mix_pos;
    /* Aggregazione metodo="media", indexed by the parent's pp_level (ente,
     * ambito, strategico, operativo): its children are a plain mean, their
     * weights optional and not printed (see pp_node.weight_printed). */
    bool plain_mean[4];
    pp_pos plain_mean_pos[4];
    pp_pos plain_mean_repeat[4]; /* a second Aggregazione for one level */
    pp_band *bands; /* ascending by `from` */
    size_t nbands;
    const char *status_not_counted; /* "DA VALUTARE" */
    pp_pos bands_pos;
} pp_smvp;

/* ---- indicator --------------------------------------------------------- */

typedef struct {
    const char *text;
    bool has_value;
    double value;
    bool attr_value; /* valore written, even if unusable (then reported) */
    int decimals;    /* digits written after the point */
    bool has_unit;   /* unita written: "45 N. / 50 N." */
    pp_unit unit;
    pp_pos pos;
} pp_measure;

typedef struct {
    bool has_value;
    double old_value;
    pp_date old_date;  /* y == 0 when absent */
    const char *delibera;
    pp_date date;
    bool attr_old_value, attr_old_date; /* written, even if unusable (then reported) */
    const char *reason; /* Motivazione: why the target was revised, or NULL */
    bool in_document;   /* nelDocumento="true": this document makes the revision */
    pp_pos pos;
} pp_revision;

/* <Soglia>: where achievement is 0 %. A number for numeric targets, a
 * date for deadlines (0 % on that day, linear from the due date); per year
 * in three-year plans (year 0: every year without its own). */
typedef struct {
    int year;
    bool has_value;
    double value;
    bool has_date;
    pp_date date;
    bool attr_value, attr_date; /* written, even if unusable (then reported) */
    pp_pos pos;
} pp_soglia;

typedef struct {
    int year;
    pp_op op;
    bool has_value;
    double value;  /* numeric targets */
    pp_date date;  /* deadlines (op == PP_OP_ENTRO) */
    bool attr_value, attr_date; /* written, even if malformed (the schema says so) */
    pp_revision *revisions;
    size_t nrevisions;
    pp_pos pos;
} pp_target;

typedef struct {
    int year;
    bool available;
    double value;
} pp_history;

/* PP_ACTUAL_NOT_COMPLETED: a deadline never met ("non completato": no
 * date), written <Consuntivo nonCompletato="true"/>; it scores 0. */
typedef enum { PP_ACTUAL_NONE, PP_ACTUAL_VALUE, PP_ACTUAL_DATE, PP_ACTUAL_ND,
               PP_ACTUAL_NOT_COMPLETED } pp_actual_kind;

typedef struct {
    pp_actual_kind kind;
    double value;          /* PP_ACTUAL_VALUE */
    pp_date date;          /* PP_ACTUAL_DATE */
    const char *nd_reason; /* PP_ACTUAL_ND; NOT_COMPLETED: why, optional */
    int decimals;          /* digits written after the point */
    bool from_ratio;       /* value computed from numerator/denominator */
    pp_pos pos;
    bool present;          /* <Consuntivo> is written */
    bool malformed;        /* one of its attributes is unusable (and reported) */
    /* Attributes as written (nd: written "true"), for the checks of
     * consistency. */
    bool attr_value, attr_date, attr_nd, attr_not_completed;
} pp_actual;

/* <Monitoraggio>: a partial value measured during the year (data), kept
 * as a pp_actual (kind VALUE, DATE from dataEsito, or ND) so that the
 * rules that score a consuntivo give its partial achievement
 * (pp_score_partial). Never scored in the tree. */
typedef struct {
    pp_date date; /* y == 0 when unusable (reported) */
    pp_actual value;
    pp_pos pos;
} pp_monitoring;

typedef struct {
    const char *name, *description, *algorithm, *fonte, *tipologia;
    pp_measure numerator, denominator;
    pp_unit unit;
    bool rule_set;
    pp_rule rule;
    pp_target *targets;
    size_t ntargets;
    /* The soglia of the reference year (its own, else the one for every
     * year): a number (has_soglia) or, for a deadline, a date. */
    bool has_soglia;
    bool soglia_present; /* a <Soglia> for that year written, even if unusable */
    double soglia;
    bool has_soglia_date;
    pp_date soglia_date;
    pp_pos soglia_pos;
    pp_soglia *soglie; /* every <Soglia> as written; pp_indicator_soglia */
    size_t nsoglie;
    pp_history *history;
    size_t nhistory;
    pp_actual actual;
    bool has_override;
    bool override_present; /* written, even if its value is unusable */
    double override_value;
    const char *override_reason;
    pp_pos override_pos;
    int decimals; /* the most digits written after the point in its targets,
                   * soglia and consuntivo: the precision the source uses */
    pp_monitoring *monitoring; /* in document order */
    size_t nmonitoring;
} pp_indicator;

/* ---- classifications of objectives -------------------------------------- */

#define PP_MAX_PERSPECTIVES 4 /* the BSC's four; Classificazione/@prospettiva */

typedef struct {
    const char *prospettiva, *missione, *programma, *cofog;
    const char *tipo;         /* "comune" / "specifico" / "ente" */
    const char *unit_ref;     /* id of a pp_unit_org: the first of unit_refs */
    const char *manager_ref;  /* id of a pp_person */
    const char **unit_refs;   /* every unit of unita, as written (a list) */
    size_t nunit_refs;
    /* unit_refs resolved by the checks (NULL where unresolved), so that
     * scoring groups objectives by unit in one walk of the tree */
    struct pp_unit_org **units;
    bool has_budget;
    double budget;
    bool has_gender, gender;
    int year_from, year_to;   /* dal, al: the objective's span; 0 when absent */
    pp_pos pos;
    /* Every perspective written in prospettiva, in the order written (1-4,
     * at most PP_MAX_PERSPECTIVES; `prospettiva` is the first): an
     * objective in two spans both bands of the strategy map. */
    const char **perspectives;
    size_t nperspectives;
} pp_class;

/* ---- score results (filled by the scoring stage) ------------------------ */

typedef struct {
    bool counted;            /* takes part in its parent's mean */
    bool has_achievement;    /* false: N/D, nothing to score */
    double achievement;      /* 0-100, after tolerance bands */
    double computed;         /* 0-100, before tolerance bands / override */
    double effective_weight; /* weight after re-weighting among counted siblings */
    bool overridden;         /* set by the evaluator (RaggiungimentoAttribuito) */
    int band;                /* index in smvp.bands, -1 when none */
    const char *why_not_counted; /* short reason when !counted */
    /* An objective "non oggetto di misurazione" (nonMisurato="true", or
     * every child weighs 0 or is itself not measured): shown, not scored,
     * not counted in its parent. The layout prints its own words for it. */
    bool not_measured;
    /* In a group ComposizioneStrategica gives a share of 0: scored and
     * shown with the weight the document printed (pp_node.weight), not
     * counted. */
    bool left_out;
    const pp_target *target; /* the target of the reference year, if any */
    bool has_deviation;      /* scostamento, in the unit or in days */
    double deviation;
    /* Points of the ente's percentage lost through this node (score/
     * points_lost.c): set on the counted nodes of the tree, from the ente
     * down; ente_share is the product of the effective weights from the
     * node up to the ente, in percent (the ente: 100). */
    bool has_points_lost;
    double points_lost;
    double ente_share;
} pp_result;

/* ---- changes during the year (Variazione) ------------------------------ */

typedef enum { PP_CHANGE_MOVE, PP_CHANGE_REMOVAL, PP_CHANGE_REDEFINITION } pp_change_kind;

typedef struct pp_node pp_node;

typedef struct {
    pp_change_kind kind;
    pp_date date;          /* y == 0 when unusable (reported) */
    const char *delibera;  /* number of the act; NULL: made without one */
    const char *reason;    /* Motivazione */
    const char *from_ref;  /* move: id of the objective it was in */
    const pp_node *from;   /* resolved by the checks */
    const char *old_name, *old_algorithm; /* redefinition */
    bool has_counted;      /* conteggiato written */
    bool counted;          /* removal: still counted, by the administration's choice */
    pp_pos pos;
} pp_change;

/* ---- the tree ----------------------------------------------------------- */

struct pp_node {
    pp_level level;
    const char *id, *code, *title, *description, *comment;
    double weight;       /* NAN when not written (or unusable) */
    int weight_decimals; /* as written: tells how much rounding to allow */
    bool weight_written; /* peso is written, even if unusable */
    /* Whether the page shows this node's weight: false where the parent's
     * level is a plain mean (Aggregazione metodo="media"), whose
     * percentages no document prints, and where no peso is written (a
     * group ComposizioneStrategica leaves out). The ente has none either. */
    bool weight_printed;
    bool declared_not_measured; /* nonMisurato="true" on an objective */
    bool unmeasured;            /* pp_objective_not_measured, set by the loader */
    pp_pos pos, weight_pos;
    pp_node *parent;
    pp_node **children;  /* strategic: own indicators first, then operational */
    size_t nchildren;
    pp_class cls;
    bool has_class;
    pp_indicator *ind;   /* level == PP_LEVEL_INDICATORE */
    const char **notes;
    size_t nnotes;
    pp_change *changes;  /* in document order */
    size_t nchanges;
    pp_result result;
    /* Cause-effect links of a strategic objective (<Collegamento verso>):
     * the ids it contributes to, where each is written, and the objectives
     * they name, resolved by the checks (NULL where one does not resolve). */
    const char **links;
    pp_pos *link_pos;
    const pp_node **link_nodes;
    size_t nlinks;
    /* The same node in each earlier Relazione (doc->precedenti[i]: the
     * same level and code, the ente the other's ente), NULL where that
     * year has none; set by pp_doc_link_precedenti, NULL until then. */
    const pp_node **past;
};

/* ---- organisation and people ------------------------------------------- */

typedef struct pp_unit_org {
    const char *id, *name, *type, *parent_ref, *manager_ref;
    const char *code; /* codice, as printed ("U0.1"); may be NULL */
    pp_pos pos;
    /* The unit's result (scoring): the plain mean of the counted objectives
     * whose Classificazione names it (see pp_score_units). */
    size_t nobjectives; /* objectives naming it, counted or not */
    size_t ncounted;
    bool has_result;
    double result;
    int band; /* index in smvp.bands, -1 when none */
} pp_unit_org;

/* One objective of a person: a tree objective by reference, or the
 * person's own (an operational-level node outside the tree, parent NULL,
 * with its own indicators). */
typedef struct {
    const char *ref; /* id of an objective or indicator of the tree; NULL for an own one */
    bool has_weight;
    double weight;           /* share in the person's total */
    int weight_decimals;
    pp_pos pos;
    const pp_node *objective; /* resolved by the checks: an objective or an indicator */
    pp_node *own;             /* own objective (no rif); NULL otherwise */
    bool own_content;         /* Titolo or Indicatore written (with rif: reported) */
    double effective_weight;  /* in the total, after leaving out what has no score */
} pp_individual;

/* Persona/@categoria; PP_PERSON_ANY when not written. */
typedef enum { PP_PERSON_ANY, PP_PERSON_SEGRETARIO, PP_PERSON_DIRIGENTE, PP_PERSON_PO,
               PP_PERSON_DIPENDENTE } pp_person_kind;

typedef struct {
    const char *id, *name, *role, *unit_ref;
    pp_person_kind kind;
    pp_individual *objectives;
    size_t nobjectives;
    pp_pos pos;
    /* The person's total (scoring): weighted mean of the objectives that
     * have an achievement (plain mean when no weights are given). */
    bool has_total;
    double total;
    int band; /* index in smvp.bands, -1 when none */
} pp_person;

/* The node an individual objective scores on: the tree's (an objective or
 * an indicator) or its own. */
const pp_node *pp_individual_node(const pp_individual *io);
/* "segretario", "dirigente", "po", "dipendente" -> the kind; false when
 * none of them. */
bool pp_person_kind_parse(const char *s, pp_person_kind *k);
/* Whether the Classificazione of n names unit id among its unita. */
bool pp_node_names_unit(const pp_node *n, const char *unit_id);

/* ---- narrative content --------------------------------------------------- */

typedef enum { PP_SPAN_PLAIN = 0, PP_SPAN_BOLD = 1, PP_SPAN_ITALIC = 2 } pp_span_style;

typedef struct {
    const char *text;
    int style; /* PP_SPAN_* bits */
} pp_span;

typedef struct {
    pp_span *spans;
    size_t nspans;
} pp_rich;

typedef enum {
    PP_BLOCK_PARAGRAPH,
    PP_BLOCK_LIST,
    PP_BLOCK_TABLE,
    PP_BLOCK_CHART,
    PP_BLOCK_IMAGE,
    PP_BLOCK_PAGEBREAK,
    PP_BLOCK_SECTION
} pp_block_kind;

typedef struct {
    pp_rich *cells;
    size_t ncells;
} pp_row;

typedef enum { PP_CELL_AUTO, PP_CELL_LEFT, PP_CELL_CENTER, PP_CELL_RIGHT } pp_cell_align;

/* A narrative table's column as the document sets it (<Colonna>). */
typedef struct {
    double width;        /* relative; 0 when not given (from the texts) */
    pp_cell_align align; /* PP_CELL_AUTO: figures right, text left */
} pp_table_column;

typedef struct {
    const char *label;
    double value;
} pp_point;

typedef struct {
    const char *name;
    pp_point *points;
    size_t npoints;
} pp_series;

typedef struct pp_section pp_section;

typedef struct {
    pp_block_kind kind;
    pp_pos pos;
    pp_rich text;          /* paragraph */
    pp_rich *items;        /* list */
    size_t nitems;
    bool numbered;
    const char *caption;   /* table, chart title */
    const char *source;    /* table source line */
    pp_row *header;        /* table; NULL when none */
    pp_row *rows;
    size_t nrows;
    pp_table_column *columns; /* table: NULL when the document sets none */
    size_t ncolumns;
    const char *chart_type; /* "barre" / "torta" */
    const char *chart_unit;
    pp_series *series;
    size_t nseries;
    const char *file;       /* image */
    const char *alt;        /* image, chart */
    double width_percent;   /* image; 0 = natural */
    pp_section *section;    /* nested section */
} pp_block;

struct pp_section {
    const char *id, *role, *title;
    pp_block *blocks;
    size_t nblocks;
    pp_pos pos;
};

/* ---- the calendar of the phases (Calendario) ------------------------------ */

/* A month of the calendar; y == 0 when unusable (reported). */
typedef struct {
    int y, m; /* m 1-12 */
} pp_month;

typedef struct {
    const char *title;
    const char *actors; /* Attori; NULL when not written */
    pp_month from, to;  /* da, a: both included */
    pp_pos pos;
} pp_activity;

typedef struct {
    const char *title;
    pp_activity *activities;
    size_t nactivities;
    pp_pos pos;
} pp_phase;

/* Months from January of year 0: m's place on a time line (a - b + 1 is
 * the number of months from b to a, both included). */
static inline int pp_month_index(pp_month m) { return m.y * 12 + m.m - 1; }

/* ---- the document -------------------------------------------------------- */

typedef struct pp_doc pp_doc;

struct pp_doc {
    pp_arena *arena;
    const char *path; /* source file, for messages and relative file names */
    pp_doc_kind kind;
    const char *title, *subtitle;
    int year, span_from, span_to; /* span 0 when absent */
    pp_pos year_pos, span_pos, tree_pos;
    const char *admin_name, *admin_short, *logo_file, *logo_alt;
    pp_pos logo_pos;
    bool has_approval;
    const char *approval_organ, *approval_number;
    pp_date approval_date;
    pp_date document_date;
    pp_pos approval_pos;
    pp_smvp smvp;
    pp_unit_org *units;
    size_t nunits;
    pp_person *people;
    size_t npeople;
    pp_node *root; /* level PP_LEVEL_ENTE, titled with the administration */
    pp_section *sections;
    size_t nsections;
    pp_phase *phases; /* Calendario, in document order; none when absent */
    size_t nphases;
    pp_pos calendar_pos;
    /* Documents this one is read against, set by the caller once they are
     * loaded, checked and scored; not owned (freed by whoever loaded them).
     * piano: the Piano this Relazione reports on ("Variazioni rispetto al
     * Piano"); precedenti: earlier Relazioni of the same administration,
     * oldest first (the trend over the years). NULL / 0 when not given. */
    const pp_doc *piano;
    const pp_doc *const *precedenti;
    size_t nprecedenti;
};

pp_doc *pp_doc_new(void);
void pp_doc_free(pp_doc *doc);

/* Names as the vocabulary and the page use them. */
const char *pp_level_name(pp_level l);  /* "ente", "ambito", ... */
const char *pp_op_symbol(pp_op op);     /* ">=", "<=", "=", ">", "<", "Entro" */
const char *pp_unit_symbol(pp_unit u);  /* "N.", "%", ... ("" for dates) */
const char *pp_rule_name(pp_rule r);

/* The target for `year`, or NULL. */
const pp_target *pp_indicator_target(const pp_indicator *ind, int year);
/* The soglia for `year`: its own, else the one without anno, else NULL. */
const pp_soglia *pp_indicator_soglia(const pp_indicator *ind, int year);

/* An objective "non oggetto di misurazione": declared so, or all its
 * children weigh 0 (written 0) or are themselves not measured. Only
 * strategic and operational objectives; validation and scoring agree on
 * it through this one function. pp_node_mark_not_measured computes it
 * from the node's own data and its children's marks (the loader calls it
 * bottom up, so a question asked for every node stays linear);
 * pp_objective_not_measured reads the mark. */
void pp_node_mark_not_measured(pp_node *n);
bool pp_objective_not_measured(const pp_node *n);

/* Depth-first walk in document order; stops early when fn returns false. */
typedef bool (*pp_visit_fn)(pp_node *n, void *ctx);
bool pp_tree_walk(pp_node *n, pp_visit_fn fn, void *ctx);

/* Files the document names (the logo, images), as written in the document
 * and where they are: a relative name is relative to the document's
 * folder. pp_doc_file_path returns a malloc'ed path, NULL when out of
 * memory. pp_doc_each_file calls fn for each, in document order, until fn
 * returns false (then it returns false). */
char *pp_doc_file_path(const pp_doc *doc, const char *file);
typedef bool (*pp_file_fn)(const pp_doc *doc, const char *file, pp_pos pos, void *ctx);
bool pp_doc_each_file(const pp_doc *doc, pp_file_fn fn, void *ctx);

/* The removal of n itself (a Variazione tipo="rimozione"), or NULL. */
const pp_change *pp_node_removal(const pp_node *n);
/* True when n or an objective above it was removed during the year and is
 * not counted: what it measured no longer concerns the year's results. */
bool pp_node_dropped(const pp_node *n);

/* The trend over the years (match.c): sets doc->precedenti (earlier
 * Relazioni, oldest first, loaded, checked and scored by the caller, who
 * keeps them alive as long as doc) and every node's `past`. Matching is by
 * code within a level: an objective or indicator that continues keeps its
 * code; a code of another year that is not here is simply not shown. False
 * when out of memory (doc then has no precedenti). */
bool pp_doc_link_precedenti(pp_doc *doc, const pp_doc *const *prev, size_t n);
/* How many nodes of doc, the ente aside, have a match in precedenti[i]. */
size_t pp_doc_past_matches(const pp_doc *doc, size_t i);

/* ---- rules of the data itself --------------------------------------- */

/* a meets target t under op. Equality is pp_nearly_equal: relative to the
 * magnitudes, so 0.1 + 0.2 = 0.3 as on paper while 0 >= 1e-9 is false and
 * 1e15 + 1 = 1e15 is false. */
bool pp_target_met(pp_op op, double a, double t);
/* a and b equal but for the binary noise of a few operations. Values
 * written with more than PP_DECIMAL_DIGITS significant digits may differ
 * below that noise; the loader warns about them. */
bool pp_nearly_equal(double a, double b);

#endif
