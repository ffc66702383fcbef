// Loyalty Pulse dashboard: the CSRF token on every htmx request, form auto-submit, and the charts.
// Chart data comes from data-chart attributes (JSON written by the server); nothing runs inline (CSP).
(function () {
	'use strict';

	function csrf(event) {
		const token = document.querySelector('meta[name="_csrf"]');
		const header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			event.detail.headers[header.content] = token.content;
		}
	}

	function day(epochDay) {
		return new Date(epochDay * 86400000).toISOString().slice(0, 10);
	}

	function rhythmChart(canvas) {
		const data = JSON.parse(canvas.dataset.chart);
		const xs = data.purchases.map((p) => p.x).concat(data.today ? [data.today.x] : []);
		const datasets = [{
			label: 'Purchase (days since the one before)', data: data.purchases, showLine: false,
			pointRadius: 4, backgroundColor: '#2456a6'
		}];
		if (data.usualGap !== null && xs.length > 0) {
			datasets.push({
				label: 'Usual gap (' + Math.round(data.usualGap) + ' days)', type: 'line', pointRadius: 0,
				borderColor: '#5a8f29', borderDash: [6, 4],
				data: [{ x: Math.min(...xs), y: data.usualGap }, { x: Math.max(...xs), y: data.usualGap }]
			});
		}
		if (data.today) {
			datasets.push({
				label: 'Silent today (days)', data: [data.today], showLine: false, pointRadius: 7,
				pointStyle: 'rectRot', backgroundColor: '#b91c1c'
			});
		}
		return new Chart(canvas, {
			type: 'scatter', data: { datasets: datasets },
			options: {
				maintainAspectRatio: false, animation: false,
				scales: {
					x: { type: 'linear', ticks: { callback: day } },
					y: { beginAtZero: true, title: { display: true, text: 'days' } }
				},
				plugins: { tooltip: { callbacks: { title: (items) => day(items[0].parsed.x) } } }
			}
		});
	}

	function trendChart(canvas) {
		const points = JSON.parse(canvas.dataset.chart);
		const labels = points.map((p) => p.period);
		return new Chart(canvas, {
			type: 'line',
			data: {
				labels: labels,
				datasets: [
					{ label: 'interval high', data: points.map((p) => p.high), borderWidth: 0, pointRadius: 0, fill: '+1',
						backgroundColor: 'rgba(36, 86, 166, 0.12)', spanGaps: false },
					{ label: 'interval low', data: points.map((p) => p.low), borderWidth: 0, pointRadius: 0, fill: false,
						spanGaps: false },
					{ label: 'NPS', data: points.map((p) => p.nps), borderColor: '#2456a6', backgroundColor: '#2456a6',
						pointStyle: points.map((p) => (p.significant ? 'triangle' : 'circle')),
						pointRadius: points.map((p) => (p.significant ? 8 : 3)),
						pointBackgroundColor: points.map((p) => (p.significant ? (p.change > 0 ? '#5a8f29' : '#b91c1c') : '#2456a6')),
						spanGaps: false }
				]
			},
			options: {
				maintainAspectRatio: false, animation: false,
				scales: { y: { min: -100, max: 100, title: { display: true, text: 'NPS' } } },
				plugins: {
					legend: { labels: { filter: (item) => item.text === 'NPS' } },
					tooltip: { callbacks: { afterBody: (items) => {
						const p = points[items[0].dataIndex];
						const lines = ['n = ' + p.n];
						if (p.low !== null) { lines.push('interval ' + p.low.toFixed(1) + ' to ' + p.high.toFixed(1)); }
						if (p.change !== null) { lines.push('change ' + p.change.toFixed(1) + (p.significant ? ' (significant)' : '')); }
						if (p.insufficient) { lines.push('insufficient answers'); }
						return lines;
					} } }
				}
			}
		});
	}

	function histogramChart(canvas) {
		const counts = JSON.parse(canvas.dataset.chart);
		return new Chart(canvas, {
			type: 'bar',
			data: {
				labels: counts.map((_, score) => String(score)),
				datasets: [{ label: 'answers', data: counts,
					backgroundColor: counts.map((_, score) => (score <= 6 ? '#b91c1c' : (score <= 8 ? '#9aa3ad' : '#5a8f29'))) }]
			},
			options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
				scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
		});
	}

	const charts = { 'rhythm-chart': rhythmChart, 'nps-trend-chart': trendChart, 'nps-histogram-chart': histogramChart };

	document.addEventListener('DOMContentLoaded', () => {
		document.body.addEventListener('htmx:configRequest', csrf);
		document.querySelectorAll('select.auto-submit').forEach((select) =>
			select.addEventListener('change', () => select.form.requestSubmit()));
		Object.entries(charts).forEach(([id, draw]) => {
			const canvas = document.getElementById(id);
			if (canvas && window.Chart) {
				draw(canvas);
			}
		});
	});
}());
