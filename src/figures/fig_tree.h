/* Internals of the tree diagram: fig_tree.c builds the boxes and decides
 * the arrangement, fig_tree_slice.c cuts it into slices, fig_tree_draw.c
 * draws one slice. */
#ifndef PP_FIG_TREE_H
#define PP_FIG_TREE_H

#include "fig_common.h"

/* Children side by side under their parent (a row of columns), or as an
 * indented list under it (like a file tree). */
typedef enum { KIDS_NONE, KIDS_ROW, KIDS_LIST } kids_mode;

typedef struct tnode tnode;
struct tnode {
    const pp_node *n;
    tnode *parent;
    tnode **kids;
    size_t nkids;
    int depth;
    kids_mode mode;
    double col_x, col_w; /* the column the subtree may use */
    double box_x, box_w, box_h;
    double need; /* box + the first boxes below it (kept together) */
    pp_lines *title, *weight, *value;
    bool meta_two_lines; /* weight above the achievement (narrow boxes) */
    /* Slicing state. */
    bool placed, done;
    size_t next; /* KIDS_LIST: first child not finished */
    double y;    /* top of the box in the slice that holds it */
};

typedef enum { OP_BOX, OP_LINE, OP_SEGUE } op_kind;

typedef struct {
    op_kind kind;
    const tnode *node;    /* OP_BOX */
    const pp_lines *text; /* OP_SEGUE */
    double x, y, x2, y2;  /* OP_LINE: both ends; else the top-left corner */
} tree_op;

typedef struct {
    tree_op *ops;
    size_t nops, cap;
    double height;
} tree_slice;

struct pp_tree_diagram {
    pp_text *t;
    pp_figure_style style;
    const pp_doc *doc;
    bool operational;
    double w;
    tnode *nodes;
    size_t nnodes;
    tnode **kidbuf;
    double lh; /* a line of the label font */
    /* Slices of the last pp_tree_diagram_slices() call. */
    bool sliced;
    tree_slice *slices;
    size_t nslices;
    pp_lines **labels; /* "segue" labels, owned here */
    size_t nlabels, cap_labels;
    bool placed_any; /* in the slice being filled */
    bool oom;
};

/* Geometry shared by the three files (points). */
#define TREE_PAD 4.0     /* inside a box */
#define TREE_STRIPE 3.0  /* band-coloured stripe on the left of a box */
#define TREE_HGAP 10.0   /* between columns of a row */
#define TREE_VGAP 16.0   /* parent box -> row of children (bus halfway) */
#define TREE_LGAP 5.0    /* between the items of a list */
#define TREE_INDENT 14.0 /* of a list under its parent */
#define TREE_LINE 0.75   /* connectors */

double tree_segue_height(const pp_tree_diagram *td);

/* Fills td->slices for a first slice at most first_h tall and the others
 * at most max_h; false when out of memory. */
bool tree_slice_all(pp_tree_diagram *td, double first_h, double max_h);
void tree_slices_clear(pp_tree_diagram *td);

/* Draws one box with its top-left corner at (x, y). */
bool tree_draw_box(const pp_tree_diagram *td, const tnode *n, pp_page *p, double x, double y);

#endif
