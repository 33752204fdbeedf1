/* scale_gen: writes a generated document (scale_gen.h) for profiling by
 * hand, e.g.  build/tests/scale_gen word 90000 > big.xml
 *             build/tests/scale_gen --layout layouts/relazione.xml 5000 > lay.xml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scale_gen.h"

static int usage(void)
{
    fprintf(stderr, "usage: scale_gen SHAPE N   (a document on standard output)\n"
                    "       scale_gen --layout LAYOUT.xml N   (labels of N letters)\n"
                    "shapes:\n");
    const char *what, *name;
    for (int i = 0; (name = pp_gen_shape(i, &what)); i++)
        fprintf(stderr, "  %-18s %s (n <= %ld)\n", name, what, pp_gen_max(name));
    return 2;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) return usage();
    if (strcmp(argv[1], "--layout") == 0) {
        if (argc != 4) return usage();
        return pp_gen_layout(stdout, argv[2], atol(argv[3])) ? 0 : 1;
    }
    if (argc != 3) return usage();
    if (!pp_gen_write(stdout, argv[1], atol(argv[2]))) return usage();
    return fflush(stdout) == 0 ? 0 : 1;
}
