// Starts Wagtail's date and time pickers without inline scripts (see lms/templates/wagtailadmin/widgets/),
// both for fields in the page and for fields that dialogs insert later.
(() => {
  const starters = { date: "initDateChooser", time: "initTimeChooser", datetime: "initDateTimeChooser" };

  const start = (root) => {
    if (!root.querySelectorAll) return;
    const inputs = [...root.querySelectorAll("[data-lms-chooser]:not([data-lms-started])")];
    if (root.matches?.("[data-lms-chooser]:not([data-lms-started])")) inputs.push(root);
    for (const input of inputs) {
      const init = window[starters[input.dataset.lmsChooser]];
      if (typeof init !== "function") continue;
      input.dataset.lmsStarted = "";
      init(input.id, JSON.parse(input.dataset.lmsChooserConfig));
    }
  };

  start(document);
  new MutationObserver((changes) => {
    for (const change of changes) change.addedNodes.forEach(start);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
