// Draws each report's chart from the JSON the page carries (json_script); the table keeps the same numbers.
(function () {
  "use strict";
  var palette = ["#1b6ca8", "#e07a1f", "#2a9d5c", "#c0392b", "#7d4cdb", "#16a2b8", "#b58900", "#6c757d",
    "#d63384", "#20c997", "#0d6efd", "#fd7e14", "#198754", "#6610f2", "#dc3545", "#0dcaf0", "#ffc107", "#495057"];
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") return;
    var spec = JSON.parse(source.textContent);
    var line = spec.type === "line";
    var datasets = spec.datasets.map(function (dataset, i) {
      var colour = palette[i % palette.length];
      return {
        label: dataset.label, data: dataset.data, borderColor: colour,
        backgroundColor: line ? colour : colour + "cc", borderWidth: line && i === 0 ? 3 : 2, tension: 0.2,
      };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: !!spec.stacked, beginAtZero: true }, y: { stacked: !!spec.stacked, beginAtZero: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
  function init() { document.querySelectorAll("canvas[data-chart]").forEach(draw); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
