/* The site's service worker: saved courses open with no signal; nothing personal is ever kept.
   Served by home/pwa.py at /sw.js with the content version below, so that a publish installs a new
   worker. What it keeps: only the caches the page fills when a learner saves a course ("lms-<version>-
   course-<id>", static/js/offline.js). It never adds a URL of its own: a page is refreshed in a cache
   only when that cache already holds it. Staff, account and personal pages, and every request that
   is not a GET, go to the network only. */
"use strict";
const VERSION = "{{ version }}";
const PREFIX = "lms-";
const STATIC_URL = {{ static_url|safe }};
const PRIVATE = /^\/(en\/)?(admin|accounts|my-learning|dev|documents|lop-tap-huan|projects\/mine|certificates|offline\/sync|roll-call|check-in)(\/|$)|\.json$/;
const WAIT_MS = 4000; // a weak signal: after this, the saved copy is shown

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(moveToVersion().then(() => self.clients.claim()));
});

// A new content version: each saved course is fetched again into a cache named by it; what cannot be
// fetched now (no signal) is copied, and refreshed by the next visit with a signal.
async function moveToVersion() {
  for (const name of await caches.keys()) {
    const match = name.match(/^lms-(\d+)-(course-\d+)$/);
    if (!match || match[1] === VERSION) continue;
    const from = await caches.open(name);
    const to = await caches.open(PREFIX + VERSION + "-" + match[2]);
    for (const request of await from.keys()) {
      let response = null;
      try {
        const fresh = await fetch(request.url, { credentials: "same-origin", cache: "no-store" });
        if (fresh.ok && !fresh.redirected) response = fresh;
      } catch (error) { /* no signal */ }
      await to.put(request, response || (await from.match(request)));
    }
    await caches.delete(name);
  }
}

self.addEventListener("message", (event) => {
  // A logout on a shared phone: the next person finds nothing of this one.
  if (event.data === "logout") {
    event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX)).map((n) => caches.delete(n)))));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || PRIVATE.test(url.pathname)) return;
  event.respondWith(answer(request, url));
});

async function saved(request) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    const hit = await cache.match(request, { ignoreVary: true });
    if (hit) return { cache, hit };
  }
  return null;
}

async function answer(request, url) {
  const found = await saved(request);
  if (!found) return fetch(request);
  // Files under /static/ change name when they change (hashed names in production): the saved copy is right.
  if (url.pathname.startsWith(STATIC_URL)) return found.hit;
  // A saved page: the network first, so that a republished lesson shows at once, and the copy refreshed.
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow")), WAIT_MS)),
    ]);
    if (response.ok && !response.redirected) {
      await found.cache.put(request, response.clone());
      return response;
    }
    return response.status >= 500 ? found.hit : response;
  } catch (error) {
    return found.hit;
  }
}
