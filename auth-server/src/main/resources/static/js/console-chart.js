// The admin console's activity chart: reads the figures the page carries in data-chart and draws them with
// ECharts (served from /webjars). The same figures are in the table below it, so the page works without it.
(function () {
	'use strict';
	var element = document.getElementById('activity-chart');
	if (!element || typeof echarts === 'undefined') {
		return;
	}
	var stats = JSON.parse(element.getAttribute('data-chart'));
	var names = {
		signIns: element.getAttribute('data-label-sign-ins'),
		failures: element.getAttribute('data-label-failures'),
		locks: element.getAttribute('data-label-locks'),
		mfa: element.getAttribute('data-label-mfa')
	};
	var daily = stats.bucket === 'day';
	var labels = stats.buckets.map(function (bucket) {
		return daily ? bucket.substring(0, 10) : bucket.substring(11, 16);
	});
	var series = Object.keys(names).map(function (key) {
		return { name: names[key], type: 'line', smooth: true, data: stats.series[key] };
	});
	var chart = echarts.init(element, null, { renderer: 'canvas' });
	chart.setOption({
		animation: false,
		tooltip: { trigger: 'axis' },
		legend: { data: series.map(function (s) { return s.name; }) },
		grid: { left: 40, right: 16, bottom: 32, top: 48 },
		xAxis: { type: 'category', data: labels },
		yAxis: { type: 'value', minInterval: 1 },
		series: series
	});
	window.addEventListener('resize', function () { chart.resize(); });
	element.setAttribute('data-rendered', 'true');
}());
