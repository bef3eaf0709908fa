import { memo, useEffect, useId, useRef, useState } from 'react';
import { centralValue, type Param } from '../../../model/distribution.js';
import type { Scenario } from '../../../model/scenario.js';
import { resolveSource } from '../../../model/sources.js';
import { formatNumber, parseValue } from '../../../tui/state/edits.js';
import type { Change } from '../../../tui/state/item-actions.js';
import { isChanged, itemName, itemsOf, PARAMETER_GROUPS, sourceOf, valueAt, valueText, type ParameterItem } from '../../../tui/state/parameters.js';

export interface ParametersProps {
  readonly scenario: Scenario;
  /** As opened: values that differ from it are marked and can be restored. */
  readonly original: Scenario;
  readonly onChange: (key: string, change: Change) => void;
}

/** Groups open at first: the few values a class starts with; Allies, numerous, open on demand. */
const OPEN_AT_FIRST = new Set(['Candidate', 'Preconditions', 'Rules', 'Events']);

/** The parameters, grouped as in the terminal's explorer, each with a slider and an exact value, or a switch. */
export function Parameters({ scenario, original, onChange }: ParametersProps) {
  const items = itemsOf(scenario);
  const [focused, setFocused] = useState<string>();
  return (
    <section className="parameters" aria-labelledby="parameters-heading">
      <h2 id="parameters-heading">Assumptions</h2>
      <p className="hint">Each value's source shows when you focus it. Sliders move a range as a whole; type a number for an exact value.</p>
      {PARAMETER_GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        if (inGroup.length === 0) return null;
        const changed = inGroup.filter((i) => isChanged(scenario, original, i)).length;
        return (
          <Group key={group} name={group} count={inGroup.length} changed={changed} open={OPEN_AT_FIRST.has(group)}>
            <ul>
              {inGroup.map((item) => (
                <li key={item.key} onFocus={() => setFocused(item.key)}>
                  <ParameterRow item={item} scenario={scenario} original={original} focused={focused === item.key} onChange={(change) => onChange(item.key, change)} />
                </li>
              ))}
            </ul>
          </Group>
        );
      })}
    </section>
  );
}

/** A group of parameters under a heading that opens and closes; a closed group's rows are not drawn. */
function Group({ name, count, changed, open, children }: { readonly name: string; readonly count: number; readonly changed: number; readonly open: boolean; readonly children: React.ReactNode }) {
  const [isOpen, setOpen] = useState(open);
  return (
    <details open={isOpen} className="group" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <span className="group-name">{name}</span> <span className="count">{count}</span>
        {changed > 0 ? <span className="changed-count"> · {changed} changed</span> : null}
      </summary>
      {isOpen ? children : null}
    </details>
  );
}

interface RowProps {
  readonly item: ParameterItem;
  readonly scenario: Scenario;
  readonly original: Scenario;
  readonly focused: boolean;
  readonly onChange: (change: Change) => void;
}

/**
 * A row is drawn again only when its own value (immer keeps an unchanged value the same
 * object), its value in the file, its text or its focus changed: an edit redraws one row, not all.
 */
const ParameterRow = memo(
  function ParameterRow(props: RowProps) {
    return <Row {...props} />;
  },
  (a, b) =>
    a.item.key === b.item.key &&
    a.item.detail === b.item.detail &&
    a.focused === b.focused &&
    valueAt(a.scenario, a.item.path) === valueAt(b.scenario, b.item.path) &&
    a.scenario.sources === b.scenario.sources &&
    sameOriginal(a, b),
);

function sameOriginal(a: RowProps, b: RowProps): boolean {
  if (a.original === b.original) return true;
  try {
    return JSON.stringify(valueAt(a.original, a.item.path)) === JSON.stringify(valueAt(b.original, b.item.path));
  } catch {
    return false;
  }
}

function Row({ item, scenario, original, focused, onChange }: RowProps) {
  const id = useId();
  const detailId = `${id}-detail`;
  const changed = isChanged(scenario, original, item);
  const name = itemName(item);
  const restore = changed ? (
    <button type="button" className="restore" onClick={() => onChange({ kind: 'restore' })} aria-label={`Restore ${name} to the file's value`} title="Restore the file's value">
      ↺
    </button>
  ) : null;
  const detail = focused ? <Detail id={detailId} item={item} scenario={scenario} /> : null;
  if (item.kind === 'switch') {
    const on = valueAt(scenario, item.path) === true;
    return (
      <div className={`param switch${changed ? ' changed' : ''}`}>
        <label className="switch-label">
          <input type="checkbox" role="switch" checked={on} aria-describedby={focused ? detailId : undefined} onChange={() => onChange({ kind: 'toggle' })} />
          <span className="name">{item.owner}</span>
          {/* The switch tells its state itself: in its name the state would be said twice, and rename it at each toggle. */}
          <span className="state" aria-hidden="true">
            {on ? 'on' : 'off'}
          </span>
        </label>
        {restore}
        {detail}
      </div>
    );
  }
  if (item.kind === 'objection') {
    const value = String(valueAt(scenario, item.path));
    return (
      <div className={`param objection${changed ? ' changed' : ''}`}>
        <label htmlFor={id} className="name">
          {item.owner} {item.field}
        </label>
        <select id={id} value={value} aria-describedby={focused ? detailId : undefined} onChange={(e) => e.target.value !== value && onChange({ kind: 'toggle' })}>
          <option value="veto">veto (the branch ends)</option>
          <option value="holdout">hold-out (a negotiation)</option>
        </select>
        {restore}
        {detail}
      </div>
    );
  }
  return <NumberRow item={item} scenario={scenario} changed={changed} focused={focused} detailId={detailId} id={id} restore={restore} detail={detail} onChange={onChange} />;
}

interface NumberRowProps {
  readonly item: Extract<ParameterItem, { kind: 'number' }>;
  readonly scenario: Scenario;
  readonly changed: boolean;
  readonly focused: boolean;
  readonly id: string;
  readonly detailId: string;
  readonly restore: React.ReactNode;
  readonly detail: React.ReactNode;
  readonly onChange: (change: Change) => void;
}

function NumberRow({ item, scenario, changed, focused, id, detailId, restore, detail, onChange }: NumberRowProps) {
  const param = valueAt(scenario, item.path) as Param;
  const central = centralValue(param.dist);
  const { min, max, step } = item.range;
  const name = itemName(item);
  const [dragged, setDragged] = useState<number>();
  const [typed, setTyped] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const slider = useRef<HTMLInputElement>(null);
  // The slider commits on its native `change` (released, or each arrow key), not on every `input`.
  const latest = useRef({ central, onChange });
  latest.current = { central, onChange };
  useEffect(() => {
    const el = slider.current!;
    const commit = () => {
      const to = Number(el.value);
      setDragged(undefined);
      if (to !== latest.current.central) latest.current.onChange({ kind: 'shift', by: to - latest.current.central });
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);
  const submit = () => {
    if (typed === undefined) return;
    const value = parseValue(typed, item.range);
    if (!value.ok) return setProblem(`${name}: ${value.problem}`);
    setProblem(undefined);
    setTyped(undefined);
    onChange({ kind: 'set', value: value.value });
  };
  const shown = dragged ?? central;
  const full = valueText(scenario, item, true);
  return (
    <div className={`param number${changed ? ' changed' : ''}`}>
      <label htmlFor={id} className="name">
        {item.owner} {item.field}
        {changed ? <span className="edited-mark"> (edited)</span> : null}
      </label>
      <div className="controls">
        <input
          ref={slider}
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={clamp(shown, min, max)}
          aria-valuetext={param.dist.kind === 'fixed' ? formatNumber(shown) : `${full}, centred on ${formatNumber(shown)}`}
          aria-describedby={focused ? detailId : undefined}
          onChange={(e) => setDragged(Number(e.target.value))}
        />
        <input
          className="exact"
          type="text"
          inputMode="decimal"
          aria-label={`${name}, exact value`}
          aria-invalid={problem !== undefined}
          aria-describedby={focused ? detailId : undefined}
          value={typed ?? (param.dist.kind === 'fixed' ? formatNumber(param.dist.value) : `~${formatNumber(Number(central.toFixed(3)))}`)}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
            if (e.key === 'Escape') {
              setTyped(undefined);
              setProblem(undefined);
            }
          }}
          onBlur={submit}
        />
        {restore}
      </div>
      {problem !== undefined ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {detail}
    </div>
  );
}

/** The focused value in full, what it means, and its source resolved to a citation. */
function Detail({ id, item, scenario }: { readonly id: string; readonly item: ParameterItem; readonly scenario: Scenario }) {
  const { source, note } = sourceOf(scenario, item);
  const cited = source === undefined ? [] : resolveSource(source, scenario.sources);
  return (
    <div id={id} className="detail">
      <p className="value">
        {itemName(item)} = <strong>{valueText(scenario, item, true)}</strong>
      </p>
      <p className="source">
        {cited.length === 0 ? (
          'No source given.'
        ) : (
          <>
            Source:{' '}
            {cited.map((c, i) => (
              <span key={i}>
                {i > 0 ? '; ' : ''}
                <span className="source-id">{c.id}</span>
                {c.citation === undefined ? '' : `: ${c.citation}`}
              </span>
            ))}
          </>
        )}
        {note ? <span className="note"> ({note})</span> : null}
      </p>
      <p className="meaning">{item.detail}</p>
    </div>
  );
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
