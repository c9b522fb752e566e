import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { CATALOG_LIMITS } from './limits';

export interface Position {
  line: number;
  column: number;
}

export type ParsedYaml =
  | {
      ok: true;
      value: unknown;
      /** Where a path (optionally a key of the mapping at that path) is in the file, when it can be found. */
      locate(path: readonly PropertyKey[], key?: string): Position | undefined;
    }
  | { ok: false; problems: { message: string; position?: Position }[] };

/** The first line of a yaml error ("… at line 4, column 3:"), without the code excerpt. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/:\s*$/, '');
}

/** Depth of the deepest collection, walked iteratively (no recursion to overflow). */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/**
 * Parses one YAML document safely: alias bombs, deep nesting, duplicate keys, several
 * documents and unknown tags are problems with a line and column, never a crash.
 */
export function parseYamlFile(content: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(content, {
      lineCounter,
      prettyErrors: true,
      uniqueKeys: true,
      strict: true,
      version: '1.2',
      schema: 'core',
      merge: false,
    });
  } catch (err) {
    return { ok: false, problems: [{ message: `cannot parse YAML: ${(err as Error).message}` }] };
  }
  const yamlProblems = [...doc.errors, ...doc.warnings];
  if (yamlProblems.length > 0) {
    return {
      ok: false,
      problems: yamlProblems.map((e) => {
        const pos = e.linePos?.[0];
        const what = firstLine(e.message).replace(/ at line \d+, column \d+$/, '');
        return {
          message: /Maximum call stack/i.test(what)
            ? `YAML nested too deeply (at most ${CATALOG_LIMITS.maxDepth} levels)`
            : `invalid YAML: ${what}`,
          position: pos ? { line: pos.line, column: pos.col } : undefined,
        };
      }),
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: CATALOG_LIMITS.maxAliasCount });
  } catch (err) {
    const message =
      err instanceof ReferenceError && /alias/i.test(err.message)
        ? `too many YAML alias expansions (at most ${CATALOG_LIMITS.maxAliasCount}); is this an alias bomb?`
        : err instanceof RangeError
          ? `YAML nested too deeply (at most ${CATALOG_LIMITS.maxDepth} levels)`
          : `cannot read YAML: ${(err as Error).message}`;
    return { ok: false, problems: [{ message }] };
  }
  if (depthExceeds(value, CATALOG_LIMITS.maxDepth)) {
    return { ok: false, problems: [{ message: `YAML nested too deeply (at most ${CATALOG_LIMITS.maxDepth} levels)` }] };
  }

  const locate = (path: readonly PropertyKey[], key?: string): Position | undefined => {
    try {
      let node: unknown = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
      // A path that does not exist (e.g. a missing required key) points at its nearest parent.
      for (let n = path.length - 1; !isNode(node) && n >= 0; n--) {
        node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      }
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
        if (pair && isNode(pair.key)) node = pair.key;
      }
      if (!isNode(node) || !node.range) return undefined;
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    } catch {
      return undefined;
    }
  };
  return { ok: true, value, locate };
}
