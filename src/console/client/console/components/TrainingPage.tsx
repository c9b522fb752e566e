import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../shared/api';
import { percent, REASON_LABELS, trainingApi, type TrainingExport, type TrainingItem, type TrainingList } from '../trainingApi';

/** One message the bot could not place: accept the top suggestion in one click, pick another intent, or dismiss. */
function TrainingRow(props: { item: TrainingItem; intents: string[]; busy: boolean; onAccept: (intent?: string) => void; onDismiss: () => void }) {
  const { item } = props;
  const [other, setOther] = useState('');
  const [top, ...rest] = item.suggestions;
  return (
    <li class="training__item" data-testid="training-item" data-item-id={item.id}>
      <p class="training__text" lang={item.lang} dir="auto">
        “{item.text}”
      </p>
      <p class="training__meta muted">
        {item.lang} · {item.reasons.map((r) => REASON_LABELS[r]).join(' · ')} · {new Date(item.createdAt).toLocaleString()}
        {item.now.answered && <span class="training__now"> · answered now as {item.now.intent}</span>}
      </p>
      <div class="training__actions">
        {top && (
          <button type="button" class="btn btn--primary" disabled={props.busy} onClick={() => props.onAccept()} data-testid="training-accept">
            Accept: {top.intent} ({percent(top.confidence)})
          </button>
        )}
        {rest.map((s) => (
          <button type="button" class="btn" disabled={props.busy} onClick={() => props.onAccept(s.intent)} key={s.intent} data-testid="training-accept-other">
            {s.intent} ({percent(s.confidence)})
          </button>
        ))}
        <select value={other} onChange={(e) => setOther((e.target as HTMLSelectElement).value)} aria-label="Another intent" data-testid="training-pick">
          <option value="">Another intent…</option>
          {props.intents.map((i) => (
            <option value={i} key={i}>
              {i}
            </option>
          ))}
        </select>
        <button type="button" class="btn" disabled={props.busy || !other} onClick={() => props.onAccept(other)} data-testid="training-accept-picked">
          Add to it
        </button>
        <button type="button" class="btn btn--ghost" disabled={props.busy} onClick={props.onDismiss} data-testid="training-dismiss">
          Dismiss
        </button>
      </div>
    </li>
  );
}

/** A group of similar messages: make them the examples of a new intent with its answer. */
function ClusterForm(props: { texts: string[]; sharedWords: string[]; busy: boolean; onPropose: (id: string, answer: string) => void }) {
  const [id, setId] = useState(props.sharedWords.slice(0, 2).join('_').toLowerCase().replace(/[^a-z0-9_]/g, ''));
  const [answer, setAnswer] = useState('');
  return (
    <li class="training__cluster" data-testid="training-cluster">
      <ul class="training__cluster-texts">
        {props.texts.map((t) => (
          <li key={t} dir="auto">
            “{t}”
          </li>
        ))}
      </ul>
      <form
        class="training__propose"
        onSubmit={(e) => {
          e.preventDefault();
          props.onPropose(id.trim(), answer.trim());
        }}
      >
        <label>
          New intent id <input value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} required pattern="[a-z][a-z0-9_]*" />
        </label>
        <label>
          Answer <input value={answer} onInput={(e) => setAnswer((e.target as HTMLInputElement).value)} required size={40} />
        </label>
        <button type="submit" class="btn" disabled={props.busy}>
          Create intent
        </button>
      </form>
    </li>
  );
}

/** The training inbox: what the bot could not place, and what accepting it would change. */
export function TrainingPage() {
  const [data, setData] = useState<TrainingList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<TrainingExport | null>(null);

  const load = () =>
    trainingApi
      .list()
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorText(err)));

  useEffect(() => {
    void load();
  }, []);

  // While the bot retrains, look again until it serves the new version.
  useEffect(() => {
    if (!data || data.servedVersion >= data.overlayVersion) return;
    const t = setTimeout(() => void load(), 1000);
    return () => clearTimeout(t);
  }, [data]);

  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      await load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const retraining = data !== null && data.servedVersion < data.overlayVersion;
  const textOf = new Map((data?.items ?? []).map((i) => [i.id, i.text]));
  return (
    <main class="training" data-testid="training">
      <div class="training__bar">
        <h1>Training</h1>
        <button
          type="button"
          class="btn"
          onClick={() =>
            void trainingApi
              .exportFiles()
              .then(setExported)
              .catch((err) => setError(errorText(err)))
          }
          data-testid="training-export"
        >
          Export YAML
        </button>
      </div>
      {error && (
        <p class="error error--refused" role="alert" data-testid="training-error">
          {error}
        </p>
      )}
      {data && (
        <section class="training__summary" data-testid="training-summary">
          <p>
            <strong data-testid="training-pending">{data.pendingTotal}</strong> messages to review. Of {data.lastThirtyDays.scored} messages of the last 30 days,
            the bot now answers <strong data-testid="training-answered-now">{data.lastThirtyDays.answeredNow}</strong>.
          </p>
          {data.impact && (
            <p data-testid="training-impact">
              The last change answers {data.impact.answeredAfter} of them (before it: {data.impact.answeredBefore}).
            </p>
          )}
          {retraining && (
            <p class="notice" data-testid="training-retraining">
              Retraining the bot with the new examples…
            </p>
          )}
        </section>
      )}
      {exported && (
        <section class="training__export" data-testid="training-exported">
          <h2>Catalog files to commit (overlay version {exported.version})</h2>
          {exported.files.length === 0 && <p class="muted">Nothing accepted yet.</p>}
          {exported.files.map((f) => (
            <details key={f.name}>
              <summary>
                {f.name}{' '}
                <a class="btn btn--ghost" download={f.name} href={`data:text/yaml;charset=utf-8,${encodeURIComponent(f.content)}`}>
                  Download
                </a>
              </summary>
              <pre>{f.content}</pre>
            </details>
          ))}
        </section>
      )}
      {data && data.clusters.length > 0 && (
        <section>
          <h2>Similar messages: a new intent?</h2>
          <ul class="training__clusters">
            {data.clusters.map((c) => (
              <ClusterForm
                key={c.itemIds.join(',')}
                texts={c.itemIds.map((id) => textOf.get(id) ?? id)}
                sharedWords={c.sharedWords}
                busy={busy}
                onPropose={(id, answer) => void act(() => trainingApi.propose({ id, answer, itemIds: c.itemIds }))}
              />
            ))}
          </ul>
        </section>
      )}
      {data && (
        <section>
          <h2>To review</h2>
          {data.items.length === 0 && <p class="muted">Nothing to review: every message was placed.</p>}
          <ul class="training__items">
            {data.items.map((item) => (
              <TrainingRow
                key={item.id}
                item={item}
                intents={data.intents}
                busy={busy}
                onAccept={(intent) => void act(() => trainingApi.accept(item.id, intent))}
                onDismiss={() => void act(() => trainingApi.dismiss(item.id))}
              />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
