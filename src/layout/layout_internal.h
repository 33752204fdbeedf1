/* Shared state of one rendering (the files layout_*.c): the plan of the
 * document (a flat list of what goes on the pages, in order, with every
 * heading known before pagination), the page flow, tables, and helpers.
 * Internal to the layout module. */
#ifndef PP_LAYOUT_INTERNAL_H
#define PP_LAYOUT_INTERNAL_H

#include "layout_def.h"
#include "compare.h"

/* ---- headings and the plan ---------------------------------------------- */

typedef struct {
    int level;          /* 1 = top */
    const char *number; /* "3.1", or NULL when unnumbered */
    const char *title;  /* as printed after the number */
    const char *text;   /* number and title, as the page, INDICE and outline show it */
    const char *dest;   /* named destination */
    bool in_toc;
    /* Its page (1-based, 0: never placed) as the first pass found it: what
     * the INDICE, the outline and the page labels print. */
    int page;
    int placed;         /* where the pass under way put it, 0 until then */
} ly_heading;

typedef enum {
    PL_COVER,
    PL_TOC,
    PL_HEADING,     /* heading: index into ctx->heads */
    PL_BLOCKS,      /* narrative blocks (no nested sections) */
    PL_RESULTS,
    PL_TREE,        /* flag: operational objectives too */
    PL_AREA,        /* node: the summary of an area (its strategic objectives) */
    PL_STRATEGIC,   /* node: summary of a strategic objective and its own indicators */
    PL_OPERATIONAL, /* node: the indicator table of an operational objective */
    PL_ENTE,
    PL_PERSON,      /* person: table of individual objectives */
    PL_NO_PEOPLE,
    PL_UNIT,        /* unit: its objectives and result */
    PL_NO_UNITS,
    PL_SISTEMA,     /* the SMVP in words */
    PL_PLAN_TREE,   /* the tree as a table of weights and budgets */
    PL_SCHEDA,      /* node: the sheet of a strategic objective (schede.c) */
    PL_CALENDAR,    /* the calendar of the phases */
    PL_INDICATOR_TREE, /* the tree with indicators, targets per year and budgets */
    PL_STRATEGY_MAP, /* the strategy map (strategy.c) */
    PL_ORIENT,      /* flag: landscape */
    PL_PAGEBREAK,
    PL_DASHBOARD,   /* unit: the objectives and indicators it takes part in */
    PL_NO_DASHBOARDS,
    PL_PERSON_DASHBOARD, /* person: its objectives in the dashboards' table */
    PL_VARIATIONS,   /* the differences from the Piano (variations.c) */
    PL_TRENDS,      /* the earlier years beside this one (trends.c) */
    PL_POINTS_LOST  /* count: the indicators that cost most points, by area */
} ly_plan_kind;

typedef struct {
    ly_plan_kind kind;
    size_t heading;
    const pp_block *blocks;
    size_t nblocks;
    const pp_node *node;
    const pp_person *person;
    const pp_unit_org *unit;
    bool flag;
    size_t count;
} ly_plan_item;

/* ---- the page flow --------------------------------------------------------- */

/* Texts printed once for every row that refers to them are cut to these
 * many characters (with "…"): a band's word beside every indicator, an
 * objective's title in every person's table. Whole, they would make the
 * output grow as their length times the rows (a 100,000-character title
 * named by 1,000 people: 10^8 characters to shape); a word is a word, and
 * the title is printed whole in section 3. */
#define LY_MAX_WORD 120
#define LY_MAX_REFERENCE 400
#define LY_MAX_TAGS 16
#define LY_MAX_PENDING 8

typedef struct {
    /* The pages begun so far; a finished page (every page but the last)
     * has been handed on or dropped, and its slot is NULL. */
    pp_page **pages;
    unsigned char *decor;   /* per page: 1 = running header and footer */
    size_t npages, cap;
    bool landscape;         /* of the current page */
    bool want_landscape;    /* for the next content */
    double x0, x1, y0, y1;  /* body box of the current page */
    double y;               /* cursor */
    bool has_content;       /* something of the body is on the current page */
    const char *tags[LY_MAX_TAGS], *alts[LY_MAX_TAGS];
    int ntags;
    size_t pending[LY_MAX_PENDING]; /* headings waiting for their first content */
    pp_lines *pending_lines[LY_MAX_PENDING]; /* ... already shaped */
    int npending;
} ly_flow;

typedef struct ly_cache ly_cache;

/* The two passes (document.c): the first paginates, keeping of each page
 * only its number; the second lays out again with every heading's page and
 * the page count known, and hands each finished page to the sink. */
typedef enum { LY_PASS_PAGINATE, LY_PASS_EMIT } ly_pass;

typedef struct {
    const pp_doc *doc;
    const pp_layout *lay;
    pp_text *text;
    pp_diags *d;
    pp_arena *arena;        /* lives as long as the rendering */
    bool oom;
    pp_smvp smvp;           /* the document's, with the layout's bands as fallback */
    pp_figure_style fig;
    ly_plan_item *plan;
    size_t nplan, cap_plan;
    ly_heading *heads;
    size_t nheads, cap_heads;
    ly_flow flow;
    ly_cache *cache;
    size_t toc_first, toc_pages; /* page indexes reserved for the INDICE */
    pp_lines **toc_lines;        /* per heading in the INDICE, shaped once */
    bool has_toc;
    char *doc_dir;          /* folder of the document, for relative file names */
    ly_pass pass;
    size_t total_pages;     /* the count the first pass found ("di M") */
    pp_lines *header[2];    /* running header, portrait and landscape (second pass) */
    const pp_page_sink *sink;
    pp_diags *sink_d;       /* the caller's diagnostics, for the sink */
    pp_status sink_status;  /* what the sink said, when it refused a page */
    /* objectives.c: whether a weighted child of rw_parent at rw_level was
     * left out (asked once per parent, not once per row) */
    const pp_node *rw_parent;
    int rw_level;
    /* variations.c: the comparison with doc->piano, made once by the
     * plan in the arena that outlives both passes (a failure is reported
     * once, and the block prints nothing) */
    const pp_compare_result *variations;
    bool variations_failed;
    bool rw_dropped;
} ly_ctx;

/* ---- plan (layout_plan.c) ---------------------------------------------------- */

bool ly_plan_build(ly_ctx *c);

/* ---- flow (layout_flow.c) ------------------------------------------------------ */

bool fl_init(ly_ctx *c);
void fl_free(ly_ctx *c);
pp_page *fl_page(ly_ctx *c);
/* A new page (decor: running header and footer). Without force, an empty
 * current page of the wanted orientation is reused. */
bool fl_new_page(ly_ctx *c, bool force, bool decor);
/* Next content on a new page, unless the current one is still empty. */
bool fl_break(ly_ctx *c);
/* Orientation for what follows (a new page when it changes). */
bool fl_orient(ly_ctx *c, bool landscape);
/* Room left on the current page (made ready, of the wanted orientation)
 * once the headings waiting for content are placed; places nothing. */
double fl_room_under_headings(ly_ctx *c);
/* Makes room for content of height h: places the pending headings with it
 * (keep-with-next), on a new page when both do not fit here. After it,
 * h fits unless h is taller than an empty page. */
bool fl_need(ly_ctx *c, double h);
double fl_avail(const ly_ctx *c);
double fl_body_height(const ly_ctx *c);
double fl_width(const ly_ctx *c); /* body width for the wanted orientation */
void fl_advance(ly_ctx *c, double h);
void fl_gap(ly_ctx *c, double g);
bool fl_tag(ly_ctx *c, const char *name, const char *alt);
bool fl_end(ly_ctx *c);
bool fl_item(ly_ctx *c, const pp_dl_item *it);
/* Queues a heading; it is placed with the first content that follows. */
bool fl_heading(ly_ctx *c, size_t index);
/* Places headings still waiting (nothing followed them). */
bool fl_flush(ly_ctx *c);

/* A paragraph of shaped lines at x offset `indent` in the body, split
 * across pages as needed (never leaving a single line of a longer
 * paragraph behind or ahead); `label` (a list bullet) goes at label_x on
 * the first line. tag: structure tag around it, or NULL. */
typedef struct {
    const pp_lines *lines;
    double indent;
    pp_rgb color;
    const char *tag;
    const pp_lines *label;
    double label_x;
} ly_para;
bool fl_para(ly_ctx *c, const ly_para *p);

/* ---- text (layout_text.c) ------------------------------------------------------- */

const ly_font *ly_font_of(const ly_ctx *c, ly_font_role r);
pp_rgb ly_col(const ly_ctx *c, ly_colour k);
const char *ly_lbl(const ly_ctx *c, ly_label k);
/* Shapes text through the cache (text.c: short strings once per document,
 * longer ones once for both passes, within a budget). *owned tells
 * whether the caller frees the lines; when not, they live as long as the
 * layout. */
pp_lines *ly_shape(ly_ctx *c, const char *utf8, ly_font_role r, double width, pp_align align,
                   bool *owned);
pp_lines *ly_shape_rich(ly_ctx *c, const pp_rich *text, ly_font_role r, double width,
                        pp_align align, bool *owned);
bool ly_cache_new(ly_ctx *c);
void ly_cache_free(ly_ctx *c);
/* A paragraph of plain text in a font, placed in the flow. */
bool ly_text_para(ly_ctx *c, const char *utf8, ly_font_role r, pp_align align, const char *tag);
bool ly_rich_para(ly_ctx *c, const pp_rich *text, ly_font_role r, pp_align align, double indent,
                  const char *tag);

/* ---- values as printed (layout_format.c) ------------------------------------------- */

int ly_band(const ly_ctx *c, const pp_node *n);
pp_rgb ly_band_rgb(const ly_ctx *c, int band);
pp_rgb ly_band_tint(const ly_ctx *c, int band);
const char *ly_band_word(ly_ctx *c, int band);   /* "RAGGIUNTO" */
const char *ly_not_assessed(const ly_ctx *c);    /* statoNonValutato: "DA VALUTARE" */
const char *ly_band_short(ly_ctx *c, int band);  /* "PARZIALE", or NULL */
const char *ly_status_word(ly_ctx *c, const pp_node *ind);
const char *ly_percent(ly_ctx *c, double v);     /* "97,98 %" */
const char *ly_achievement(ly_ctx *c, const pp_node *n); /* "93,75 %", "N/D" */
/* An indicator's values with its unit and the decimals the layout's
 * <numbers> gives it ("1.150 N.", "16,40 fte"). */
int ly_decimals(const ly_ctx *c, const pp_indicator *ind);
const char *ly_value(ly_ctx *c, double v, const pp_indicator *ind);
const char *ly_number_with(ly_ctx *c, double v, int decimals, pp_unit u);
/* An indicator without targets that reports a value: printed with a dash
 * for target and grado and the status-descriptive word. */
bool ly_descriptive(const pp_node *n);
const char *ly_number(ly_ctx *c, double v); /* "1.146.100,00" */
const char *ly_op(const ly_ctx *c, pp_op op); /* ">=" or "≥", as the layout says */
const char *ly_target(ly_ctx *c, const pp_target *t, const pp_indicator *ind);
const char *ly_target_value(ly_ctx *c, pp_op op, bool has_value, double v, pp_date date,
                            const pp_indicator *ind);
const char *ly_actual(ly_ctx *c, const pp_indicator *ind);
/* "75 %" with a no-break space before the unit, so that a line never
 * ends between the number and its unit; s itself when out of memory
 * (noted). */
const char *ly_unbroken(ly_ctx *c, const char *s);
/* A value of the indicator's serie storica, with its unit. */
const char *ly_history_value(ly_ctx *c, double v, const pp_indicator *ind);
const char *ly_deviation(ly_ctx *c, const pp_node *n);
const char *ly_date(ly_ctx *c, pp_date d);
const char *ly_code_title(ly_ctx *c, const pp_node *n); /* "01_01 Title" */
/* The same, code and title each cut to LY_MAX_REFERENCE characters. */
const char *ly_code_title_ref(ly_ctx *c, const pp_node *n);
/* s itself when it has at most max characters, else its first max (at a
 * space when one is near) and "…", in the arena. */
const char *ly_clip(ly_ctx *c, const char *s, size_t max);
char *ly_upper(ly_ctx *c, const char *s);

/* ---- tables (layout_table.c) ------------------------------------------------------- */

typedef struct {
    const pp_lines *lines;
    size_t line;
    double h;
    double indent;
    pp_rgb color;
    bool strike;
    bool light; /* a traffic light at the left of this line */
    int band;
} ly_piece;

typedef struct {
    ly_piece *pieces;
    size_t npieces, cap;
    int col, span;
    double w;     /* width of the cell */
    bool fill;
    pp_rgb fill_color;
    double h;     /* height of the content */
    /* A cell that is a drawing (a calendar's bar): its box is tagged a
     * Figure with this alternative text inside the TD; NULL otherwise. */
    const char *alt;
} ly_cell;

typedef struct {
    ly_cell *cells;
    size_t ncells;
    int next_col;
    bool header;
    double h;     /* content height plus padding */
    bool keep_next; /* a band over the rows that follow: not alone at a page's foot */
} ly_row;

/* A cell's box as placed on a page, for the table's grid. */
typedef struct {
    double x, y, w, h;
} ly_box;

typedef struct {
    ly_ctx *c;
    size_t ncols;
    double *colw, width;
    ly_row *rows;
    size_t nrows, cap, nhead;
    pp_lines **owned;
    size_t nowned, cap_owned;
    const char *caption, *source;
    double keep_after; /* what follows (the first note line) stays with the last row */
    bool ok;
    ly_box *grid; /* boxes of the cells placed on the current page (table_grid.c) */
    size_t ngrid, cap_grid;
} ly_table;

/* Widths are relative; the table takes the body width. */
ly_table *tb_new(ly_ctx *c, const double *widths, size_t ncols);
void tb_free(ly_table *t);
ly_row *tb_row(ly_table *t, bool header);
ly_cell *tb_cell(ly_table *t, ly_row *r, int span);
bool tb_text(ly_table *t, ly_cell *cell, const char *utf8, ly_font_role f, pp_align align,
             pp_rgb color, bool strike);
bool tb_text_at(ly_table *t, ly_cell *cell, const char *utf8, ly_font_role f, pp_align align,
                pp_rgb color, bool strike, double indent);
bool tb_rich(ly_table *t, ly_cell *cell, const pp_rich *text, ly_font_role f, pp_align align,
             pp_rgb color);
/* Text with a traffic light before it. */
bool tb_light_text(ly_table *t, ly_cell *cell, int band, const char *utf8, ly_font_role f,
                   pp_rgb color);
/* The same, with `brief` instead of utf8 when utf8 would wrap (NULL: none). */
bool tb_light_text_fit(ly_table *t, ly_cell *cell, int band, const char *utf8,
                       const char *brief, ly_font_role f, pp_rgb color);
void tb_fill(ly_cell *cell, pp_rgb colour);
/* The cell's box is a figure with alternative text alt (kept, not copied). */
void tb_alt(ly_cell *cell, const char *alt);
bool tb_place(ly_table *t);
/* The grid (table_grid.c): a cell's box placed on the current page; the
 * borders of the boxes placed so far, as one stroked path on the current
 * page (before the page ends and when the table does). */
bool tg_add(ly_table *t, double x, double y, double w, double h);
bool tg_flush(ly_table *t);

/* ---- parts (layout_cover.c, layout_toc.c, layout_narrative.c, layout_results.c,
 *      layout_objectives.c) ----------------------------------------------------------- */

bool ly_cover(ly_ctx *c);
bool ly_toc_reserve(ly_ctx *c);
/* The INDICE's entries that go on page `index` (nothing when it is not a
 * page of the INDICE), with the headings' pages of the first pass. */
bool ly_toc_fill_page(ly_ctx *c, size_t index, pp_page *p);
/* The last page begun is finished (flow.c calls it before beginning the
 * next, and at the end): dropped in the first pass; in the second, its
 * INDICE entries, running header, footer and label added, handed to the
 * sink (document.c). */
bool ly_page_done(ly_ctx *c);
bool ly_blocks(ly_ctx *c, const pp_block *blocks, size_t n);
bool ly_results(ly_ctx *c);
bool ly_tree(ly_ctx *c, bool operational);
bool ly_ente(ly_ctx *c);
bool ly_area(ly_ctx *c, const pp_node *area);
bool ly_strategic(ly_ctx *c, const pp_node *s);
bool ly_operational(ly_ctx *c, const pp_node *o);
bool ly_person(ly_ctx *c, const pp_person *p);
/* Results per organisational unit: the objectives it answers for and its
 * result (units.c). */
bool ly_unit(ly_ctx *c, const pp_unit_org *u);
/* Dashboards (dashboards.c, <dashboards/> and <people categoria/>): per
 * unit, or per person, a table of objectives and indicators with the
 * target of the year, the latest Monitoraggio and its partial achievement
 * (when the document has some), the units and the holders of each row. */
bool ly_unit_has_dashboard(const ly_ctx *c, const pp_unit_org *u);
bool ly_dashboard(ly_ctx *c, const pp_unit_org *u);
bool ly_person_dashboard(ly_ctx *c, const pp_person *p);
/* A plan (piano.c): the SMVP in sentences generated from
 * the document's Sistema, and the tree area -> strategic -> operational as
 * one table of planned weights and budgets with totals. */
bool ly_sistema(ly_ctx *c);
bool ly_plan_tree(ly_ctx *c);
/* The sheet of a strategic objective (schede.c). */
bool ly_scheda(ly_ctx *c, const pp_node *s);
/* A target cell as the indicator tables print it (objectives.c): each
 * revised value struck through in the mark colour, then the target. */
bool ly_target_cell(ly_table *t, ly_cell *cell, const pp_node *n, const pp_target *tg);
/* An objective's budget as the plan's tables count it: its own Risorse,
 * else the sum of its children's; false when neither (piano.c). */
bool ly_budget(const pp_node *n, double *out);
/* The calendar of the phases as a Gantt-style table (calendar.c). */
bool ly_calendar(ly_ctx *c);
/* <variations/>: "Variazioni rispetto al Piano", a table of every
 * difference from doc->piano, the unrecorded ones highlighted. */
bool ly_variations(ly_ctx *c);
/* Makes c->variations (the plan, before the passes); false when out of
 * memory. */
bool ly_variations_compare(ly_ctx *c);
/* The tree with each objective's budget and its indicators' algorithm,
 * unit and target per year of the Triennio (indicator_tree.c). */
bool ly_indicator_tree(ly_ctx *c);
/* Page labels (document.c): how many pages are front matter (numbered i,
 * ii, ... under <numbering front-matter="roman">, else none), and the
 * label of page `index` (0-based) as its footer and the INDICE print it. */
size_t ly_front_pages(const ly_ctx *c);
void ly_page_label(const ly_ctx *c, size_t index, char *buf, size_t size);
/* Where the ente's points were lost (points_lost.c): the top indicators
 * and the areas as bar charts, then the top indicators in a table by area
 * with each area's subtotal. ly_points_lost_any: something was lost. */
bool ly_points_lost_any(const pp_doc *doc);
bool ly_points_lost(ly_ctx *c, size_t top);
/* A chart under its caption, kept together, as the narrative places one
 * (narrative.c). */
bool ly_chart(ly_ctx *c, const pp_block *b);
/* The strategy map under its caption, on a page of its own when the room
 * left is too small for it (strategy.c). */
bool ly_strategy_map(ly_ctx *c);
/* The earlier Relazioni beside this one (trends.c, <trends/>): a table of
 * ente, areas and strategic objectives per year, a bar chart of ente and
 * areas, a table of the indicators' consuntivi per year. */
bool ly_trends(ly_ctx *c);
/* The indicator tables' column storico: the consuntivi of the earlier
 * Relazioni that have the indicator, "2022: 40,00 %" a line, newest
 * first; a dash when none has it. */
bool ly_history_cell(ly_table *t, ly_cell *cell, const pp_node *n);
/* The years of the Triennio (the reference year alone when none). */
void ly_triennio(const ly_ctx *c, int *from, int *to);
/* The range of band i as the legend words it ("da 60 % a meno di 80 %"). */
const char *ly_band_range(ly_ctx *c, size_t i);
/* Rows shared by the score tables: a band (title, grado, valutazione), a
 * row of column labels, and the grado + valutazione cells of a node. */
bool ly_band_row(ly_table *t, const char *title, const pp_node *n);
bool ly_head_row(ly_table *t, const char *const *labels, size_t n);
bool ly_score_cells(ly_table *t, ly_row *r, const pp_node *n, ly_font_role f);
/* The weight column: the planned weight with "→ effective" under it where
 * N/D re-weighting changed it (*changed set, when changed is not NULL), or
 * the effective weight only, as the layout says. */
bool ly_weight_cell(ly_table *t, ly_cell *cell, const pp_node *n, bool *changed);
/* The note under such a table: codes is the list of the nodes left out,
 * grown by ly_add_uncounted ("" to start). */
const char *ly_add_uncounted(ly_ctx *c, const char *codes, const pp_node *n);
const char *ly_weights_note(ly_ctx *c, const char *codes);
/* A row "peso | code and title | grado | valutazione" for a child node
 * (*changed as for ly_weight_cell). */
bool ly_weighted_row(ly_table *t, const pp_node *n, bool *changed);
/* A closing row "label ... grado valutazione" for a total that is not a
 * node (a person's, a unit's); the table has at least 3 columns. */
bool ly_total_row(ly_table *t, const char *label, bool has, double value, int band);
/* An image in the flow (or a box with its alternative text when the file
 * cannot be read, with a warning); percent: of the body width, 0 natural. */
bool ly_image_block(ly_ctx *c, const char *file, const char *alt, double percent, double max_h,
                    pp_pos pos);
char *ly_resolve(ly_ctx *c, const char *file);

#endif
