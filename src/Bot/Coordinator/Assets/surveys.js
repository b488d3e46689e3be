// Draws the survey page's charts with Chart.js (loaded just before this file from /console/assets/chart.umd.js).
// Each <canvas data-chart='{"labels":…,"datasets":…}'> holds its data as JSON (the page may run no inline
// script: see ConsoleSecurityHeaders); data-chart-max fixes the y axis (5 for the 1-5 scales).
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return; // the bundle was not built: the tables still say everything
  }
  var colours = ["#5b6475", "#0b5cad", "#1e7b34", "#a4262c"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    data.datasets.forEach(function (dataset, i) {
      dataset.backgroundColor = colours[i % colours.length];
    });
    var max = canvas.getAttribute("data-chart-max");
    var y = { beginAtZero: true, ticks: { precision: 0 } }; // counts and 1-5 scales: whole numbers on the axis
    if (max) {
      y.max = Number(max);
    }
    canvas.chart = new Chart(canvas, {
      type: canvas.getAttribute("data-chart-type") || "bar",
      data: data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: y } }
    });
  });
})();
