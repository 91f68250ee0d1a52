// <offres-emploi>: the job-offer board as a widget for any page (written by `offers site`).
//   <script type="module" src="https://HOST/widget.js"></script>
//   <offres-emploi src="https://HOST/offers.json" filtres="famille=design&lieu=paris" lang="fr"
//                  heading-level="2"></offres-emploi>
// Each element renders in its own shadow root: the page's CSS cannot reach it, its CSS cannot leak
// out; --offres-* custom properties set on the element theme it. Its state stays in memory: it
// never changes the page's URL. Its title is a heading of `heading-level` (2 unless it says
// otherwise: the host page keeps its h1), and its other headings follow.
//
// Where the host page's Content-Security-Policy keeps the board from running (no
// 'wasm-unsafe-eval', or no style-src for the board's styles), the widget shows a plain list of
// the open offers with their links, read from the bundle here without WebAssembly, or at least a
// link to the board; and the console names the directives to add.
const base = new URL('./', import.meta.url);
const STYLES = __STYLES__;
const CODE = __CODE__;
const WASM = __WASM__;
const WORDS = {
  fr: { failed: "__WIDGET_FAILED_FR__", plain: "__WIDGET_PLAIN_FR__", board: "__WIDGET_BOARD_FR__" },
  en: { failed: "__WIDGET_FAILED_EN__", plain: "__WIDGET_PLAIN_EN__", board: "__WIDGET_BOARD_EN__" },
};
const BOARD = new URL('index.html', base).href;

let ready;
// The module is loaded and started once, whatever the number of widgets on the page.
const load = () => (ready ??= import(new URL(CODE, base).href).then(async (app) => {
  await app.default({ module_or_path: new URL(WASM, base) });
  return app;
}));

// What the host's policy refused of the board, as the directives that would allow it; told once.
const missing = new Set();
let told;
document.addEventListener('securitypolicyviolation', (e) => {
  const ours = e.blockedURI.startsWith(base.origin);
  const directive = e.effectiveDirective.replace(/-(elem|attr)$/, '');
  if (e.blockedURI === 'wasm-eval' || (e.blockedURI === 'eval' && directive === 'script-src')) missing.add("script-src 'wasm-unsafe-eval'");
  else if (ours) missing.add(`${directive} ${base.origin}`);
  else return;
  clearTimeout(told);
  told = setTimeout(() => console.error(
    `<offres-emploi>: this page's Content-Security-Policy blocks the job-offer board from ${base.origin}. ` +
    `Add to the policy: ${[...missing].join('; ')}. Meanwhile the widget shows a plain list of the offers.`), 50);
});

const safe = (url) => typeof url === 'string' && /^(https?:|mailto:)/i.test(url.trim());
const element = (tag, text) => {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  return e;
};

// The open offers of the bundle as a plain list, built as text and links (never as markup); or,
// when the bundle cannot be read either, the message. A link to the board in both cases.
async function plain(mount, src, lang, level) {
  const words = WORDS[lang.slice(0, 2).toLowerCase()] || WORDS.fr;
  mount.replaceChildren();
  mount.lang = words === WORDS.en ? 'en' : 'fr';
  const link = element('a', words.board);
  link.href = BOARD;
  try {
    const response = await fetch(src);
    if (!response.ok) throw new Error(String(response.status));
    const bundle = await response.json();
    const today = new Date().toISOString().slice(0, 10);
    const open = (bundle.offers || []).filter((o) => o && typeof o.title === 'string'
      && (o.status || 'open') === 'open' && !(typeof o.closes_on === 'string' && o.closes_on < today));
    mount.append(element(`h${level}`, words.plain));
    const list = element('ul');
    for (const offer of open) {
      const item = element('li');
      const title = element('a', offer.title);
      title.lang = 'fr';
      // Its page on the board when it has a full text, else its page elsewhere, else the board.
      title.href = offer.description || !safe(offer.url) ? `${BOARD}?offre=${encodeURIComponent(offer.id)}` : offer.url;
      item.append(title);
      const place = (offer.locations || []).map((l) => l && l.city).filter(Boolean).join(', ');
      const facts = [offer.employer, place].filter((f) => typeof f === 'string' && f).join(' · ');
      if (facts) item.append(element('span', ` – ${facts}`));
      list.append(item);
    }
    mount.append(list);
  } catch {
    const message = element('p', words.failed);
    message.setAttribute('role', 'alert');
    mount.append(message);
  }
  mount.append(element('p'));
  mount.lastChild.append(link);
}

const styled = (link) => new Promise((resolve) => {
  link.addEventListener('load', () => resolve(true), { once: true });
  link.addEventListener('error', () => resolve(false), { once: true });
});

class OffresEmploi extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const styles = STYLES.map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(href, base).href;
      root.append(link);
      return styled(link);
    });
    const mount = document.createElement('div');
    mount.className = 'offres-widget';
    const lang = this.getAttribute('lang') || 'fr';
    const level = Math.min(6, Math.max(1, parseInt(this.getAttribute('heading-level'), 10) || 2));
    root.append(mount);
    // A relative src is the page author's: relative to the page.
    const src = new URL(this.getAttribute('src') || new URL('offers.json', base).href, document.baseURI).href;
    // Unstyled, the board would show what only its styles hide: then the plain list instead.
    Promise.all([load(), ...styles])
      .then(([app, ...loaded]) => {
        if (loaded.includes(false)) throw new Error('styles refused');
        app.mount_widget(mount, src, this.getAttribute('filtres') || '', BOARD, lang, String(level));
      })
      .catch(() => plain(mount, src, lang, level));
  }
}

if (!customElements.get('offres-emploi')) customElements.define('offres-emploi', OffresEmploi);
