(function () {
  // The board's start, inline in index.html's <head> (`offers site`). It never changes
  // with a build, so its hash can stand in the Content-Security-Policy (deploy/nginx): the names
  // of this build's module come from <meta name="offres-module" content="GLUE WASM">.
  // 1. The theme the visitor chose, before the first paint. (The build puts in the names of
  //    src/shared_names.rs.)
  try {
    var theme = localStorage.getItem('__THEME_KEY__');
    if (theme === '__THEME_LIGHT__' || theme === '__THEME_DARK__') document.documentElement.dataset.theme = theme;
  } catch (e) {}
  // 2. Offline: the service worker's "bundle updated" message becomes a DOM event for the app. The
  //    worker itself is registered once the app runs (below): its precaching never competes with
  //    the first paint, and finds the module in the HTTP cache.
  var sw = 'serviceWorker' in navigator && navigator.serviceWorker;
  var register = function () {
    if (!sw) return;
    sw.register('./sw.js').catch(function () {});
    // Once the worker is active and the page idle, the worker keeps a large bundle's full texts
    // for offline reading (a bundle that holds them all names none).
    sw.ready.then(function (registration) {
      var idle = self.requestIdleCallback || function (f) { setTimeout(f, 2000); };
      idle(function () {
        if (registration.active) registration.active.postMessage({ type: '__CACHE_TEXTS__' });
      });
    });
  };
  if (sw) {
    sw.addEventListener('message', function (e) {
      if (e.data && e.data.type === '__BUNDLE_UPDATED__') dispatchEvent(new CustomEvent('__BUNDLE_UPDATED__'));
    });
  }
  // 3. The app, where it can run (without WebAssembly the board rendered in the page stays), once
  //    the page has loaded and painted: its module never competes with the first paint. Paint
  //    timing says when; where it cannot, or nothing paints (a hidden tab), after at most 3 s.
  // The board's controls show only on a page marked .offres-app (style/components/page.css), marked
  // here before the first paint: where the app cannot run, or fails, the board stays a list to
  // read, as without JavaScript.
  var root = document.documentElement;
  var still = function () {
    root.classList.remove('offres-app');
  };
  var meta = document.querySelector('meta[name="offres-module"]');
  if (typeof WebAssembly !== 'object' || !meta) return register();
  root.classList.add('offres-app');
  var names = meta.content.split(' ');
  var painted = new Promise(function (resolve) {
    setTimeout(resolve, 3000);
    var types = self.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf('paint') < 0) return resolve();
    var observer = new PerformanceObserver(function (list) {
      if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); setTimeout(resolve); }
    });
    observer.observe({ type: 'paint', buffered: true });
  });
  var loaded = document.readyState === 'complete' ? Promise.resolve()
    : new Promise(function (resolve) { addEventListener('load', resolve, { once: true }); });
  Promise.all([loaded, painted])
    .then(function () { return import(names[0]); })
    .then(function (glue) { return glue.default({ module_or_path: names[1] }); })
    .catch(function (e) {
      still();
      console.error('offres :', e);
    })
    .then(register);
})();
