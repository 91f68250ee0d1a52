// The module's optimization (scripts/minify.mjs calls it; index.html turns trunk's own off), with
// what no page can call taken out first. The app exports no class of its own: the classes in the
// glue come from a dependency (wasm-streams' IntoUnderlyingSource, Sink and ByteSource, through
// Leptos' server_fn), which nothing here calls, and wasm-bindgen keeps every export and what it
// reaches. So those classes leave the glue, their exports leave the module (binaryen's
// wasm-metadce, given every other export as used), then wasm-opt -Oz runs as trunk ran it:
// 4 KB of the module (1.9 KB brotli) and 1.2 KB of glue.
// Their exports gone, the futures those classes' methods made were still in the module (6.5 KB
// raw): Rust calls a future's code through a table of functions, and no tool can tell that no
// entry of that table will be called once the methods that made those futures are gone. So
// the functions named after those classes' modules (in the name section rustc writes) become a
// bare trap before the optimization, which then drops what only they called: 2.3 KB brotli.
// Sound because nothing else can make those values: the build fails if the glue still uses a
// class (below), and only the glue's class makes one for Rust.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionBodies, importedFunctions, leb, readLeb, readName, sections } from './wasm-names.mjs';
import { withOrderNames } from './wasm-order.mjs';

const bin = (tool) => join(new URL('..', import.meta.url).pathname, 'node_modules/.bin', tool);
// The features rustc enables by default for wasm32 (wasm-opt refuses the module otherwise);
// --converge repeats -Oz while it still shrinks the module (about 300 B brotli).
// --low-memory-unused lets wasm-opt fold `load(p + c)` into `load offset=c (p)`: the two differ
// only when p + c wraps past 4 GiB into the first KiB, which Rust code never addresses (rustc's
// wasm32 layout puts the 1 MiB stack first, so that KiB is the stack's far end; data starts at
// 1 MiB). 0.95 KB brotli.
const FEATURES = ['--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue'];

// The classes wasm-streams exports. Another class in the glue stops the build: it needs a look.
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The glue without wasm-streams' classes, and the module's exports that only they called. */
export function dropClasses(glue) {
  const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
  const other = classes.filter((name) => !UNUSED_CLASSES.includes(name));
  if (other.length) throw new Error(`wasm-unused: the glue exports ${other.join(', ')}: used by a page? (scripts/wasm-unused.mjs)`);
  const dropped = new Set();
  let out = glue;
  for (const name of classes) {
    const parts = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'),
      new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm'),
    ];
    for (const part of parts) {
      const text = out.match(part)?.[0];
      if (!text) throw new Error(`wasm-unused: the glue's class ${name} is not written as expected`);
      for (const [, field] of text.matchAll(/\bwasm\.(\w+)/g)) dropped.add(field);
      out = out.replace(part, '');
    }
    if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`wasm-unused: the glue still uses ${name}`);
  }
  for (const field of dropped) {
    if (out.includes(`wasm.${field}`)) dropped.delete(field);
  }
  return { glue: out, dropped };
}

// The functions of those classes: their methods, the futures they make, their drop glue.
export const CLASS_CODE = /\bwasm_streams(\[[0-9a-f]+\])?::(readable::into_underlying_(byte_)?source|writable::into_underlying_sink)::/;

/** The module with the body of every function whose name (name section) matches `pattern` made
 * a bare `unreachable`, and how many there were. */
export function trapped(wasm, pattern) {
  const imported = importedFunctions(wasm);
  const names = new Map();
  for (const section of sections(wasm)) {
    if (section.id !== 0) continue;
    let [title, p] = readName(wasm, section.body);
    if (title !== 'name') continue;
    while (p < section.end) {
      const kind = wasm[p];
      const [size, start] = readLeb(wasm, p + 1);
      p = start + size;
      if (kind !== 1) continue; // 1: function names
      let [count, q] = readLeb(wasm, start);
      for (let index, text; count > 0; count--) {
        [index, q] = readLeb(wasm, q);
        [text, q] = readName(wasm, q);
        names.set(index, text);
      }
    }
  }
  const { code, bodies } = functionBodies(wasm);
  if (!names.size || !code) throw new Error('wasm-unused: no function names or no code in the module');
  const parts = [leb(bodies.length)];
  let found = 0;
  bodies.forEach((body, i) => {
    if (pattern.test(names.get(imported + i) ?? '')) {
      parts.push(Buffer.from([3, 0, 0x00, 0x0b])); // 3 bytes: no locals, unreachable, end
      found++;
    } else {
      parts.push(leb(body.length), body);
    }
  });
  const content = Buffer.concat(parts);
  const module = Buffer.concat([wasm.subarray(0, code.at), Buffer.from([10]), leb(content.length), content, wasm.subarray(code.end)]);
  return { module, found };
}

/** The names of the module's exports. */
export function exportNames(wasm) {
  for (const { id, body } of sections(wasm)) {
    if (id === 7) {
      const names = [];
      let [count, p] = readLeb(wasm, body);
      for (let name; count > 0; count--) {
        [name, p] = readName(wasm, p);
        names.push(name);
        [, p] = readLeb(wasm, p + 1); // past its kind, then its index
      }
      return names;
    }
  }
  return [];
}

/** The module without the exports `dropped` and what only they reached, optimized for size
 * (`names`: its function names kept, for scripts/wasm-anatomy.sh). */
export function optimize(wasm, dropped, { names = false } = {}) {
  if (dropped.size) {
    const { module, found } = trapped(wasm, CLASS_CODE);
    if (!found) throw new Error("wasm-unused: no function of wasm-streams' classes found by name: renamed?");
    wasm = module;
  }
  const keep = names ? ['-g'] : [];
  const work = join(tmpdir(), `offres-wasm-${process.pid}`);
  const used = exportNames(wasm).filter((name) => !dropped.has(name));
  const graph = [{ name: 'js', root: true, reaches: used.map((_, i) => `e${i}`) },
    ...used.map((name, i) => ({ name: `e${i}`, export: name }))];
  writeFileSync(`${work}.json`, JSON.stringify(graph));
  writeFileSync(`${work}.wasm`, wasm);
  execFileSync(bin('wasm-metadce'), [`${work}.wasm`, ...keep, ...FEATURES, '--graph-file', `${work}.json`, '-o', `${work}.dce.wasm`], { stdio: 'ignore' });
  const oz = ['-Oz', '--converge', '--low-memory-unused', ...FEATURES];
  // First, every function's control flow rebuilt from scratch (binaryen's --flatten, then its
  // Relooper: --rereloop) before -Oz: LLVM's blocks and branches, rebuilt so, come out smaller
  // and more alike. 1.37 KB brotli out (126 409 → 125 036 B, 2026-11-25); run time the same
  // within the noise (bench-browser, interleaved with the build before: 10 000 offers, 6 runs
  // each, first card 531 → 519 ms; 100 000 offers, 6 runs each, 1 631 → 1 661 ms, keystroke →
  // updated list p95 12.5 → 12.8 ms). Measured and not kept: the same after -Oz (125 140 B), or
  // before the last -Oz below (125 639 B), or both (125 693 B). It adds about 7 s to the build
  // (the whole optimization 18.7 → 25.9 s here).
  execFileSync(bin('wasm-opt'), [`${work}.dce.wasm`, '--flatten', '--rereloop', ...oz, ...keep, '-o', `${work}.opt.wasm`], { stdio: 'inherit' });
  // Then the functions in the order brotli prefers (wasm-order.mjs), and -Oz once more on the
  // module renumbered. Not for the anatomy, which needs the real names and whose raw sizes the
  // order does not change.
  if (!names) {
    writeFileSync(`${work}.named.wasm`, withOrderNames(readFileSync(`${work}.opt.wasm`)));
    execFileSync(bin('wasm-opt'), [`${work}.named.wasm`, '--reorder-functions-by-name', ...oz, '--strip-debug', '-o', `${work}.opt.wasm`], { stdio: 'inherit' });
    rmSync(`${work}.named.wasm`);
  }
  const out = readFileSync(`${work}.opt.wasm`);
  for (const end of ['.json', '.wasm', '.dce.wasm', '.opt.wasm']) rmSync(work + end);
  const left = exportNames(out);
  for (const name of used) if (!left.includes(name)) throw new Error(`wasm-unused: the export ${name} was lost`);
  return out;
}
