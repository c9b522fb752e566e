import express from 'express';
import type { AddressInfo } from 'node:net';
import { Metrics, type QueueSnapshotRow } from '../../../src/metrics/metrics';
import { createMetricsRouter } from '../../../src/metrics/metricsRouter';

const NOW = Date.UTC(2025, 2, 6, 12);

function lines(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.startsWith(name));
}

describe('Metrics counters', () => {
  const metrics = () => new Metrics({ defaultMetrics: false, clock: () => NOW });

  test('counts webhook requests by channel and outcome', async () => {
    const m = metrics();
    m.webhook('whatsapp', 'accepted');
    m.webhook('whatsapp', 'accepted');
    m.webhook('messenger', 'rejected_signature');
    const text = await m.scrape();
    expect(text).toContain('baton_webhook_requests_total{channel="whatsapp",outcome="accepted"} 2');
    expect(text).toContain('baton_webhook_requests_total{channel="messenger",outcome="rejected_signature"} 1');
  });

  test('counts messages by channel, direction and author', async () => {
    const m = metrics();
    m.message('sandbox', 'outbound', 'bot');
    expect(await m.scrape()).toContain('baton_messages_total{channel="sandbox",direction="outbound",author="bot"} 1');
  });

  test('counts send failures by platform code, unknown when none is given', async () => {
    const m = metrics();
    m.sendFailure('whatsapp', '63016');
    m.sendFailure('messenger', undefined);
    const text = await m.scrape();
    expect(text).toContain('baton_send_failures_total{channel="whatsapp",code="63016"} 1');
    expect(text).toContain('baton_send_failures_total{channel="messenger",code="unknown"} 1');
  });

  test('counts bot answers by intent and fallbacks by language', async () => {
    const m = metrics();
    m.botAnswer('order_status');
    m.fallback('hi-Latn');
    const text = await m.scrape();
    expect(text).toContain('baton_bot_answers_total{intent="order_status"} 1');
    expect(text).toContain('baton_bot_fallbacks_total{language="hi-Latn"} 1');
  });

  test('counts escalations by reason and team', async () => {
    const m = metrics();
    m.escalation('customer_requested', 'care');
    expect(await m.scrape()).toContain('baton_escalations_total{reason="customer_requested",team="care"} 1');
  });

  test('records unknown channels, outcomes and reasons as other', async () => {
    const m = metrics();
    m.webhook('telegram', 'exploded');
    m.escalation('made_up', 'care');
    const text = await m.scrape();
    expect(text).toContain('baton_webhook_requests_total{channel="other",outcome="other"} 1');
    expect(text).toContain('baton_escalations_total{reason="other",team="care"} 1');
  });

  test('caps distinct intents: values beyond the budget share the label other', async () => {
    const m = new Metrics({ defaultMetrics: false, maxIntents: 3 });
    for (let i = 0; i < 10; i++) m.botAnswer(`intent_${i}`);
    const series = lines(await m.scrape(), 'baton_bot_answers_total{');
    expect(series).toHaveLength(4);
    expect(series).toContain('baton_bot_answers_total{intent="other"} 7');
  });
});

describe('Metrics histograms', () => {
  const m = () => new Metrics({ defaultMetrics: false });

  test('records first response and handle times in seconds', async () => {
    const metrics = m();
    metrics.firstResponse(90);
    metrics.handleTime(1800);
    const text = await metrics.scrape();
    expect(text).toContain('baton_first_response_seconds_bucket{le="120"} 1');
    expect(text).toContain('baton_first_response_seconds_bucket{le="60"} 0');
    expect(text).toContain('baton_first_response_seconds_sum 90');
    expect(text).toContain('baton_handle_time_seconds_bucket{le="1800"} 1');
    expect(text).toContain('baton_handle_time_seconds_count 1');
  });

  test('ignores negative and non-finite durations', async () => {
    const metrics = m();
    metrics.firstResponse(-5);
    metrics.handleTime(Number.NaN);
    const text = await metrics.scrape();
    expect(text).toContain('baton_first_response_seconds_count 0');
    expect(text).toContain('baton_handle_time_seconds_count 0');
  });

  test('records CSAT scores by scale and ignores scores off the scale', async () => {
    const metrics = m();
    metrics.csat(4, 'csat5');
    metrics.csat(9, 'nps10');
    metrics.csat(0, 'csat5');
    metrics.csat(11, 'nps10');
    metrics.csat(3.5, 'csat5');
    const text = await metrics.scrape();
    expect(text).toContain('baton_csat_score_count{scale="csat5"} 1');
    expect(text).toContain('baton_csat_score_sum{scale="csat5"} 4');
    expect(text).toContain('baton_csat_score_bucket{le="3",scale="csat5"} 0');
    expect(text).toContain('baton_csat_score_bucket{le="4",scale="csat5"} 1');
    expect(text).toContain('baton_csat_score_count{scale="nps10"} 1');
  });
});

describe('Metrics queue gauges', () => {
  test('read the queue snapshot at scrape time', async () => {
    let rows: QueueSnapshotRow[] = [{ team: 'care', length: 3, oldestQueuedAt: NOW - 90_000 }];
    const m = new Metrics({ defaultMetrics: false, clock: () => NOW, queueSnapshot: async () => rows });
    let text = await m.scrape();
    expect(text).toContain('baton_queue_length{team="care"} 3');
    expect(text).toContain('baton_queue_oldest_wait_seconds{team="care"} 90');
    rows = [{ team: 'sales', length: 0 }];
    text = await m.scrape();
    expect(text).toContain('baton_queue_length{team="sales"} 0');
    expect(text).toContain('baton_queue_oldest_wait_seconds{team="sales"} 0');
    expect(text).not.toContain('team="care"');
  });

  test('read the snapshot once per scrape for both gauges', async () => {
    const snapshot = jest.fn(async () => [{ team: 'care', length: 1, oldestQueuedAt: NOW }]);
    const m = new Metrics({ defaultMetrics: false, clock: () => NOW, queueSnapshot: snapshot });
    await m.scrape();
    expect(snapshot).toHaveBeenCalledTimes(1);
    await m.scrape();
    expect(snapshot).toHaveBeenCalledTimes(2);
  });

  test('a failing snapshot leaves the gauges empty, counts the failure and still answers the scrape', async () => {
    const m = new Metrics({
      defaultMetrics: false,
      queueSnapshot: async () => {
        throw new Error('redis down');
      },
    });
    const text = await m.scrape();
    expect(lines(text, 'baton_queue_length{')).toEqual([]);
    expect(text).toContain('baton_queue_snapshot_failures_total 1');
  });

  test('a snapshot slower than the timeout counts as failed instead of hanging the scrape', async () => {
    const m = new Metrics({
      defaultMetrics: false,
      queueSnapshotTimeoutMs: 20,
      queueSnapshot: () => new Promise<QueueSnapshotRow[]>(() => undefined),
    });
    const text = await m.scrape();
    expect(lines(text, 'baton_queue_length{')).toEqual([]);
    expect(text).toContain('baton_queue_snapshot_failures_total 1');
  });
});

describe('Metrics registry', () => {
  test('includes process metrics with event-loop lag by default', async () => {
    const text = await new Metrics().scrape();
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  test('two instances in one process keep separate counts', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    a.botAnswer('greeting');
    expect(await a.scrape()).toContain('baton_bot_answers_total{intent="greeting"} 1');
    expect(await b.scrape()).not.toContain('intent="greeting"');
  });
});

describe('GET /metrics', () => {
  async function serve(metrics: Metrics, opts: { bearerToken?: string; loopbackOnly?: boolean } = { loopbackOnly: true }) {
    const app = express();
    app.use(createMetricsRouter(metrics, opts));
    app.use(((err, _req, res, _next) => {
      res.status((err as { httpStatus?: number }).httpStatus ?? 500).json({ code: (err as { code?: string }).code });
    }) as express.ErrorRequestHandler);
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    return { url, close: () => new Promise((r) => server.close(r)) };
  }

  test('on the loopback-only metrics port, answers the Prometheus text format with its content type', async () => {
    const m = new Metrics({ defaultMetrics: false });
    m.webhook('whatsapp', 'duplicate');
    const s = await serve(m);
    try {
      const res = await fetch(s.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(await res.text()).toContain('baton_webhook_requests_total{channel="whatsapp",outcome="duplicate"} 1');
    } finally {
      await s.close();
    }
  });

  test('with a token configured, refuses a scrape without it and answers one with it', async () => {
    const s = await serve(new Metrics({ defaultMetrics: false }), { bearerToken: 's3cret-metrics-token' });
    try {
      expect((await fetch(s.url)).status).toBe(401);
      expect((await fetch(s.url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(s.url, { headers: { authorization: 'Bearer s3cret-metrics-token' } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  test('closed by default: without a token (and off the metrics port) every scrape is refused', async () => {
    const s = await serve(new Metrics({ defaultMetrics: false }), {});
    try {
      const res = await fetch(s.url);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'FORBIDDEN' });
      expect((await fetch(s.url, { headers: { authorization: 'Bearer anything-at-all-123' } })).status).toBe(403);
    } finally {
      await s.close();
    }
  });
});
