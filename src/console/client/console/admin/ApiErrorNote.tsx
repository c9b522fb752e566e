import { ApiError } from '../../shared/api';

/** An API refusal as the API words it: its message, then its code (VALIDATION_FAILED, CONFLICT…). */
export function ApiErrorNote(props: { error: unknown; testId: string }) {
  if (props.error === null || props.error === undefined) return null;
  const e = props.error;
  const code = e instanceof ApiError ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return (
    <p class="error error--refused" role="alert" data-testid={props.testId} data-code={code}>
      {message}
      {code && <span class="admin__code"> ({code})</span>}
    </p>
  );
}
