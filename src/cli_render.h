/* `perfpdf render FILE [-o OUT.pdf] [--layout FILE] [--png DIR] [--timings]` */
#ifndef PP_CLI_RENDER_H
#define PP_CLI_RENDER_H

/* argv holds the arguments after "render"; returns the exit status. */
int pp_cmd_render(int argc, char **argv);

#endif
