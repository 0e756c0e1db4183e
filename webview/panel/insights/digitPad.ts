import type { ModelInputs } from '../../../src/shared/insightTypes';
import type { LiveAnswer } from '../../../src/shared/panelProtocol';
import { el } from '../../shared/dom';
import { oncePerFrame } from '../../shared/oncePerFrame';
import { classProbabilities, formatPercent, topClasses } from '../../shared/math/probabilities';
import { drawingToImage, type DrawingStyle } from '../../shared/math/strokeImage';
import { onThemeChange, themeColor } from '../../shared/themeColors';
import { paintGray } from './grayImage';
import { insightSection } from './section';
import { themeRgb } from './themeRgb';

type ImageInput = NonNullable<ModelInputs['image']>;

/** The pad's own resolution: 10 of its pixels per MNIST pixel. */
const PAD_SIZE = 280;
/** About two and a half MNIST pixels wide once a digit drawn large is scaled into its 20x20 box, as MNIST's strokes are. */
const PEN_WIDTH = 26;
const PREVIEW_SIZE = 112;

/**
 * `Draw a digit`: a pad to draw on with the mouse, a pen or a finger. The drawing is made to look
 * like the training images (strokeImage.ts), shown as the model sees it, and sent to the worker as
 * the user draws; the top 3 classes of its answer show beside. The strokes are kept as points, so a
 * message that re-renders the panel never wipes them, and a theme change redraws them.
 */
export class DigitPad {
  readonly element: HTMLElement;
  private readonly pad = el('canvas', { className: 'digit-pad', attrs: { role: 'img', 'aria-label': 'Drawing pad: draw a digit with the mouse, a pen or a finger' } });
  private readonly preview = el('canvas', { className: 'digit-preview gray-image', attrs: { role: 'img', 'aria-label': 'The drawing as the model sees it' } });
  private readonly top = el('ol', { className: 'top-classes', attrs: { 'aria-label': 'The 3 likeliest classes' } });
  private readonly status = el('p', { className: 'pad-status', attrs: { 'aria-live': 'polite' } });
  private readonly clear = el('vscode-button', { text: 'Clear', attrs: { secondary: '' } });
  private strokes: Array<Array<{ x: number; y: number }>> = [];
  private drawing = false;
  private image?: ImageInput;
  private classNames: readonly string[] = [];
  /** Answers up to this request were for an earlier drawing (before Clear, or before a reload). */
  private staleUpTo = -Infinity;
  private started = false;
  private answer?: LiveAnswer;
  private modelFile?: string;

  constructor(
    private readonly onInput: (input: number[]) => void,
    private readonly onClear: () => void,
  ) {
    const { element, body } = insightSection('draw', 'Draw a digit');
    this.element = element;
    this.pad.width = PAD_SIZE;
    this.pad.height = PAD_SIZE;
    this.preview.style.width = `${PREVIEW_SIZE}px`;
    this.preview.style.height = `${PREVIEW_SIZE}px`;
    body.append(
      el('p', { className: 'note', text: 'Draw one digit, large, in the box: it is scaled and centred the way the training images were, and the model predicts as you draw.' }),
      el('div', { className: 'pad-layout' }, [
        el('div', { className: 'pad-column' }, [this.pad, el('div', { className: 'pad-actions' }, [this.clear])]),
        el('div', { className: 'pad-column' }, [el('h3', { text: 'What the model sees' }), this.preview]),
        el('div', { className: 'pad-column pad-answer' }, [el('h3', { text: 'Prediction' }), this.status, this.top]),
      ]),
    );
    this.listen();
    this.clear.addEventListener('click', () => this.reset());
    onThemeChange(() => this.redraw());
  }

  /** `image` is the model's input when the pad applies; the pad keeps its strokes across updates of the same model. */
  update(modelFile: string, image: ImageInput | undefined, classNames: readonly string[], answer: LiveAnswer | undefined): void {
    this.element.hidden = !image;
    if (!image) return;
    // The panel shows another model: a drawing made for the last one is not this one's to answer.
    if (this.modelFile !== undefined && modelFile !== this.modelFile) {
      this.started = false;
      this.image = undefined;
    }
    this.modelFile = modelFile;
    if (!this.started) {
      // A restored page's last answer was for a drawing that is gone.
      this.staleUpTo = answer?.requestId ?? -Infinity;
      this.started = true;
    }
    const changed = image.width !== this.image?.width || image.height !== this.image.height || image.style !== this.image.style;
    this.image = image;
    this.classNames = classNames;
    if (changed) this.reset();
    if (answer !== this.answer) {
      this.answer = answer;
      this.showAnswer();
    }
  }

  private listen(): void {
    const send = oncePerFrame(() => this.send());
    const point = (event: PointerEvent) => {
      const box = this.pad.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * PAD_SIZE, y: ((event.clientY - box.top) / box.height) * PAD_SIZE };
    };
    this.pad.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      this.pad.setPointerCapture(event.pointerId);
      this.drawing = true;
      this.strokes.push([point(event)]);
      this.redraw();
      send();
    });
    this.pad.addEventListener('pointermove', (event) => {
      if (!this.drawing) return;
      // Coalesced events keep a fast stroke smooth where the browser sends one event a frame.
      const events = event.getCoalescedEvents?.() ?? [event];
      const stroke = this.strokes[this.strokes.length - 1];
      for (const e of events.length ? events : [event]) stroke.push(point(e));
      this.redraw();
      send();
    });
    const end = () => {
      if (!this.drawing) return;
      this.drawing = false;
      send();
    };
    this.pad.addEventListener('pointerup', end);
    this.pad.addEventListener('pointercancel', end);
  }

  private redraw(): void {
    const context = this.pad.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    context.strokeStyle = themeColor('foreground');
    context.fillStyle = themeColor('foreground');
    context.lineWidth = PEN_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const stroke of this.strokes) {
      context.beginPath();
      if (stroke.length === 1) {
        context.arc(stroke[0].x, stroke[0].y, PEN_WIDTH / 2, 0, Math.PI * 2);
        context.fill();
        continue;
      }
      context.moveTo(stroke[0].x, stroke[0].y);
      for (const p of stroke.slice(1)) context.lineTo(p.x, p.y);
      context.stroke();
    }
    this.paintPreview(this.modelImage());
  }

  /** The drawing at the model's size, 0..1, or undefined before anything is drawn. */
  private modelImage(): Float32Array | undefined {
    const image = this.image;
    const context = this.pad.getContext('2d', { willReadFrequently: true });
    if (!image || !context || this.strokes.length === 0) return undefined;
    const rgba = context.getImageData(0, 0, PAD_SIZE, PAD_SIZE).data;
    const alpha = new Uint8ClampedArray(PAD_SIZE * PAD_SIZE);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3];
    return drawingToImage(alpha, PAD_SIZE, PAD_SIZE, (image.style ?? 'mnist') as DrawingStyle);
  }

  private paintPreview(values: Float32Array | undefined): void {
    const image = this.image;
    if (!image) return;
    paintGray(this.preview, values ?? new Float32Array(image.width * image.height), image.width, image.height, themeRgb('foreground'), themeRgb('background'));
  }

  private send(): void {
    const image = this.image;
    const values = this.modelImage();
    if (!image || !values) return;
    // The data's own units: MNIST's bytes go to 255, digits' counts to 16.
    this.onInput(Array.from(values, (v) => Number((v * image.maxValue).toFixed(4))));
    if (!this.shownAnswer()) this.status.textContent = 'Predicting…';
  }

  private reset(): void {
    this.strokes = [];
    this.drawing = false;
    this.staleUpTo = Math.max(this.staleUpTo, this.answer?.requestId ?? -Infinity);
    this.onClear();
    this.redraw();
    this.showAnswer();
  }

  private shownAnswer(): LiveAnswer | undefined {
    const answer = this.answer;
    return answer && this.strokes.length > 0 && answer.requestId > this.staleUpTo ? answer : undefined;
  }

  private showAnswer(): void {
    const answer = this.shownAnswer();
    this.top.replaceChildren();
    if (!answer) {
      this.status.textContent = this.strokes.length ? 'Predicting…' : 'Draw a digit in the box.';
      return;
    }
    if (answer.error || !answer.prediction) {
      this.status.textContent = answer.error ?? 'No prediction.';
      return;
    }
    const probabilities = classProbabilities(answer.prediction.output);
    const best = topClasses(probabilities, 3);
    const name = (i: number) => this.classNames[i] ?? String(i);
    this.status.textContent = `The model reads ${name(best[0].index)} (${formatPercent(best[0].probability)}).`;
    this.top.replaceChildren(
      ...best.map(({ index, probability }) => {
        const fill = el('span', { className: 'prob-fill' });
        fill.style.width = `${Math.min(Math.max(probability, 0), 1) * 100}%`;
        return el('li', {}, [el('span', { className: 'top-name', text: name(index) }), el('span', { className: 'prob-track' }, [fill]), el('span', { className: 'prob-value', text: formatPercent(probability) })]);
      }),
    );
  }
}
