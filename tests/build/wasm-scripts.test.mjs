// The build's own rewriting of the module and its glue (scripts/wasm-unused.mjs, wasm-names.mjs),
// tried on a small module written here (assembled by binaryen's wasm-as, names kept) and a glue
// in wasm-bindgen's shape. The app's build runs them on the real module; this says what each does
// and that what it refuses stops the build. Run: node --test tests/build/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLASS_CODE, exportNames, optimize, trapped } from '../../scripts/wasm-unused.mjs';
import { shortenNames } from '../../scripts/wasm-names.mjs';

const bin = (tool) => new URL(`../../node_modules/.bin/${tool}`, import.meta.url).pathname;

/** What `work` returns, given a folder of its own, removed afterwards. */
function inTmp(work) {
  const dir = mkdtempSync(join(tmpdir(), 'offres-wat-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

/** The module of `wat`, with its name section. */
const assemble = (wat) => inTmp((dir) => {
  writeFileSync(join(dir, 'm.wat'), wat);
  execFileSync(bin('wasm-as'), [join(dir, 'm.wat'), '-g', '--enable-reference-types', '-o', join(dir, 'm.wasm')]);
  return readFileSync(join(dir, 'm.wasm'));
});

/** The module as text. */
const text = (wasm) => inTmp((dir) => {
  writeFileSync(join(dir, 'm.wasm'), wasm);
  return execFileSync(bin('wasm-dis'), [join(dir, 'm.wasm'), '--enable-reference-types'], { encoding: 'utf8' });
});

// A future of one of wasm-streams' classes, kept alive by the table only (as a trait object's
// method is), beside the app's own code.
const WAT = `(module
  (import "./offres_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
  (import "./offres_bg.js" "__wbg_close_0123456789abcdef" (func $close (param i32)))
  (table 2 funcref)
  (elem (i32.const 0) $app::poll $wasm_streams::writable::into_underlying_sink::Inner::close::poll)
  (func $app::poll (param i32) (call $log (local.get 0)))
  (func $wasm_streams::writable::into_underlying_sink::Inner::close::poll (param i32)
    (call $close (local.get 0)))
  (func $main (export "main") (param i32 i32) (call_indirect (param i32) (local.get 0) (local.get 1)))
)`;

test("the functions of wasm-streams' classes become a trap, the others stay as they were", () => {
  const { module, found } = trapped(assemble(WAT), CLASS_CODE);
  assert.equal(found, 1);
  const wat = text(module);
  assert.match(wat, /\(func \$wasm_streams::writable::into_underlying_sink::Inner::close::poll \(param \$0 i32\)\n  \(unreachable\)\n \)/);
  assert.match(wat, /\(func \$app::poll \(param \$0 i32\)\n  \(call \$log/);
  // Optimized, the import only the trapped function called is gone; the table keeps both entries.
  const optimized = optimize(module, new Set());
  assert.deepEqual(exportNames(optimized), ['main']);
  const after = text(optimized);
  assert.match(after, /__wbg_log_0123456789abcdef/);
  assert.doesNotMatch(after, /__wbg_close_0123456789abcdef/);
});

test('a name that is not one of those classes is left alone', () => {
  const wat = WAT.replaceAll('wasm_streams::writable::into_underlying_sink', 'my_streams::sink');
  assert.equal(trapped(assemble(wat), CLASS_CODE).found, 0);
});

const GLUE = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) {
            console.log(arg0);
        },
        __wbg_close_0123456789abcdef: function() { return handleError(function (arg0) {
            arg0.close();
        }, arguments); },
    };
    return { __proto__: null, "./offres_bg.js": import0 };
}
export function main(a, b) { wasm.main(a, b); }
`;

test('the glue loses the imports the module no longer calls; the others get short names', () => {
  const module = optimize(trapped(assemble(WAT), CLASS_CODE).module, new Set());
  const { glue } = shortenNames(module, GLUE);
  assert.doesNotMatch(glue, /close/);
  assert.doesNotMatch(glue, /0123456789abcdef/);
  assert.match(glue, /\n {8}a: function\(arg0\) \{\n {12}console\.log\(arg0\);\n {8}\},\n {4}\};/);
  assert.match(glue, /a: import0/);
  assert.match(glue, /wasm\.b\(a, b\)/);
});

test('an import the glue writes in a form not known stops the build', () => {
  const module = optimize(trapped(assemble(WAT), CLASS_CODE).module, new Set());
  // On one line: the entry after it would go with it, and the import it names is then missing.
  const oneLine = GLUE.replace(/__wbg_close_0123456789abcdef: function\(\) \{[\s\S]*?arguments\); \},/,
    '__wbg_close_0123456789abcdef: function(arg0) { arg0.close(); },');
  const reordered = oneLine.replace(/( {8}__wbg_log[\s\S]*?\n {8}\},\n)( {8}__wbg_close.*\n)/, '$2$1');
  assert.throws(() => shortenNames(module, reordered), /__wbg_log_0123456789abcdef is written 0 times/);
});
