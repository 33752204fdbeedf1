// Compiles a Typst document to PDF with the npm Typst compiler
// (@myriaddreamin/typst-ts-node-compiler), the fonts of perfpdf's fonts/
// folder only, as the benchmark's counterpart of `perfpdf render`.
//
//   node typst_compile.js MODULE_DIR FONTS_DIR IN.typ OUT.pdf
//
// Prints "typst: PAGES pages, compile S s, pdf S s" on stdout. Exit 1 on a
// compile error (its diagnostics on stderr).
'use strict';
const fs = require('fs');
const path = require('path');

const [moduleDir, fontsDir, input, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node typst_compile.js MODULE_DIR FONTS_DIR IN.typ OUT.pdf');
  process.exit(2);
}
const { NodeCompiler } = require(path.join(moduleDir, 'node_modules',
  '@myriaddreamin', 'typst-ts-node-compiler'));

const t0 = process.hrtime.bigint();
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: [{ fontPaths: [path.resolve(fontsDir)] }],
});
const t1 = process.hrtime.bigint();
const result = compiler.compile({ mainFilePath: path.resolve(input) });
const doc = result.result;
if (!doc || result.hasError()) {
  result.printDiagnostics();
  process.exit(1);
}
const t2 = process.hrtime.bigint();
const pdf = compiler.pdf(doc);
fs.writeFileSync(output, pdf);
const t3 = process.hrtime.bigint();
const s = (a, b) => (Number(b - a) / 1e9).toFixed(3);
console.log(`typst: ${doc.numOfPages} pages, fonts ${s(t0, t1)} s, compile ${s(t1, t2)} s, ` +
            `pdf ${s(t2, t3)} s`);
