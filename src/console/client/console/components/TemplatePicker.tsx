import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api';
import type { AgentReplyTemplate } from './Composer';
import { TemplateForm } from './TemplateForm';

interface TemplateInfo {
  name: string;
  language: string;
  variables: string[];
  description?: string;
}

/**
 * The approved templates as a picker (GET /templates): choose one, fill one field per variable.
 * Falls back to the free-text form when the list cannot be read.
 */
export function TemplatePicker(props: { busy: boolean; onSend: (t: AgentReplyTemplate) => void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});

  useEffect(() => {
    api.get<{ items: TemplateInfo[] }>('/templates').then(
      (r) => setTemplates(r.items),
      () => setFailed(true),
    );
  }, []);

  if (failed) return <TemplateForm busy={props.busy} onSend={props.onSend} />;
  if (!templates) return null;
  if (templates.length === 0) {
    return (
      <p class="muted" data-testid="template-none">
        No approved templates are configured (WHATSAPP_TEMPLATES): ask an admin to add one.
      </p>
    );
  }
  const chosen = templates.find((t) => t.name === name);
  const complete = chosen !== undefined && chosen.variables.every((v) => (values[v] ?? '').trim() !== '');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!chosen || !complete) return;
    props.onSend({ name: chosen.name, variables: Object.fromEntries(chosen.variables.map((v) => [v, values[v]!.trim()])) });
  };

  return (
    <form class="template" onSubmit={submit} data-testid="template-picker">
      <label>
        Template
        <select
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setValues({});
          }}
          data-testid="template-select"
        >
          <option value="">Choose an approved template…</option>
          {templates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.description ? `${t.description} (${t.name})` : t.name}
            </option>
          ))}
        </select>
      </label>
      {chosen?.variables.map((v) => (
        <label key={v}>
          Value {v}
          <input dir="auto" value={values[v] ?? ''} required onInput={(e) => setValues({ ...values, [v]: e.currentTarget.value })} data-testid={`template-var-${v}`} />
        </label>
      ))}
      <button type="submit" class="btn btn--primary" disabled={props.busy || !complete} data-testid="template-send">
        Send template
      </button>
    </form>
  );
}
