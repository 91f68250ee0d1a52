// <offres-emploi>: the job-offer board as a widget for any page (written by scripts/postbuild.mjs).
//   <script type="module" src="https://HOST/widget.js"></script>
//   <offres-emploi src="https://HOST/offers.json" filtres="famille=design&lieu=paris" lang="fr"></offres-emploi>
// Each element renders in its own shadow root: the page's CSS cannot reach it, its CSS cannot leak
// out; --offres-* custom properties set on the element theme it. Its state stays in memory: it
// never changes the page's URL.
const base = new URL('./', import.meta.url);
const STYLES = __STYLES__;
const CODE = __CODE__;
const WASM = __WASM__;
const FAILED = "Les offres n'ont pas pu être chargées.";

let ready;
// The module is loaded and started once, whatever the number of widgets on the page.
const load = () => (ready ??= import(new URL(CODE, base).href).then(async (app) => {
  await app.default({ module_or_path: new URL(WASM, base) });
  return app;
}));

class OffresEmploi extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    for (const href of STYLES) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(href, base).href;
      root.append(link);
    }
    const mount = document.createElement('div');
    mount.className = 'offres-widget';
    const lang = this.getAttribute('lang') || 'fr';
    root.append(mount);
    // A relative src is the page author's: relative to the page.
    const src = new URL(this.getAttribute('src') || new URL('offers.json', base).href, document.baseURI).href;
    load()
      .then((app) => app.mount_widget(mount, src, this.getAttribute('filtres') || '', new URL('index.html', base).href, lang))
      .catch(() => { mount.textContent = FAILED; });
  }
}

if (!customElements.get('offres-emploi')) customElements.define('offres-emploi', OffresEmploi);
