import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import { backboneNames, trainModes, type RunSummary, type TrainCapabilities } from '../../../../shared/training/training-types';
import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useAppInfo } from '../../app/use-app-info';
import { defaultLabelSet, validateTrainForm, type TrainFormNumbers } from './train-form-values';

type NumberField = keyof TrainFormNumbers;

/** config D's defaults (trainParams'), as typed text so "1e-6" or "0.33" stay as the researcher wrote them. */
const defaults: Record<NumberField, string> = { epochs: '30', batch: '32', lr: '0.01', momentum: '0.9', l2: '0.0005', dropout: '0.5', patience: '10', seed: '1' };

const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The vgg16 weights folder's own capability answer (available or why not), asked as the folder is typed or picked. */
function useWeightsCapability(backbone: string, weights: string) {
  const api = useApi();
  const [answer, setAnswer] = useState<{ weights: string; info: TrainCapabilities['backbones']['vgg16'] } | null>(null);
  useEffect(() => {
    const folder = weights.trim();
    if (backbone !== 'vgg16' || folder === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      void api.train.capabilities({ weights: folder }).then((result) => {
        if (live && result.ok) setAnswer({ weights: folder, info: result.value.backbones.vgg16 });
      });
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, backbone, weights]);
  return answer && answer.weights === weights.trim() ? answer.info : null;
}

/** Label set, backbone, mode and the hyper-parameters worth changing, validated here with messages per field. */
export function TrainForm(props: {
  labelSets: LabelSetSummary[];
  runs: RunSummary[] | null;
  capabilities: TrainCapabilities | null;
  busy: boolean;
  onStart(params: Record<string, unknown>): void;
}) {
  const { labelSets, capabilities } = props;
  const api = useApi();
  const act = useAction();
  const nativeDialogs = useAppInfo()?.nativeDialogs ?? false;
  const [chosenSet, setLabelSet] = useState<string | null>(null);
  const [backbone, setBackbone] = useState<string>('mobilenet_v2');
  const [weights, setWeights] = useState('');
  const [mode, setMode] = useState<string>('head');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(defaults);
  const [augment, setAugment] = useState(true);
  const [name, setName] = useState('');
  const [shuffleLabels, setShuffle] = useState(false);

  // Until the researcher picks one: the newest run's set, else the newest non-sweep set (runs load after the sets).
  const labelSet = chosenSet !== null && labelSets.some((set) => set.name === chosenSet) ? chosenSet : defaultLabelSet(labelSets, props.runs);
  const weightsInfo = useWeightsCapability(backbone, weights);
  const backboneInfo = backbone === 'vgg16' && weights.trim() !== '' ? weightsInfo : capabilities?.backbones[backbone as keyof TrainCapabilities['backbones']];
  const modeInfo = capabilities?.modes[mode as keyof TrainCapabilities['modes']];
  const values = Object.fromEntries(Object.entries(numbers).map(([key, text]) => [key, parse(text)])) as unknown as TrainFormNumbers;
  const { errors, warnings } = validateTrainForm(values, name);
  const invalid = Object.keys(errors).length > 0;
  const blocked = (backboneInfo && !backboneInfo.available) || (backbone === 'vgg16' && weightsInfo === null) || (modeInfo && !modeInfo.allowed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid || blocked) return;
    props.onStart({
      labelSet,
      backbone,
      ...(backbone === 'vgg16' ? { weights: weights.trim() } : {}),
      mode,
      ...values,
      ...(mode === 'finetune' ? { augment } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
      shuffleLabels,
    });
  };
  const browse = () =>
    void act(async () => {
      const picked = call(await api.dialog.pickFolder({ purpose: 'open', title: 'A folder of VGG-16 ImageNet weights (model.json and shards)' }));
      if (picked !== null) setWeights(picked);
    });

  const numberField = (field: NumberField, label: ReactNode, min: number, max?: number) => (
    <label className="train-form__field">
      {label}
      <input
        data-testid={`train-${field}`}
        type="number"
        step="any"
        min={min}
        max={max}
        value={numbers[field]}
        aria-invalid={errors[field] !== undefined}
        onChange={(e) => setNumbers((current) => ({ ...current, [field]: e.target.value }))}
      />
    </label>
  );

  return (
    <form className="card train-form" onSubmit={submit} aria-label="Start a training run" noValidate>
      <h2 className="card__title">New run</h2>
      <label className="train-form__field">
        Label set
        <select data-testid="train-labelset" value={labelSet} onChange={(e) => setLabelSet(e.target.value)}>
          {labelSets.map((set) => (
            <option key={set.id} value={set.name}>
              {set.name} (v{set.version}, {set.good} good / {set.bad} bad)
            </option>
          ))}
        </select>
      </label>
      <label className="train-form__field">
        Backbone
        <select data-testid="train-backbone" value={backbone} onChange={(e) => setBackbone(e.target.value)}>
          {backboneNames.map((option) => (
            <option key={option} value={option}>
              {option}
              {option === 'vgg16' ? ' (needs a weights folder)' : capabilities && !capabilities.backbones[option].available ? ' (unavailable)' : ''}
            </option>
          ))}
        </select>
      </label>
      {backbone === 'vgg16' ? (
        <label className="train-form__field">
          VGG-16 weights folder (tfjs layers format: model.json and shards)
          <span className="train-form__folder">
            <input data-testid="train-weights" type="text" value={weights} spellCheck={false} placeholder="/path/to/vgg16-weights" onChange={(e) => setWeights(e.target.value)} />
            {nativeDialogs ? (
              <button type="button" className="button button--small" onClick={browse}>
                Browse…
              </button>
            ) : null}
          </span>
        </label>
      ) : null}
      {backbone === 'vgg16' && weights.trim() === '' ? (
        <p className="muted train-form__note" data-testid="train-backbone-note">
          {capabilities?.backbones.vgg16.reason ?? 'vgg16 needs its ImageNet weights: choose the folder they are in.'}
        </p>
      ) : backboneInfo ? (
        <p className={backboneInfo.available ? 'muted train-form__note' : 'train-form__note train-error'} data-testid="train-backbone-note">
          {backboneInfo.available ? backboneInfo.note : backboneInfo.reason}
        </p>
      ) : backbone === 'vgg16' ? (
        <p className="muted train-form__note">Checking the weights folder…</p>
      ) : null}
      <label className="train-form__field">
        Mode
        <select data-testid="train-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          {trainModes.map((option) => (
            <option key={option} value={option} disabled={capabilities ? !capabilities.modes[option].allowed : false}>
              {option === 'head' ? 'head (frozen backbone)' : 'finetune (top blocks)'}
              {capabilities && !capabilities.modes[option].allowed ? ' (not on this backend)' : ''}
            </option>
          ))}
        </select>
      </label>
      {modeInfo ? <p className="muted train-form__note">{modeInfo.reason}</p> : null}
      <div className="train-form__numbers">
        {numberField('epochs', 'Epochs', 1, 1000)}
        {numberField('batch', 'Batch size', 1, 4096)}
        {numberField('lr', 'Learning rate', 0, 10)}
        {numberField('momentum', 'Momentum', 0, 1)}
        {numberField('l2', 'L2 penalty', 0, 1)}
        {numberField('dropout', 'Dropout', 0, 1)}
        {numberField('patience', <span title="Stop after this many epochs without a better validation accuracy">Patience (0 = never stop early)</span>, 0, 1000)}
        {numberField('seed', 'Seed', 0)}
      </div>
      {mode === 'finetune' ? (
        <label className="train-form__check">
          <input data-testid="train-augment" type="checkbox" checked={augment} onChange={(e) => setAugment(e.target.checked)} />
          Augment: random horizontal flips and crops
        </label>
      ) : null}
      <label className="train-form__field">
        Name (optional)
        <input data-testid="train-name" type="text" value={name} maxLength={200} placeholder="backbone, mode and label set" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="train-form__check">
        <input data-testid="train-shuffle" type="checkbox" checked={shuffleLabels} onChange={(e) => setShuffle(e.target.checked)} />
        Sanity check: shuffle the training labels (should land at chance)
      </label>
      {Object.values(errors).map((message) => (
        <p key={message} className="train-form__note train-error" data-testid="train-form-error">
          {message}
        </p>
      ))}
      {warnings.map((message) => (
        <p key={message} className="train-form__warning" data-testid="train-form-warning">
          {message}
        </p>
      ))}
      <button type="submit" data-testid="train-start" className="button button--primary" disabled={props.busy || !labelSet || invalid || Boolean(blocked)}>
        {props.busy ? 'Training…' : 'Train'}
      </button>
    </form>
  );
}
