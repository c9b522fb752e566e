import { useState } from 'preact/hooks';
import type { AgentReplyTemplate } from './Composer';

/** An approved template by name, with its numbered variables ("1=Asha" per line). */
export function TemplateForm(props: { busy: boolean; onSend: (t: AgentReplyTemplate) => void }) {
  const [name, setName] = useState('');
  const [vars, setVars] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const variables: Record<string, string> = {};
    for (const line of vars.split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) variables[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
    props.onSend({ name: name.trim(), variables });
  };
  return (
    <form class="template" onSubmit={submit} data-testid="template-form">
      <label>
        Template name
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} required data-testid="template-name" />
      </label>
      <label>
        Variables (one per line: 1=value)
        <textarea rows={2} dir="auto" value={vars} onInput={(e) => setVars(e.currentTarget.value)} data-testid="template-variables" />
      </label>
      <button type="submit" class="btn btn--primary" disabled={props.busy || !name.trim()} data-testid="template-send">
        Send template
      </button>
    </form>
  );
}
