import { useState } from 'preact/hooks';
import { api, query } from '../../shared/api';
import type { Team } from '../../shared/types';
import { Dialog } from '../components/Dialog';
import { ApiErrorNote } from './ApiErrorNote';
import { CannedPreview } from './CannedPreview';
import type { CannedAnswerWire } from './cannedParts';
import { DESK_LANGUAGES, languageName } from './languages';
import { useLoad, useSubmit } from './useLoad';

/** `''` = every language; `-` = answers without a language (offered in every conversation). */
type LanguageFilter = string;

function matchesLanguage(a: CannedAnswerWire, filter: LanguageFilter): boolean {
  if (filter === '') return true;
  if (filter === '-') return a.language === undefined;
  return a.language === filter;
}

/** Canned answers per team and language, each with a preview of what the customer receives. */
export function CannedScreen() {
  const [team, setTeam] = useState('');
  const [language, setLanguage] = useState<LanguageFilter>('');
  const teams = useLoad<{ items: Team[] }>('/teams');
  const answers = useLoad<{ items: CannedAnswerWire[] }>(`/canned-answers${query({ team })}`);
  const [editing, setEditing] = useState<CannedAnswerWire | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useSubmit();
  const shown = (answers.data?.items ?? []).filter((a) => matchesLanguage(a, language));
  const current = shown.find((a) => a.id === selected) ?? shown[0];
  const done = (message: string, id?: string) => {
    setEditing(null);
    setNotice(message);
    if (id) setSelected(id);
    answers.reload();
  };
  return (
    <div class="admin__screen" data-testid="admin-canned">
      <div class="admin__bar">
        <h1>Canned answers</h1>
        <label>
          Team
          <select value={team} onChange={(e) => setTeam(e.currentTarget.value)} data-testid="canned-filter-team">
            <option value="">All teams</option>
            {(teams.data?.items ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)} data-testid="canned-filter-language">
            <option value="">All languages</option>
            <option value="-">Any language (untagged)</option>
            {DESK_LANGUAGES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn--primary" onClick={() => setEditing('new')} data-testid="canned-new">
          New canned answer
        </button>
      </div>
      {notice && (
        <p class="notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <ApiErrorNote error={answers.error} testId="canned-load-error" />
      <ApiErrorNote error={remove.error} testId="canned-delete-error" />
      <div class="admin__split">
        <table class="admin__table" data-testid="canned-table">
          <thead>
            <tr>
              <th>Shortcut</th>
              <th>Title</th>
              <th>Team</th>
              <th>Language</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} data-testid="canned-row" data-shortcut={a.shortcut} aria-selected={a.id === current?.id} onClick={() => setSelected(a.id)}>
                <td>
                  <code>{a.shortcut}</code>
                </td>
                <td>{a.title}</td>
                <td>{a.team}</td>
                <td>{languageName(a.language)}</td>
                <td class="admin__row-actions">
                  <button type="button" class="btn" onClick={() => setEditing(a)} data-testid="canned-edit">
                    Edit
                  </button>
                  <button
                    type="button"
                    class="btn"
                    disabled={remove.busy}
                    onClick={async (e) => {
                      e.stopPropagation();
                      if (!confirm(`Delete ${a.shortcut} of ${a.team}?`)) return;
                      if (await remove.run(() => api.del(`/canned-answers/${encodeURIComponent(a.id)}`).then(() => true))) done(`${a.shortcut} deleted.`);
                    }}
                    data-testid="canned-delete"
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {current && <CannedPreview text={current.text} language={current.language} />}
      </div>
      {answers.data && shown.length === 0 && <p class="muted">No canned answer matches.</p>}
      {editing && (
        <CannedDialog
          answer={editing === 'new' ? null : editing}
          teams={teams.data?.items ?? []}
          defaultTeam={team}
          onClose={() => setEditing(null)}
          onDone={(a) => done(`${a.shortcut} saved.`, a.id)}
        />
      )}
    </div>
  );
}

function CannedDialog(props: { answer: CannedAnswerWire | null; teams: Team[]; defaultTeam: string; onClose: () => void; onDone: (a: CannedAnswerWire) => void }) {
  const a = props.answer;
  const [team, setTeam] = useState(a?.team ?? (props.defaultTeam || props.teams[0]?.id || ''));
  const [shortcut, setShortcut] = useState(a?.shortcut ?? '/');
  const [title, setTitle] = useState(a?.title ?? '');
  const [language, setLanguage] = useState(a?.language ?? '');
  const [text, setText] = useState(a?.text ?? '');
  const submit = useSubmit();
  const save = async (e: Event) => {
    e.preventDefault();
    const body = { team, shortcut, title, text, ...(language ? { language } : {}) };
    const saved = await submit.run(() =>
      a ? api.put<CannedAnswerWire>(`/canned-answers/${encodeURIComponent(a.id)}`, body) : api.post<CannedAnswerWire>('/canned-answers', body),
    );
    if (saved) props.onDone(saved);
  };
  return (
    <Dialog title={a ? `Edit ${a.shortcut}` : 'New canned answer'} onClose={props.onClose} testId="canned-dialog">
      <form class="form admin__form" noValidate onSubmit={save}>
        <label>
          Team
          <select value={team} onChange={(e) => setTeam(e.currentTarget.value)} data-testid="canned-team">
            {props.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Shortcut (a slash, then lower-case letters, digits, _ or -)
          <input value={shortcut} onInput={(e) => setShortcut(e.currentTarget.value)} data-testid="canned-shortcut" />
        </label>
        <label>
          Title
          <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="canned-title" />
        </label>
        <label>
          Language
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)} data-testid="canned-language">
            <option value="">Any language</option>
            {DESK_LANGUAGES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text
          <textarea dir="auto" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="canned-text" />
        </label>
        <CannedPreview text={text} language={language || undefined} />
        <ApiErrorNote error={submit.error} testId="canned-form-error" />
        <div class="form__buttons">
          <button type="button" class="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" disabled={submit.busy} data-testid="canned-submit">
            {a ? 'Save' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
