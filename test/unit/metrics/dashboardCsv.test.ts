import { csvField, toCsv } from '../../../src/metrics/dashboard/dashboardCsv';
import { SEED_EXPECTED_REPORT } from './dashboardSeed';

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

function table(csv: string): Record<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(csv);
  return Object.fromEntries(rows.map((r) => [r[0]!, Object.fromEntries(header!.map((h, i) => [h, r[i]!]))]));
}

describe('csvField', () => {
  test('leaves plain values as they are', () => {
    expect(csvField('care')).toBe('care');
    expect(csvField(0.875)).toBe('0.875');
    expect(csvField(-20)).toBe('-20');
  });

  test('writes null and undefined as empty cells', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  test('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  test('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  const csv = toCsv(SEED_EXPECTED_REPORT);

  test('ends every record with CRLF, the last one included', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('has one row per scope: all, each channel, team, language and agent', () => {
    expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual([
      'all',
      'channel:messenger',
      'channel:sandbox',
      'channel:whatsapp',
      'team:bot',
      'team:care',
      'team:sales',
      'language:en',
      'language:hi',
      'language:ne',
      'agent:a-asha',
      'agent:a-bilal',
      'agent:a-ravi',
    ]);
  });

  test('every row has as many fields as the header', () => {
    const [header, ...rows] = parseCsv(csv);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  test('writes the figures of each scope in their columns', () => {
    const t = table(csv);
    expect(t.all).toMatchObject({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-08T00:00:00.000Z',
      conversations: '12',
      escalated: '8',
      resolved: '7',
      handled: '6',
      response_rate: '0.75',
      first_response_avg_ms: '1010000',
      first_response_median_ms: '180000',
      first_response_p90_ms: '3600000',
      resolution_avg_ms: '2357143',
      resolution_median_ms: '1320000',
      resolution_p90_ms: '6000000',
      avg_handle_ms: '2550000',
      first_contact_resolution: '0.8571',
      bot_containment: '0.3333',
      escalation_rate: '0.6667',
      escalations_customer_requested: '3',
      escalations_abuse: '1',
      csat5_responses: '3',
      csat5_average: '3.67',
      csat5_score_2: '1',
      nps10_responses: '3',
      nps10_average: '8.33',
      nps: '33.3',
      nps10_score_10: '1',
      csat_skipped: '1',
      nps_responses: '3',
      nps_score: '33.3',
      calls_deflected: '0',
      open_follow_ups: '3',
      overdue_follow_ups: '2',
    });
    expect(t['team:sales']).toMatchObject({ conversations: '3', escalations_vip: '1', escalations_abuse: '0', avg_handle_ms: '2400000', open_follow_ups: '1' });
    expect(t['agent:a-asha']).toMatchObject({ handled: '2', first_response_avg_ms: '120000', first_response_median_ms: '', avg_handle_ms: '2700000', csat5_average: '3.5' });
  });

  test('leaves empty cells for figures that have no value', () => {
    const t = table(csv);
    expect(t['team:bot']).toMatchObject({ response_rate: '', first_response_median_ms: '', avg_handle_ms: '', nps10_average: '', nps: '' });
    expect(t['channel:sandbox']).toMatchObject({ csat5_responses: '0', csat5_average: '', resolution_median_ms: '' });
    // follow-ups are counted for the whole report and per team only
    expect(t['channel:sandbox']).toMatchObject({ open_follow_ups: '', overdue_follow_ups: '' });
  });

  test('orders reason columns as the known reasons, then others alphabetically', () => {
    const report = {
      ...SEED_EXPECTED_REPORT,
      escalationsByReason: { ...SEED_EXPECTED_REPORT.escalationsByReason, 'zeta,odd': 1, alpha: 1 },
    };
    const header = parseCsv(toCsv(report))[0]!.filter((h) => h.startsWith('escalations_'));
    expect(header).toEqual([
      'escalations_customer_requested',
      'escalations_intent_flagged',
      'escalations_repeated_misunderstanding',
      'escalations_negative_sentiment',
      'escalations_abuse',
      'escalations_vip',
      'escalations_alpha',
      'escalations_zeta,odd',
    ]);
  });
});
