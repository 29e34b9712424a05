// Draws the dashboard's charts from their data-chart JSON (no inline scripts: CSP) and opens the records behind a
// bar or slice on click. Without ECharts the data tables under each chart still show the numbers.
(function () {
  'use strict';

  var PALETTE = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a', '#6e7074'];

  function point(datum, name) {
    var p = { value: datum.value === null ? '-' : datum.value, url: datum.url };
    if (name !== undefined) { p.name = name; }
    return p;
  }

  function sliceOption(chart, type) {
    var series = chart.series[0];
    var data = series.data.map(function (d, i) { return point(d, chart.categories[i]); });
    var s = { name: series.name, type: type, data: data, label: { formatter: '{b}：{c}' } };
    if (type === 'pie') { s.radius = ['40%', '68%']; }
    if (type === 'funnel') { s.sort = 'none'; s.left = '10%'; s.width = '80%'; s.minSize = '10%'; }
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}：{c}' + chart.unit + (type === 'pie' ? '（{d}%）' : '') },
      legend: { bottom: 0 },
      series: [s]
    };
  }

  function barOption(chart) {
    var horizontal = chart.kind === 'hbar';
    var stacked = chart.kind === 'stack';
    var categoryAxis = { type: 'category', data: chart.categories, axisLabel: { interval: 0, width: horizontal ? 160 : 72, overflow: 'truncate' } };
    if (!horizontal && chart.categories.length > 6) { categoryAxis.axisLabel.rotate = 30; }
    var valueAxis = { type: 'value', name: chart.unit, minInterval: chart.unit === '%' ? 0 : 1 };
    if (chart.unit === '%') { valueAxis.max = 100; }
    var series = chart.series.map(function (s) {
      var out = { name: s.name, type: 'bar', data: s.data.map(function (d) { return point(d); }) };
      if (stacked) { out.stack = 'total'; }
      return out;
    });
    if (chart.limit !== null && chart.limit !== undefined && series.length) {
      var line = {};
      line[horizontal ? 'xAxis' : 'yAxis'] = chart.limit;
      series[0].markLine = { silent: true, symbol: 'none', lineStyle: { color: '#dc3545' }, data: [line] };
    }
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { show: chart.series.length > 1, top: 0 },
      grid: { left: horizontal ? 170 : 48, right: 24, top: chart.series.length > 4 ? 64 : chart.series.length > 1 ? 36 : 24, bottom: 56, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series
    };
  }

  function option(chart) {
    if (chart.kind === 'pie' || chart.kind === 'funnel') { return sliceOption(chart, chart.kind); }
    return barOption(chart);
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    document.querySelectorAll('.dashboard-chart[data-chart]').forEach(function (el) {
      var chart = JSON.parse(el.getAttribute('data-chart'));
      var instance = window.echarts.init(el);
      // marked once drawn (animation over), so that a reader or a test knows the bars are where they end up
      instance.on('finished', function () { el.setAttribute('data-rendered', 'true'); });
      instance.setOption(option(chart));
      instance.on('click', function (p) {
        if (p.data && p.data.url) { window.location.href = p.data.url; }
      });
      window.addEventListener('resize', function () { instance.resize(); });
    });
  });
})();
