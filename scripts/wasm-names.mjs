// The names by which the module and its glue call each other, made short (scripts/minify.mjs
// calls it on trunk's output). wasm-bindgen names each import after its function and a hash
// (`__wbg_getElementById_7ee213db584f37b0`, 169 of them) and some exports after their full Rust
// type (250 characters): 14 KB of names, written once in the module and once in the glue, whose
// hashes brotli cannot shorten. Here each becomes one or two letters, in the module's import and
// export sections only (the code is left byte for byte: rewriting it with wasm-opt would grow it),
// and in the glue, where wasm-bindgen writes them in two forms only: `name: function(` keys of
// the imports object, and `wasm.name` for the exports. Anything else is refused, so that a new
// wasm-bindgen that writes them otherwise fails the build rather than the page.
// Hand-written rather than binaryen's --minify-imports-and-exports: that pass rewrites the whole
// module (its code grew by 0.8 KB) and wasm-bindgen's glue would still need the same rewriting.

const RESERVED = new Set(['do', 'if', 'in']);

function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const next = first + '0123456789';
  for (const a of first) yield a;
  for (const a of first) for (const b of next) if (!RESERVED.has(a + b)) yield a + b;
}

export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => { const b = Buffer.from(text, 'utf8'); return Buffer.concat([leb(b.length), b]); };

/** The module's sections, in order: each one's id, where it starts (`at`), where its content
 * starts (`body`) and where it ends. */
export function* sections(wasm) {
  for (let at = 8; at < wasm.length;) {
    const [size, body] = readLeb(wasm, at + 1);
    yield { id: wasm[at], at, body, end: body + size };
    at = body + size;
  }
}

export function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

// Past an import's description (func, table, memory, global, tag).
export function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => { const flags = bytes[p++]; [, p] = readLeb(bytes, p); if (flags & 1) [, p] = readLeb(bytes, p); return p; };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readLeb(bytes, at + 1)[1];
    default: throw new Error(`wasm-names: import of unknown kind ${kind}`);
  }
}

/** How many functions the module imports (the first index of those it defines). */
export function importedFunctions(wasm) {
  let imported = 0;
  for (const { id, body } of sections(wasm)) {
    if (id !== 2) continue;
    let [count, p] = readLeb(wasm, body);
    for (; count > 0; count--) {
      [, p] = readName(wasm, p);
      [, p] = readName(wasm, p);
      if (wasm[p] === 0) imported++;
      p = skipImportDesc(wasm, p);
    }
  }
  return imported;
}

/** The code section, and the body (locals and code) of each function the module defines. */
export function functionBodies(wasm) {
  for (const section of sections(wasm)) {
    if (section.id !== 10) continue;
    const bodies = [];
    let [count, p] = readLeb(wasm, section.body);
    for (; count > 0; count--) {
      const [length, body] = readLeb(wasm, p);
      bodies.push(wasm.subarray(body, body + length));
      p = body + length;
    }
    return { code: section, bodies };
  }
  return { code: undefined, bodies: [] };
}

/** The module (without its custom sections) and the glue with short names, and how many
 * names were changed. */
export function shortenNames(wasm, glue) {
  const names = shortNames();
  const imported = new Map();
  const exported = new Map();
  const parts = [wasm.subarray(0, 8)];
  for (const { id, at, body, end } of sections(wasm)) {
    if (id === 0) {
      // A custom section (producers, target features, wasm-split's marker): browsers skip them.
    } else if (id === 2 || id === 7) {
      const [count, first] = readLeb(wasm, body);
      const entries = [leb(count)];
      let p = first;
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          let module, field;
          [module, p] = readName(wasm, p);
          [field, p] = readName(wasm, p);
          const descEnd = skipImportDesc(wasm, p);
          if (!imported.has(field)) imported.set(field, names.next().value);
          entries.push(name('a'), name(imported.get(field)), wasm.subarray(p, descEnd));
          if (module !== './offres_bg.js') throw new Error(`wasm-names: import from ${module}`);
          p = descEnd;
        } else {
          let field;
          [field, p] = readName(wasm, p);
          const [, indexEnd] = readLeb(wasm, p + 1);
          exported.set(field, names.next().value);
          entries.push(name(exported.get(field)), wasm.subarray(p, indexEnd));
          p = indexEnd;
        }
      }
      if (p !== end) throw new Error(`wasm-names: section ${id} not read to its end`);
      const content = Buffer.concat(entries);
      parts.push(Buffer.from([id]), leb(content.length), content);
    } else {
      parts.push(wasm.subarray(at, end));
    }
  }

  let out = glue.replace('"./offres_bg.js": import0', 'a: import0');
  if (out === glue) throw new Error("wasm-names: no '\"./offres_bg.js\": import0' in the glue");
  // The imports the optimized module no longer calls (their only callers were dropped, see
  // wasm-unused.mjs) leave the glue: each is one entry of the imports object, from
  // `name: function(` to a line `},` or `}, arguments); },` at the same indentation.
  out = out.replace(/^( +)(__wbg\w+): function\(.*\n[\s\S]*?^\1\}(?:, arguments\); \})?,\n/gm,
    (entry, _, field) => (imported.has(field) ? entry : ''));
  for (const [old, short] of imported) {
    const key = new RegExp(`(\\s)${old}: function\\(`, 'g');
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`wasm-names: the import ${old} is written ${found} times as a key in the glue`);
    out = out.replace(key, `$1${short}: function(`);
  }
  out = out.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, field) => {
    if (!exported.has(field)) throw new Error(`wasm-names: the glue calls wasm.${field}, which the module does not export`);
    return `wasm.${exported.get(field)}`;
  });
  // (Exports also name local functions of the glue, which terser then shortens.)
  for (const old of imported.keys()) {
    if (out.includes(old)) throw new Error(`wasm-names: ${old} is still in the glue`);
  }
  const unknown = out.match(/\s(__wbg\w*): function\(/);
  if (unknown) throw new Error(`wasm-names: the glue's import ${unknown[1]} is not written as expected`);
  return { wasm: Buffer.concat(parts), glue: out, count: imported.size + exported.size };
}
