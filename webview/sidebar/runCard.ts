import type { SidebarCard, SidebarCommand } from '../../src/shared/sidebarProtocol';
import { LineChart, type ChartSeries } from '../shared/lineChart';
import { el } from '../shared/dom';
import { formatCount, formatDuration } from '../shared/format';

/** One live run in the Training view, updated in place so its charts are not rebuilt on every state. */
export class RunCard {
  readonly element: HTMLElement;
  private readonly status = el('vscode-badge', { className: 'status' });
  private readonly bar = el('vscode-progress-bar', { attrs: { max: '1', value: '0', 'aria-label': 'Training progress' } });
  private readonly position = el('span', { className: 'position' });
  private readonly pace = el('span', { className: 'pace' });
  private readonly metrics = el('p', { className: 'metrics' });
  private readonly chartsBox = el('div', { className: 'mini-charts' });
  private readonly charts = new Map<string, LineChart>();
  private readonly pause = el('vscode-button', { text: 'Pause', attrs: { secondary: '' } });
  private card: SidebarCard;

  constructor(card: SidebarCard, onCommand: (command: SidebarCommand, modelFile: string) => void) {
    this.card = card;
    const stop = el('vscode-button', { text: 'Stop', attrs: { title: 'Stop after the current batch', 'data-command': 'stop' } });
    const show = el('vscode-button', { text: 'Show Panel', attrs: { secondary: '', title: 'Open the training panel', 'data-command': 'showPanel' } });
    this.pause.dataset.command = 'pause';
    stop.addEventListener('click', () => onCommand('stop', this.card.modelFile));
    this.pause.addEventListener('click', () => onCommand(this.card.status === 'Paused' ? 'resume' : 'pause', this.card.modelFile));
    show.addEventListener('click', () => onCommand('showPanel', this.card.modelFile));
    this.element = el('article', { className: 'run-card', attrs: { 'aria-label': card.name } }, [
      el('header', { className: 'card-title' }, [el('h3', { text: card.name }), this.status]),
      this.bar,
      el('p', { className: 'progress-text' }, [this.position, this.pace]),
      this.metrics,
      // The buttons before the charts: a short view still shows Stop without scrolling.
      el('div', { className: 'card-actions' }, [stop, this.pause, show]),
      this.chartsBox,
    ]);
    this.update(card);
  }

  update(card: SidebarCard): void {
    this.card = card;
    this.status.textContent = card.status;
    this.status.dataset.status = card.status.toLowerCase();
    this.bar.setAttribute('value', String(card.fraction));
    this.bar.toggleAttribute('indeterminate', card.status === 'Starting');
    const epoch = card.epoch !== undefined ? `Epoch ${card.epoch}${card.epochs ? `/${card.epochs}` : ''}` : 'Starting…';
    const batch = card.batch !== undefined && card.batchesPerEpoch !== undefined ? ` · batch ${formatCount(card.batch)}/${formatCount(card.batchesPerEpoch)}` : '';
    this.position.textContent = epoch + batch;
    const pace = [card.etaMs !== undefined ? `ETA ${formatDuration(card.etaMs)}` : '', card.samplesPerSecond !== undefined ? `${formatCount(card.samplesPerSecond)} samples/s` : ''].filter(Boolean);
    this.pace.textContent = pace.length ? pace.join(' · ') : '';
    this.metrics.textContent = card.metricsText;
    this.metrics.hidden = card.metricsText === '';
    this.pause.textContent = card.status === 'Paused' ? 'Resume' : 'Pause';
    this.pause.toggleAttribute('disabled', card.status === 'Stopping' || card.status === 'Starting');
    this.updateCharts(card);
  }

  private updateCharts(card: SidebarCard): void {
    for (const { metric, series } of card.charts) {
      let chart = this.charts.get(metric);
      if (!chart) {
        const canvas = el('div', { className: 'mini-canvas', attrs: { role: 'img', 'aria-label': `${metric} so far` } });
        this.chartsBox.append(el('figure', { className: 'mini-chart', attrs: { 'data-metric': metric } }, [el('figcaption', { text: metric }), canvas]));
        chart = new LineChart(canvas, { title: '', height: 80, compact: true, maxPoints: 200 });
        this.charts.set(metric, chart);
      }
      chart.update(series.map((s, i): ChartSeries => ({ label: s.label, x: s.x, y: s.y, perEpoch: s.perEpoch, color: i === 0 ? 'blue' : 'orange' })));
    }
  }

  destroy(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.element.remove();
  }
}
