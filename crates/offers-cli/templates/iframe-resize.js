// For host pages that embed the board in an iframe (written by `offers site`):
//   <iframe src="https://HOST/embed.html?famille=design" title="Offres d'emploi"></iframe>
//   <script src="https://HOST/iframe-resize.js" defer></script>
// Resizes each board iframe to its content. A message is believed only when it comes from the
// board's origin and from that iframe's own window.
(() => {
  const origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !event.data || event.data.type !== '__EMBED_HEIGHT__') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        const height = Math.ceil(Number(event.data.height));
        if (height > 0 && height < 100000) frame.style.height = `${height}px`;
      }
    }
  });
})();
