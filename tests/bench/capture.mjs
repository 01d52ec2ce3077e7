// Capture benchmark (issue 7): content-script size, and main-thread time added per profile
// navigation. Baseline: the same fixture pages, navigated the same way, on a host our scripts do
// not match, in the same browser. Used by scripts/bench.mjs; also runs on its own:
//   node tests/bench/capture.mjs [--no-build] [--navs=12] [--profiles=2]
// (LEADSIDE_OUT_DIR picks the build folder, as for the rest of the bench).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The LinkedIn pages navigated between, and their paths. */
const PAGES = [
  { path: '/in/ana-reyes-12ab/', file: 'profile-classic-topcard-2026-11-20.html' },
  { path: '/in/ben-santos-99/', file: 'profile-newer-layout-contact-dialog-2026-11-20.html' },
  // Another member on the classic layout, with the bulk of embedded JSON real logged-in pages carry.
  { path: '/in/carmen-dizon/', file: 'profile-classic-topcard-2026-11-20.html', rename: { Ana: 'Carmen', Reyes: 'Dizon' }, padJson: true },
];

/** Pads a fixture with the bulk of a real logged-in page: many unrelated Voyager <code> blocks. */
function padded(html) {
  const block = (i) =>
    `<code style="display: none" id="bpr-guid-pad${i}">${JSON.stringify({
      data: { '*elements': Array.from({ length: 40 }, (_, j) => `urn:li:fsd_update:(${i},${j})`) },
      included: Array.from({ length: 40 }, (_, j) => ({
        $type: 'com.linkedin.voyager.dash.feed.Update',
        entityUrn: `urn:li:fsd_update:(${i},${j})`,
        commentary: { text: { text: `Post ${i}.${j} `.repeat(20) } },
        actor: { name: { text: `Someone ${j}` }, description: { text: 'A headline' } },
      })),
    })}</code>`;
  const bulk = Array.from({ length: 30 }, (_, i) => block(i)).join('\n');
  return html.replace('</body>', `${bulk}\n</body>`);
}

/**
 * Adds the capture rows to `rows` (see scripts/bench.mjs's row shape). `context` is a persistent
 * Playwright context with the test build loaded; `extDir` the build's folder.
 */
export async function benchCapture({ context, extDir, rows, navs = 12, profiles = PAGES.length, log = console.log }) {
  const scriptsDir = join(extDir, 'content-scripts');
  for (const file of readdirSync(scriptsDir).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(scriptsDir, file));
    rows.push({ metric: `content script ${file} gzipped (KB; raw ${(bytes.length / 1024).toFixed(1)} KB)`, ours: gzipSync(bytes).length / 1024, baseline: NaN, unit: 'KB', ratio: NaN, target: '≤ 30 KB' });
  }
  const pages = PAGES.slice(0, profiles).map((p) => {
    let html = readFileSync(resolve('tests/fixtures/linkedin', p.file), 'utf8');
    for (const [from, to] of Object.entries(p.rename ?? {})) html = html.split(from).join(to);
    return { ...p, html: p.padJson ? padded(html) : html };
  });
  const serve = (route) => {
    const path = new URL(route.request().url()).pathname;
    const hit = pages.find((p) => path.startsWith(p.path)) ?? pages[0];
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html });
  };
  // Fixture images point at CDN hosts that do not resolve here: answer them empty and at once.
  const noImage = (route) => route.fulfill({ status: 404, body: '' });
  await context.route('https://www.linkedin.com/**', serve);
  await context.route('https://capture-baseline.test/**', serve);
  await context.route(/^https:\/\/media\.licdn\.com\//, noImage);
  // Both pages are open at once and navigated in turn, each navigation read on its own (CDP
  // Performance metrics of each page's renderer before and after), so a burst of load on this
  // shared machine hits both sides alike; medians keep one slow navigation from deciding.
  const open = async (origin) => {
    const page = await context.newPage();
    await page.goto(`${origin}${pages[0].path}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, cdp, task: [], script: [], layout: [] };
  };
  const metric = async (side) => Object.fromEntries((await side.cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const navigate = (side, next) =>
    side.page.evaluate(
      ({ path, html }) => {
        const doc = new globalThis.DOMParser().parseFromString(html, 'text/html');
        globalThis.history.pushState({}, '', path);
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
      },
      { path: next.path, html: next.html },
    );
  try {
    const ours = await open('https://www.linkedin.com');
    const plain = await open('https://capture-baseline.test');
    await ours.page.waitForTimeout(2500);
    // Chromium's trace records each task's thread CPU time (tdur) beside its wall time (dur):
    // CPU time is what the extension costs the page, and unlike wall time it does not grow when
    // other work on this machine preempts the renderer.
    const events = [];
    ours.cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const traced = new Promise((r) => ours.cdp.once('Tracing.tracingComplete', r));
    await ours.cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    for (let i = 1; i <= navs; i++) {
      const next = pages[i % pages.length];
      // Alternate which side goes first.
      const order = i % 2 ? [ours, plain] : [plain, ours];
      const before = new Map();
      for (const side of order) before.set(side, await metric(side));
      for (const side of order) await navigate(side, next);
      // The URL watcher fires at once (Navigation API); the button is mounted well within this.
      await ours.page.waitForTimeout(1600);
      for (const side of order) {
        const a = await metric(side);
        const b = before.get(side);
        side.task.push((a.TaskDuration - b.TaskDuration) * 1000);
        side.script.push((a.ScriptDuration - b.ScriptDuration) * 1000);
        side.layout.push((a.LayoutDuration + a.RecalcStyleDuration - b.LayoutDuration - b.RecalcStyleDuration) * 1000);
      }
    }
    await ours.cdp.send('Tracing.end');
    await traced;
    const mounted = await ours.page.locator('leadside-capture').count();
    await ours.page.close();
    await plain.page.close();
    // Each page's renderer: the process whose frame is at that origin.
    const urlPid = new Map();
    const originOf = (url) => /^https?:\/\/[^/]+/.exec(url ?? '')?.[0];
    for (const e of events) {
      const d = e.args?.data ?? e.args?.beginData;
      const origin = originOf(d?.url);
      if (origin && e.pid && !urlPid.has(origin)) urlPid.set(origin, e.pid);
      for (const f of d?.frames ?? []) if (originOf(f.url) && f.processId) urlPid.set(originOf(f.url), f.processId);
    }
    if (process.env.DEBUG_TRACE) console.log([...urlPid], [...new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.pid))]);
    const pidOf = (origin) => urlPid.get(origin);
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const cpu = (pid) =>
      events
        .filter((e) => e.pid === pid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`))
        .reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000 / navs;
    const oursCpu = cpu(pidOf('https://www.linkedin.com'));
    const plainCpu = cpu(pidOf('https://capture-baseline.test'));
    log(`Capture: button mounted after the last navigation: ${mounted === 1 ? 'yes' : 'NO'} (${navs} navigations over ${pages.length} profiles)`);
    log(`  wall-clock task ms per navigation, medians (means): ours ${median(ours.task).toFixed(2)} (${mean(ours.task).toFixed(2)}), plain ${median(plain.task).toFixed(2)} (${mean(plain.task).toFixed(2)})`);
    rows.push({ metric: 'capture: main-thread CPU time per profile navigation, incl. page (ms)', ours: oursCpu, baseline: plainCpu, unit: 'ms', ratio: oursCpu / plainCpu, target: '' });
    rows.push({ metric: 'capture: main-thread CPU time added per profile navigation (ms)', ours: oursCpu - plainCpu, baseline: NaN, unit: 'ms', ratio: NaN, target: '≤ 10 ms' });
    rows.push({ metric: 'capture: main-thread task (wall) time added per navigation (ms, median)', ours: median(ours.task) - median(plain.task), baseline: NaN, unit: 'ms', ratio: NaN, target: '' });
    rows.push({ metric: 'capture: script time added per profile navigation (ms, median)', ours: median(ours.script) - median(plain.script), baseline: NaN, unit: 'ms', ratio: NaN, target: '' });
    rows.push({ metric: 'capture: style + layout time added per profile navigation (ms, median)', ours: median(ours.layout) - median(plain.layout), baseline: NaN, unit: 'ms', ratio: NaN, target: '' });
  } finally {
    await context.unroute('https://www.linkedin.com/**', serve);
    await context.unroute('https://capture-baseline.test/**', serve);
    await context.unroute(/^https:\/\/media\.licdn\.com\//, noImage);
  }
}

// Run on its own: a fresh profile, the capture section only.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchBuild, launchBench } = await import('../../scripts/lib/bench-browser.mjs');
  const args = process.argv.slice(2);
  const navs = Number(args.find((a) => a.startsWith('--navs='))?.split('=')[1] ?? 12);
  // --profiles=2: the two small fixtures only (the bench's figure before the embedded-JSON page).
  const profiles = Number(args.find((a) => a.startsWith('--profiles='))?.split('=')[1] ?? PAGES.length);
  const extDir = benchBuild(args);
  const { context, close } = await launchBench(extDir, { name: 'leadside-bench-capture-' });
  const rows = [];
  try {
    await benchCapture({ context, extDir, rows, navs, profiles });
  } finally {
    await close();
  }
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(2) : '—');
  for (const r of rows) console.log(`| ${r.metric} | ${fmt(r.ours)} | ${fmt(r.baseline)} | ${r.target} |`);
}
