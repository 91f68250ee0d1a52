// Loaded by embed.html (the board inside an iframe): tells the host page its height, so that the
// iframe can fit its content (with iframe-resize.js on the host page). A height says nothing
// private: it is posted to any parent; the parent checks where it comes from.
if (window.parent !== window) {
  // The page's height follows its content only: a screen-high minimum would grow with the iframe
  // it sets the height of, without end.
  document.documentElement.classList.add('offres-embedded');
  // The body's own height, not the document's scrollHeight, which is never less than the frame:
  // the frame must also shrink (the board rendered at build time, all offers, gives way to the
  // app's filtered list).
  const post = () => window.parent.postMessage({ type: '__EMBED_HEIGHT__', height: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
  new ResizeObserver(post).observe(document.body);
  post();
}
