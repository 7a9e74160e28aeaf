/* Offline learning, on top of pages that work without it (templates/home/sw.js is the worker).
   - registers the worker and shows "Add to home screen" where the browser offers it;
   - "Save for offline" (a form that opens the saved-courses page without JavaScript) keeps a course's
     pages, their images and the files they need in Cache Storage;
   - with no signal, "Mark as complete" and a quiz's answers are kept in localStorage and sent to
     /offline/sync/ when the signal returns, each with its own key: the server records it once;
   - on a weak signal (the phone thinks it is online), a quiz's answers go with their key and stay
     on the phone until the result page names that key; answers whose page never came are queued;
   - logging out removes all of it (the server also answers with Clear-Site-Data). */
(function () {
  "use strict";
  var QUEUE = "lms-offline-queue", DONE = "lms-offline-done", SENDING = "lms-offline-sending", PREFIX = "lms-";
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
    localStorage.removeItem(SENDING);
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

  // Save a course: its pages from the server's list, the images they show and the files they need.
  function fetchInto(cache, url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) throw new Error(url);
      var copy = response.clone();
      return cache.put(url, response).then(function () { return copy; });
    });
  }
  function imagesOf(html) {
    var doc = new DOMParser().parseFromString(html, "text/html"), found = [];
    doc.querySelectorAll("img[src]").forEach(function (img) {
      var url = new URL(img.getAttribute("src"), location.href);
      if (url.origin === location.origin) found.push(url.pathname + url.search);
    });
    return found;
  }
  function saveCourse(form) {
    var status = form.querySelector("[role=status]");
    say(status, form.dataset.saving);
    fetch(form.dataset.list, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("list");
      return r.json();
    }).then(function (list) {
      return caches.open(list.cache).then(function (cache) {
        return Promise.all(list.urls.map(function (url) {
          return fetchInto(cache, url).then(function (response) {
            if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) return null;
            return response.text().then(function (html) {
              return Promise.all(imagesOf(html).map(function (src) { return fetchInto(cache, src).catch(function () {}); }));
            });
          });
        })).then(function () {
          var about = { course: list.course, title: list.title, saved: new Date().toISOString(), url: location.pathname };
          return cache.put("/offline/about/" + list.course, new Response(JSON.stringify(about), { headers: { "Content-Type": "application/json" } }));
        });
      });
    }).then(function () { say(status, form.dataset.saved); }, function () { say(status, form.dataset.failed); });
  }
  function item(form) {
    var answers = {};
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf("q-") !== 0) return;
      (answers[name.slice(2)] = answers[name.slice(2)] || []).push(String(value));
    });
    return { key: newKey(), kind: form.dataset.offline, page: Number(form.dataset.page), answers: answers, title: document.title.split(" · ")[0], at: new Date().toISOString() };
  }
  // Answers sent online that this page does not confirm never got their result page: queue them.
  (function () {
    var sent = read(SENDING);
    if (!sent.length) return;
    var received = document.querySelector("[data-offline-received]");
    var key = received ? received.dataset.offlineReceived : "";
    var lost = sent.filter(function (entry) { return entry.key !== key; });
    if (lost.length) write(QUEUE, read(QUEUE).concat(lost));
    localStorage.removeItem(SENDING);
  })();

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("offline-save") && hasCaches) {
      event.preventDefault();
      saveCourse(form);
    } else if (form.dataset.offline === "quiz" && navigator.onLine) {
      // A signal, maybe a weak one: the answers go now, under a key, and a copy stays here until
      // the result page names the key; if it never comes, the copy is sent later under the same key.
      // Sent again after a failure, the answers keep their first key: one attempt, whichever arrives.
      var page = Number(form.dataset.page), sending = item(form), others = [];
      read(SENDING).forEach(function (entry) { if (entry.page === page) sending.key = entry.key; else others.push(entry); });
      var field = form.querySelector("input[name=offline_key]") || document.createElement("input");
      field.type = "hidden";
      field.name = "offline_key";
      field.value = sending.key;
      form.append(field);
      write(SENDING, others.concat([sending]));
    } else if (form.dataset.offline && !navigator.onLine) {
      // No signal: keep it on the phone, with the key the server will record it under once.
      event.preventDefault();
      write(QUEUE, read(QUEUE).concat([item(form)]));
      var note = document.createElement("p");
      note.className = "message";
      note.setAttribute("role", "status");
      form.replaceWith(note);
      say(note, form.dataset.queued);
    }
  }, true);

  // Send the queue when there is a signal; the server answers each key, whatever the retries.
  // One tab sends at a time (every open tab hears "online"): the others then find the queue sent.
  function sync() {
    if (!read(QUEUE).length || !navigator.onLine) return Promise.resolve();
    if (navigator.locks) return navigator.locks.request("lms-offline-sync", send);
    return send();
  }
  function send() {
    var batch = read(QUEUE).slice(0, 50);
    if (!batch.length || !navigator.onLine) return Promise.resolve();
    return fetch("/offline/sync/", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ items: batch }),
    }).then(function (r) {
      if (!r.ok) throw new Error("sync");
      return r.json();
    }).then(function (data) {
      var answered = {}, done = read(DONE);
      data.results.forEach(function (result) { answered[result.key] = result; });
      batch.forEach(function (item) {
        var result = answered[item.key];
        if (result) done.unshift({ kind: item.kind, title: item.title, at: item.at, status: result.status, reason: result.reason, score: result.score });
      });
      write(DONE, done.slice(0, 30));
      write(QUEUE, read(QUEUE).filter(function (item) { return !answered[item.key]; }));
      render();
    }).catch(function () { setTimeout(sync, 10000); }); // a weak signal: try again soon
  }
  window.addEventListener("online", sync);

  // The saved-courses page: what this phone holds, its size, and the queue.
  var panel = document.getElementById("offline-saved");
  function entry(list, text, button) {
    var li = document.createElement("li");
    li.textContent = text;
    if (button) { li.append(" "); li.append(button); }
    list.append(li);
  }
  function show(id, count) { document.getElementById(id + "-none").hidden = count > 0; }
  function megabytes(bytes) {
    return bytes < 1048576 ? Math.ceil(bytes / 1024) + " KB" : (bytes / 1048576).toFixed(1).replace(".", ",") + " MB";
  }
  function render() {
    if (!panel) return;
    var strings = panel.dataset;
    ["waiting", "done"].forEach(function (which) {
      var list = document.getElementById("offline-" + which), items = read(which === "waiting" ? QUEUE : DONE);
      list.textContent = "";
      items.forEach(function (item) {
        var text = strings[item.kind] + ": " + item.title + " — " + (which === "waiting" ? strings.waiting : strings[item.status]);
        if (item.score !== null && item.score !== undefined) text += " (" + strings.score + " " + item.score + "%)";
        if (item.reason) text += ": " + item.reason;
        entry(list, text);
      });
      show("offline-" + which, items.length);
    });
    if (!hasCaches) { say(document.getElementById("offline-courses-none"), strings.unsupported); return; }
    caches.keys().then(function (names) {
      var list = document.getElementById("offline-courses");
      list.textContent = "";
      names = names.filter(function (n) { return /^lms-\d+-course-\d+$/.test(n); });
      show("offline-courses", names.length);
      names.forEach(function (name) {
        caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              return cache.match(request).then(function (r) { return r.blob(); });
            })).then(function (blobs) {
              var size = blobs.reduce(function (sum, blob) { return sum + blob.size; }, 0);
              var about = requests.filter(function (r) { return r.url.indexOf("/offline/about/") > 0; })[0];
              return (about ? cache.match(about).then(function (r) { return r.json(); }) : Promise.resolve({ title: name })).then(function (info) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "button secondary";
                button.textContent = strings.remove;
                button.addEventListener("click", function () { caches.delete(name).then(render); });
                entry(list, info.title + " — " + megabytes(size), button);
              });
            });
          });
        });
      });
    });
  }
  render();
  sync();

  window.lmsOffline = { sync: sync, clearAll: clearAll };
})();
