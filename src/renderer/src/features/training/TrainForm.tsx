import { useState, type FormEvent } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import { backboneNames, trainModes, type TrainCapabilities } from '../../../../shared/training/training-types';

/** Label set, backbone, mode and the few hyper-parameters worth changing; the rest keep config D's defaults. */
export function TrainForm(props: { labelSets: LabelSetSummary[]; capabilities: TrainCapabilities | null; busy: boolean; onStart(params: Record<string, unknown>): void }) {
  const { labelSets, capabilities } = props;
  const [labelSet, setLabelSet] = useState(labelSets[0]?.name ?? '');
  const [backbone, setBackbone] = useState<string>('mobilenet_v2');
  const [mode, setMode] = useState<string>('head');
  const [epochs, setEpochs] = useState(30);
  const [batch, setBatch] = useState(32);
  const [lr, setLr] = useState(0.01);
  const [dropout, setDropout] = useState(0.5);
  const [seed, setSeed] = useState(1);
  const [shuffleLabels, setShuffle] = useState(false);

  const backboneInfo = capabilities?.backbones[backbone as keyof TrainCapabilities['backbones']];
  const modeInfo = capabilities?.modes[mode as keyof TrainCapabilities['modes']];
  const blocked = (backboneInfo && !backboneInfo.available) || (modeInfo && !modeInfo.allowed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onStart({ labelSet, backbone, mode, epochs, batch, lr, dropout, seed, shuffleLabels });
  };

  return (
    <form className="card train-form" onSubmit={submit} aria-label="Start a training run">
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
          {backboneNames.map((name) => (
            <option key={name} value={name} disabled={capabilities ? !capabilities.backbones[name].available : false}>
              {name}
              {capabilities && !capabilities.backbones[name].available ? ' (unavailable)' : ''}
            </option>
          ))}
        </select>
      </label>
      {backboneInfo ? <p className="muted train-form__note">{backboneInfo.available ? backboneInfo.note : backboneInfo.reason}</p> : null}
      <label className="train-form__field">
        Mode
        <select data-testid="train-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          {trainModes.map((name) => (
            <option key={name} value={name} disabled={capabilities ? !capabilities.modes[name].allowed : false}>
              {name === 'head' ? 'head (frozen backbone)' : 'finetune (top blocks)'}
              {capabilities && !capabilities.modes[name].allowed ? ' (not on this backend)' : ''}
            </option>
          ))}
        </select>
      </label>
      {modeInfo ? <p className="muted train-form__note">{modeInfo.reason}</p> : null}
      <div className="train-form__numbers">
        <label className="train-form__field">
          Epochs
          <input data-testid="train-epochs" type="number" min={1} max={1000} value={epochs} onChange={(e) => setEpochs(Number(e.target.value))} />
        </label>
        <label className="train-form__field">
          Batch size
          <input data-testid="train-batch" type="number" min={1} max={4096} step={1} value={batch} onChange={(e) => setBatch(Number(e.target.value))} />
        </label>
        <label className="train-form__field">
          Learning rate
          <input data-testid="train-lr" type="number" min={0.00001} max={10} step="any" value={lr} onChange={(e) => setLr(Number(e.target.value))} />
        </label>
        <label className="train-form__field">
          Dropout
          <input data-testid="train-dropout" type="number" min={0} max={0.95} step={0.05} value={dropout} onChange={(e) => setDropout(Number(e.target.value))} />
        </label>
        <label className="train-form__field">
          Seed
          <input data-testid="train-seed" type="number" min={0} step={1} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
      </div>
      <label className="train-form__check">
        <input data-testid="train-shuffle" type="checkbox" checked={shuffleLabels} onChange={(e) => setShuffle(e.target.checked)} />
        Sanity check: shuffle the training labels (should land at chance)
      </label>
      <button type="submit" data-testid="train-start" className="button button--primary" disabled={props.busy || !labelSet || Boolean(blocked)}>
        {props.busy ? 'Training…' : 'Train'}
      </button>
    </form>
  );
}
