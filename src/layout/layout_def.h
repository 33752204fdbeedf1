/* The layout definition as data (parsed from layouts/NAME.xml by
 * layout_def.c). Internal to the layout module. */
#ifndef PP_LAYOUT_DEF_H
#define PP_LAYOUT_DEF_H

#include "arena.h"
#include "figures.h"
#include "layout.h"

/* Font roles. */
typedef enum {
    LY_F_BODY,
    LY_F_H1,
    LY_F_H2,
    LY_F_H3,
    LY_F_H4,
    LY_F_TABLE,
    LY_F_TABLE_HEAD,
    LY_F_BAND,
    LY_F_NOTE,
    LY_F_CAPTION,
    LY_F_TOC_TITLE,
    LY_F_TOC1,
    LY_F_TOC2,
    LY_F_HEADER,
    LY_F_FOOTER,
    LY_F_COVER_ADMIN,
    LY_F_COVER_TITLE,
    LY_F_COVER_SUBTITLE,
    LY_F_COVER_APPROVAL,
    LY_F_FIG_LABEL,
    LY_F_FIG_VALUE,
    LY_F_COUNT
} ly_font_role;

typedef struct {
    pp_font_spec spec;
    pp_rgb color;
    double space_before, space_after; /* points (headings, paragraphs) */
} ly_font;

typedef enum {
    LY_C_TEXT,
    LY_C_MUTED,
    LY_C_RULE,
    LY_C_BORDER,
    LY_C_HEAD_BG,
    LY_C_HEAD_FG,
    LY_C_BAND_BG,
    LY_C_BAND_FG,
    LY_C_GROUP_BG,
    LY_C_ACCENT,
    LY_C_MARK, /* N/D, overridden and revised values */
    LY_C_COUNT
} ly_colour;

/* Labels: Italian text on the page, with {placeholders}. */
typedef enum {
    LY_L_TOC,
    LY_L_APPROVAL,
    LY_L_HEADER,
    LY_L_FOOTER,
    LY_L_ENTE,
    LY_L_AREAS,
    LY_L_SUMMARY,
    LY_L_LEGEND,
    LY_L_LEGEND_LT,
    LY_L_LEGEND_BETWEEN,
    LY_L_LEGEND_GE,
    LY_L_COL_OBJECTIVE,
    LY_L_COL_WEIGHT,
    LY_L_COL_ACHIEVEMENT,
    LY_L_COL_OUTCOME,
    LY_L_AREA_HEADING,
    LY_L_STRATEGIC_HEADING,
    LY_L_OPERATIONAL_LIST,
    LY_L_STRATEGIC_INDICATORS,
    LY_L_PERSON_HEADING,
    LY_L_ND,
    LY_L_NOT_EVALUATED,
    LY_L_NOTE_ND,
    LY_L_NOTE_OVERRIDE,
    LY_L_NOTE_REVISED,
    LY_L_CONTINUED,
    LY_L_DEADLINE,
    LY_L_SOURCE,
    LY_L_ENTE_CAPTION,
    LY_L_TREE_TOO_LARGE,
    LY_L_KEYWORDS,
    LY_L_SUBJECT,
    LY_L_NO_PEOPLE,
    LY_L_LEGEND_ND,
    LY_L_COL_BAND_RANGE,
    LY_L_NOTE_WEIGHTS,
    LY_L_LEGEND_ASSUMED,
    LY_L_NOT_COMPLETED,
    LY_L_NOT_MEASURED,
    LY_L_NOTE_NOT_COMPLETED,
    LY_L_NOTE_LEFT_OUT,
    LY_L_APPROVAL_DATE,
    LY_L_APPROVAL_ORGAN,
    LY_L_APPROVAL_NUMBER,
    LY_L_CHANGE_ACT,
    LY_L_CHANGE_DATE,
    LY_L_NOTE_MOVED,
    LY_L_NOTE_MOVED_OBJECTIVE,
    LY_L_NOTE_REMOVED,
    LY_L_NOTE_REMOVED_COUNTED,
    LY_L_NOTE_REDEFINED,
    LY_L_PERSON_TOTAL,
    LY_L_OWN_OBJECTIVE,
    LY_L_UNIT_HEADING,
    LY_L_UNIT_TOTAL,
    LY_L_NO_UNITS,
    LY_L_STATUS_DESCRIPTIVE,
    LY_L_NOTE_REVISED_DATE,
    LY_L_STATUS_REMOVED,
    /* a plan (<layout kind="piano">): the SMVP in words (<sistema/>) and
     * the tree as a table of weights and budgets (<plan-tree/>) */
    LY_L_SMVP_RULE_LINEARE,
    LY_L_SMVP_RULE_SOGLIA,
    LY_L_SMVP_RULE_BINARIA,
    LY_L_SMVP_DEADLINE,
    LY_L_SMVP_DEADLINE_DAYS,
    LY_L_SMVP_TOLERANCE_STRATEGICO,
    LY_L_SMVP_TOLERANCE_OPERATIVO,
    LY_L_SMVP_TOLERANCE_INDICATORE,
    LY_L_SMVP_MIX,
    LY_L_SMVP_MIX_OPERATIVI,
    LY_L_SMVP_MIX_INDICATORI,
    LY_L_SMVP_WEIGHTS,
    LY_L_SMVP_BANDS,
    LY_L_COL_BUDGET,
    LY_L_AREA_TOTAL,
    LY_L_ENTE_TOTAL,
    LY_L_COVER_TITLE,    /* {titolo} {sottotitolo} {anno} */
    LY_L_COVER_SUBTITLE,
    /* <dashboards/> and <people categoria="..."/> (dashboards.c) */
    LY_L_DASHBOARD_HEADING, /* {codice} {nome} */
    LY_L_NO_DASHBOARDS,
    LY_L_COL_CODE,
    LY_L_COL_DASH_ITEM,
    LY_L_COL_DASH_TARGET,   /* {anno} */
    LY_L_COL_MONITORING,    /* {data}: the latest Monitoraggio of the document */
    LY_L_COL_PARTIAL,
    LY_L_COL_UNITS,
    LY_L_COL_HOLDERS,
    LY_L_MONITORING_AT,     /* {data}: under a value measured on another day */
    LY_L_PERSON_DASHBOARD_HEADING, /* {nome} {incarico}: <people categoria>, with an incarico */
    /* a revision's Motivazione after its note, and one made by the
     * document itself (nelDocumento) */
    LY_L_NOTE_REVISED_REASON,
    LY_L_NOTE_REVISED_HERE,
    /* the schede (<schede/>): one sheet per strategic objective */
    LY_L_SCHEDA_AREA,       /* the ambito's heading: {titolo} */
    LY_L_SCHEDA_HEADING,    /* the sheet's heading: {titolo} */
    LY_L_SCHEDA_KIND,       /* no tipo: "Obiettivo strategico" */
    LY_L_SCHEDA_COMUNE,
    LY_L_SCHEDA_SPECIFICO,
    LY_L_SCHEDA_ENTE,
    LY_L_SCHEDA_SPAN,       /* {dal} {al} */
    LY_L_SCHEDA_INDICATORS,
    LY_L_SCHEDA_OPERATIONAL, /* {titolo} */
    LY_L_SCHEDA_RESPONSIBLE, /* {nome} */
    LY_L_SCHEDA_COMMENT,
    LY_L_SCHEDA_NOTES,
    LY_L_SCHEDA_TRENDS,
    LY_L_COL_ALGORITHM,
    LY_L_COL_NOTE,
    LY_L_COL_FONTE,
    LY_L_COL_SERIES,
    LY_L_COL_INDICATOR,
    LY_L_COL_TARGET_YEAR, /* {anno} */
    LY_L_SCHEDA_REASON,   /* {anni} {motivo}: why targets were revised */
    /* <sistema/>: Aggregazione metodo="media", one sentence per level */
    LY_L_SMVP_MEAN_ENTE,
    LY_L_SMVP_MEAN_AMBITO,
    LY_L_SMVP_MEAN_STRATEGICO,
    LY_L_SMVP_MEAN_OPERATIVO,
    /* <calendar/>: the calendar of the phases */
    LY_L_CALENDAR_CAPTION,
    LY_L_COL_NUMBER,
    LY_L_COL_ACTIVITY,
    LY_L_COL_ACTORS,
    /* <indicator-tree/>: the tree with indicators, targets and budgets */
    LY_L_COL_OBJECTIVE_INDICATOR,
    LY_L_COL_UNIT,
    LY_L_STRATEGY_MAP,   /* caption of <strategy-map/> */
    LY_L_STRATEGY_MAP_TOO_LARGE, /* instead of a map that no page holds */
    LY_L_FOOTER_FRONT,   /* {n}: the footer of a front-matter page (front-matter="roman") */
    /* <variations/>: the Relazione against its Piano (variations.c) */
    LY_L_VARIATIONS_SUMMARY, /* {piano} {n} {m} */
    LY_L_VARIATIONS_NONE,    /* {piano} */
    LY_L_COL_ELEMENT,
    LY_L_COL_VARIATION,
    LY_L_COL_PIANO,
    LY_L_COL_RELAZIONE,
    LY_L_COL_RECORDED,
    LY_L_VARIATION_ACT,      /* {delibera} {data} */
    LY_L_VARIATION_ACT_NUMBER, /* {delibera}: the act without a date */
    LY_L_VARIATION_UNRECORDED,
    LY_L_VARIATION_NO_ACT,   /* {data}: an element dated, without an act */
    /* <trends/>: the results of the earlier Relazioni (--precedenti) */
    LY_L_TRENDS_CAPTION,    /* the table of ente, areas and strategic objectives */
    LY_L_TRENDS_CHART,      /* the bar chart of ente and areas */
    LY_L_COL_TRENDS,        /* its first column */
    LY_L_TRENDS_INDICATORS, /* the table of the indicators' consuntivi */
    LY_L_TRENDS_NOTE,       /* what a dash means */
    /* <points-lost/>: where the ente's points were lost (points_lost.c) */
    LY_L_LOST_INTRO,        /* {ente} {persi} */
    LY_L_LOST_CHART,        /* {n}: the first n of more */
    LY_L_LOST_AREAS_CHART,
    LY_L_LOST_UNIT,
    LY_L_LOST_COL_SHARE,
    LY_L_LOST_COL_POINTS,
    LY_L_LOST_AREA,         /* {codice} {titolo} {punti} */
    LY_L_LOST_OBJECTIVE,    /* {obiettivo} */
    LY_L_LOST_OTHERS,       /* {n} {punti}: the rest of an area, its points beside */
    LY_L_LOST_TOTAL,
    LY_L_LOST_NOTE_BANDS,
    LY_L_LOST_CHART_ALL,    /* the chart holds every indicator that lost points */
    LY_L_LOST_CHART_ONE,    /* ... and there is one */
    /* <trends/>: the document's own serie storica beside the earlier years */
    LY_L_TRENDS_SERIES,      /* {valore}: the year's value in the serie storica */
    LY_L_TRENDS_SERIES_NOTE, /* what that line means */
    /* <variations/>: a Revisione of another value than the Piano's */
    LY_L_VARIATION_OTHER_PRIOR, /* {delibera} {data} {valore} */
    LY_L_TRENDS_ENTE,           /* the ente among the areas of the trend's chart */
    LY_L_COUNT
} ly_label;

/* Columns of an indicator table. */
typedef enum {
    LY_COL_WEIGHT,
    LY_COL_INDICATOR,
    LY_COL_TARGET,
    LY_COL_ACTUAL,
    LY_COL_ACHIEVEMENT,
    LY_COL_STATUS,
    LY_COL_NUMERATOR,
    LY_COL_DENOMINATOR,
    LY_COL_DEVIATION,
    LY_COL_TYPE,
    LY_COL_TARGET_NEXT,
    LY_COL_SOGLIA,
    LY_COL_ALGORITHM,
    LY_COL_TARGET_YEARS, /* target-anno: one column per year of the Triennio */
    LY_COL_UNIT,         /* unita: the indicator's unit of measure */
    LY_COL_HISTORY,      /* storico: the consuntivi of the earlier Relazioni (--precedenti) */
    LY_COL_COUNT
} ly_column_key;

typedef struct {
    ly_column_key key;
    double width; /* relative: the widths of the table are scaled to fill it */
    const char *label;
} ly_column;

/* What an objective's details line may print (<objective-details>). */
typedef enum {
    LY_D_DESCRIPTION,
    LY_D_COMMENT,
    LY_D_PERSPECTIVE,
    LY_D_MISSION,   /* missione / programma */
    LY_D_COFOG,
    LY_D_KIND,      /* comune / specifico */
    LY_D_BUDGET,    /* risorse, euro */
    LY_D_UNIT,      /* responsible organisational unit */
    LY_D_MANAGER,   /* responsible person, with role */
    LY_D_GENDER,
    LY_D_COUNT
} ly_detail_key;

typedef struct {
    ly_detail_key key;
    const char *label;
} ly_detail;

/* Where the details go: nowhere (seed 000 prints none), a row under the
 * objective's band in its table, or a block above the table. */
enum { LY_DETAILS_NONE, LY_DETAILS_TABLE, LY_DETAILS_BLOCK };

/* The outline of the document. */
typedef enum {
    LY_P_COVER,
    LY_P_TOC,
    LY_P_SECTION,
    LY_P_NARRATIVE,  /* the blocks of the Testi section with the section's role */
    LY_P_RESULTS,    /* section 1: gauges, summary table, legend */
    LY_P_TREE,       /* the performance tree diagram */
    LY_P_OBJECTIVES, /* area -> strategic -> operational tables */
    LY_P_ENTE,       /* the ente gauge (overall assessment) */
    LY_P_PEOPLE,     /* individual objectives, per person */
    LY_P_UNITS,      /* results per organisational unit */
    LY_P_OTHERS,     /* narrative sections the outline does not place */
    LY_P_SISTEMA,    /* the SMVP in words, generated from <Sistema> */
    LY_P_PLAN_TREE,  /* area -> strategic -> operational: weights, budgets, totals */
    LY_P_PAGEBREAK,
    LY_P_DASHBOARDS, /* per unit, the objectives and indicators it takes part in */
    LY_P_SCHEDE,     /* one sheet per strategic objective (layouts/schede.xml) */
    LY_P_CALENDAR,   /* the calendar of the phases, a Gantt-style table */
    LY_P_INDICATOR_TREE, /* the tree with indicators, algorithms, targets per year, budgets */
    LY_P_STRATEGY_MAP,   /* the BSC strategy map of the strategic objectives */
    LY_P_VARIATIONS,      /* the differences from the Piano (doc->piano), variations.c */
    LY_P_TRENDS,         /* the earlier years beside this one (--precedenti) */
    LY_P_POINTS_LOST     /* the indicators that cost the ente most points, by area */
} ly_part_kind;

/* What <objectives> shows: everything, or the strategic level (areas and
 * strategic objectives with their children and own indicators), or the
 * operational tables grouped under area and strategic headings. */
enum { LY_SHOW_ALL, LY_SHOW_STRATEGIC, LY_SHOW_OPERATIONAL };

/* What <narrative> places of its section: every block, or only those
 * before the first nested section (blocks="intro"), or the rest
 * (blocks="rest"), so that a generated part can stand between them. */
enum { LY_BLOCKS_ALL, LY_BLOCKS_INTRO, LY_BLOCKS_REST };

typedef struct ly_part ly_part;
struct ly_part {
    ly_part_kind kind;
    pp_pos pos;
    const char *role;   /* section: the Testi role it takes its title and narrative from */
    const char *title;  /* section: heading when the document has no such narrative */
    const char *number; /* section: a fixed number ("2.2"), its subsections 2.2.1... */
    bool numbered;      /* section */
    int first_number;   /* numbering of its subsections starts here (1; 0 for "3.0") */
    int orientation;    /* -1 inherit, 0 portrait, 1 landscape */
    bool new_page;      /* section starts on a new page */
    bool operational;   /* tree: include operational objectives */
    int show;           /* objectives: LY_SHOW_* */
    /* people categoria="po": only persons of that kind, each with the
     * dashboards' table (PP_PERSON_ANY: everyone, the usual table) */
    pp_person_kind person_kind;
    int blocks;         /* narrative: LY_BLOCKS_* */
    ly_part *children;
    size_t nchildren;
    size_t top;         /* points-lost: how many indicators it ranks */
};

struct pp_layout {
    pp_arena *arena;
    double page_w, page_h;
    double margin_top, margin_bottom, margin_left, margin_right;
    double header_h, footer_h; /* bands inside the margins box */
    ly_font fonts[LY_F_COUNT];
    pp_rgb colours[LY_C_COUNT];
    pp_band *bands; /* fallback when the SMVP has none (or no colours) */
    size_t nbands;
    const char *labels[LY_L_COUNT];
    ly_column *columns;
    size_t ncolumns;
    int toc_depth, number_depth;
    bool keep_numbers; /* a section left out keeps its number (numbering renumber="false") */
    /* <numbering front-matter="roman">: the pages before the first numbered
     * top-level section (cover, INDICE, Presentazione) are numbered i, ii,
     * ... and the body from 1, in the footers, the INDICE and the PDF's
     * page labels */
    bool roman_front;
    /* <numbers>: how values are printed. decimals and count_decimals (unit
     * N.): a fixed number, or -1 for as many as the source writes. */
    int decimals, count_decimals;
    bool op_symbols;     /* "≥ 200 N." rather than ">= 200 N." */
    /* <indicator-table weight>: the planned weight, with the effective one
     * beside it where N/D re-weighting changed it (true), or only the
     * effective weight (false: N/D rows print 0,00 %, as seed 000 does). */
    bool planned_weight;
    /* <narrative-table landscape="auto">: a table too wide for a portrait
     * page goes on a landscape one ("never": it wraps where it must). */
    bool wide_tables_landscape;
    ly_detail *details; /* <objective-details>: the fields, in order */
    size_t ndetails;
    int details_place;  /* LY_DETAILS_* */
    double paragraph_gap, cell_pad;
    /* <layout kind="piano">: a plan, which has no results to print: no
     * grado or valutazione columns, weights as planned, no N/D. */
    bool plan;
    ly_part root; /* LY_P_SECTION with the outline as children */
};

/* Substitutes {name} placeholders from kv (name, value, ..., NULL) into a
 * string in arena a; unknown placeholders are kept as written. */
char *ly_subst(pp_arena *a, const char *tmpl, const char *const *kv);

#endif
