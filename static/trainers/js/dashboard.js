// Draws each report's chart from the JSON the page carries (json_script); the table keeps the same numbers.
// Counts get whole-number ticks, percentages a 0–100 % axis, and a line chart with many districts keeps
// the total, the five largest districts and one line for all the others, so eighteen lines stay legible.
(function () {
  "use strict";
  var palette = ["#1b6ca8", "#e07a1f", "#2a9d5c", "#c0392b", "#7d4cdb", "#16a2b8", "#b58900", "#6c757d",
    "#d63384", "#20c997", "#0d6efd", "#fd7e14", "#198754", "#6610f2", "#dc3545", "#0dcaf0", "#ffc107", "#495057"];
  var TOP_LINES = 5;

  function last(values) { return values.length ? Number(values[values.length - 1]) || 0 : 0; }

  // The first dataset of a line chart is the total; districts beyond the five largest (by their latest
  // value) are added up into one "other districts" line.
  function groupLines(datasets, othersLabel) {
    var total = datasets.slice(0, 1), districts = datasets.slice(1);
    if (districts.length <= TOP_LINES + 1) return datasets;
    var ranked = districts.slice().sort(function (a, b) { return last(b.data) - last(a.data); });
    var others = ranked.slice(TOP_LINES);
    var summed = others[0].data.map(function (_value, i) {
      return others.reduce(function (sum, dataset) { return sum + (Number(dataset.data[i]) || 0); }, 0);
    });
    return total.concat(ranked.slice(0, TOP_LINES), [{ label: othersLabel, data: summed, others: true }]);
  }

  function valueAxis(percent) {
    if (percent) {
      return { min: 0, max: 100, ticks: { callback: function (value) { return value + " %"; } } };
    }
    return { beginAtZero: true, ticks: { precision: 0 } };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") return;
    var spec = JSON.parse(source.textContent);
    var line = spec.type === "line";
    var percent = canvas.dataset.unit === "percent";
    var series = line ? groupLines(spec.datasets, canvas.dataset.othersLabel || "…") : spec.datasets;
    var datasets = series.map(function (dataset, i) {
      var colour = dataset.others ? "#8a8a8a" : palette[i % palette.length];
      return {
        label: dataset.label, data: dataset.data, borderColor: colour,
        backgroundColor: line ? colour : colour + "cc", borderWidth: line && i === 0 ? 3 : 2, tension: 0.2,
        borderDash: dataset.others ? [6, 4] : undefined,
        pointRadius: line && spec.labels.length > 24 ? 0 : 3,  // years of months: lines, not beads
      };
    });
    var values = valueAxis(percent), categories = { beginAtZero: true };
    values.stacked = categories.stacked = !!spec.stacked;
    var scales = spec.horizontal ? { x: values, y: categories } : { x: categories, y: values };
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
  function init() { document.querySelectorAll("canvas[data-chart]").forEach(draw); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
