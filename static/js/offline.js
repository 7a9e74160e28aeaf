/* Offline learning, on top of pages that work without it (templates/home/sw.js is the worker).
   - registers the worker and shows "Add to home screen" where the browser offers it;
   - "Save for offline" (a form that opens the saved-courses page without JavaScript) keeps a course's
     pages, their images and the files they need in Cache Storage;
   - with no signal, "Mark as complete" and a quiz's answers are kept in localStorage and sent to
     /offline/sync/ when the signal returns, each with its own key: the server records it once;
   - logging out removes all of it (the server also answers with Clear-Site-Data). */
(function () {
  "use strict";
  var QUEUE = "lms-offline-queue", DONE = "lms-offline-done", PREFIX = "lms-";
  var hasCaches = "caches" in window;

  function read(key) { try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; } }
  function write(key, list) { localStorage.setItem(key, JSON.stringify(list)); }
  function csrf() { var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/); return m ? m[1] : ""; }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }
  function say(el, text) { if (el) { el.textContent = text; el.hidden = false; } }

  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});

  var deferred = null, hint = document.getElementById("install-hint");
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    deferred = event;
    if (hint) hint.hidden = false;
  });
  if (hint) hint.addEventListener("click", function () {
    if (!deferred) return;
    deferred.prompt();
    deferred = null;
    hint.hidden = true;
  });

  function clearAll() {
    localStorage.removeItem(QUEUE);
    localStorage.removeItem(DONE);
    if (navigator.serviceWorker && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("logout");
    if (!hasCaches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0; }).map(function (n) { return caches.delete(n); }));
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (/\/accounts\/logout\/$/.test(form.getAttribute("action") || "")) {
      event.preventDefault();
      clearAll().then(function () { form.submit(); }, function () { form.submit(); });
    }
  });
  window.lmsOffline = { read: read, write: write, csrf: csrf, newKey: newKey, say: say, clearAll: clearAll, QUEUE: QUEUE, DONE: DONE, PREFIX: PREFIX };
})();
