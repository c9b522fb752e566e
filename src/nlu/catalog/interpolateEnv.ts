/**
 * Replaces `${VAR}` with values from the environment. Returns which variables were used and
 * which were unset or empty, so the caller can decide what an incomplete result means.
 */
export type Interpolation =
  | { ok: true; value: string; used: string[]; missing: string[] }
  | { ok: false; message: string };

const PLACEHOLDER = /\$\{([^}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function interpolateEnv(template: string, env: NodeJS.ProcessEnv): Interpolation {
  const used: string[] = [];
  const missing: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!VARIABLE_NAME.test(name)) return { ok: false, message: `"\${${name}}" is not a valid variable reference (use \${NAME})` };
  }
  if (template.replace(PLACEHOLDER, '').includes('${')) {
    return { ok: false, message: 'unclosed "${" (use ${NAME})' };
  }
  const value = template.replace(PLACEHOLDER, (_, name: string) => {
    used.push(name);
    const v = env[name];
    if (v === undefined || v === '') missing.push(name);
    return v ?? '';
  });
  return { ok: true, value: value.trim(), used, missing };
}
