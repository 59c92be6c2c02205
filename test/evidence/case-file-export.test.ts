import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { buildServer } from '../../src/http/build-server.js';
import { wireApp, type Wired } from '../../src/compose/wire-app.js';
import { entryHash, GENESIS_HASH } from '../../src/store/audit-chain.js';
import { runCli } from '../run-cli.js';

/** Runs the exported verifier as a court would: a plain node process, no project code loaded. */
function verify(target: string, cwd: string = target) {
  try {
    return { code: 0, out: execFileSync(process.execPath, [join(cwd, 'verify.mjs'), target], { encoding: 'utf8' }) };
  } catch (e) {
    const failure = e as { status: number; stdout: string; stderr: string };
    return { code: failure.status, out: `${failure.stdout}${failure.stderr}` };
  }
}

describe('evidence: daily anchors and the exported case file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-evidence-'));
  const file = join(dir, 'reglament.db');
  let wired: Wired;
  let now = Date.parse('2024-10-08T10:00:00+05:00');
  let caseId = '';

  beforeAll(async () => {
    wired = await wireApp({ database: { sqliteFile: file }, now: () => (now += 1000) });
    await seedDemoData(wired.deps);
    const app = await buildServer(wired.deps);
    const login = async (who: string) =>
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: who, password: wired.deps.directory.demoPassword } })).json<{
        token: string;
      }>().token;
    const doctor = await login('doctor.askar');
    const pdf = Buffer.from('%PDF-1.4\n% diploma of Askar\n%%EOF\n', 'latin1');
    const boundary = 'b0undary';
    const upload = await app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { authorization: `Bearer ${doctor}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="диплом.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const attachment = upload.json<{ id: string }>().id;
    const submit = async (attachments: string[]) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/applications',
          headers: { authorization: `Bearer ${doctor}` },
          payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana', attachments },
        })
      ).json<{ id: string }>().id;
    caseId = await submit([attachment]);
    await submit([]);
    const clerk = await login('committee-astana.clerk');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/actions`,
          headers: { authorization: `Bearer ${clerk}` },
          payload: { type: 'register', procedureId: 'register' },
        })
      ).statusCode,
    ).toBe(200);
    // The next day: one more entry after the day's anchor, which it does not cover.
    now = Date.parse('2024-10-09T11:00:00+05:00');
    const head = await login('committee-astana.department-head');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/actions`,
          headers: { authorization: `Bearer ${head}` },
          payload: { type: 'assign', assignee: 'committee-astana.executor-1' },
        })
      ).statusCode,
    ).toBe(200);
    await app.close();
    await wired.close();
  }, 60_000);

  it('anchors a finished day once, chained, and refuses a day not over or anchored already', async () => {
    const first = await runCli('audit', 'anchor', '--date', '2024-10-08', '--database', file, '--json');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ day: '2024-10-08', cases: 2, prevHash: GENESIS_HASH });
    const again = await runCli('audit', 'anchor', '--date', '2024-10-08', '--database', file, '--lang', 'en');
    expect(again.code).toBe(1);
    expect(again.err).toContain('anchored already');
    const future = await runCli('audit', 'anchor', '--date', '2999-01-01', '--database', file, '--lang', 'ru');
    expect(future.err).toContain('ещё не закончился');
    const verified = await runCli('audit', 'verify', '--database', file);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('1 daily anchor(s) intact');
  });

  it('exports a case file that the standalone verifier accepts, and names what was altered', async () => {
    const out = join(dir, 'case-file');
    const exported = await runCli('export-case', caseId, '--out', out, '--database', file, '--json');
    expect(exported.code, exported.err).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ caseId, manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const document = manifest.files.map((f) => f.path).find((p) => p.startsWith('attachments/') && p.endsWith('.pdf'))!;
    expect(document).toBeDefined();

    const intact = verify(out);
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toContain('VERIFIED');
    expect(intact.out).toMatch(/anchor of 2024-10-08 \([0-9a-f]{64}\) covers entries 1–2 of 3/);

    // One byte of the document changed: the manifest and the upload's hash both name it.
    const altered = join(dir, 'altered-document');
    cpSync(out, altered, { recursive: true });
    const bytes = readFileSync(join(altered, document));
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    writeFileSync(join(altered, document), bytes);
    const badDocument = verify(altered);
    expect(badDocument.code).toBe(1);
    expect(badDocument.out).toContain(`FAILED ${document}: its SHA-256 differs from the manifest's`);
    expect(badDocument.out).toContain(`FAILED ${document}: document differs from the SHA-256 recorded when it was uploaded`);

    // One byte of a history entry changed, manifest recomputed to match: the chain names the entry.
    const rewritten = join(dir, 'altered-history');
    cpSync(out, rewritten, { recursive: true });
    const history = JSON.parse(readFileSync(join(rewritten, 'history.json'), 'utf8')) as { event: { by?: string } }[];
    history[1]!.event.by = 'intruder';
    writeFileSync(join(rewritten, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
    const badHistory = verify(rewritten);
    expect(badHistory.code).toBe(1);
    expect(badHistory.out).toContain('FAILED history.json: its SHA-256 differs');
    expect(badHistory.out).toContain('FAILED history.json: entry 2 (step-completed) does not match its hash');
  });

  it('exports the same case file as a zip that the verifier reads directly', async () => {
    const zip = join(dir, 'case.zip');
    expect((await runCli('export-case', caseId, '--out', zip, '--database', file)).code).toBe(0);
    const folder = join(dir, 'case-file');
    const ok = verify(zip, folder);
    expect(ok.code, ok.out).toBe(0);
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('manifest.json')) - 200;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(join(dir, 'damaged.zip'), bytes);
    expect(verify(join(dir, 'damaged.zip'), folder).code).not.toBe(0);
  });

  it('finds a history rewritten with fresh hashes through the anchor, though the chain itself verifies', async () => {
    const copy = join(dir, 'forged.db');
    cpSync(file, copy);
    const db = new Database(copy);
    // The forger changes who registered the case, then recomputes every later link of that case.
    const rows = db.prepare('SELECT seq, body FROM case_events WHERE case_id = ? ORDER BY seq').all(caseId) as { seq: number; body: string }[];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const event = JSON.parse(row.body) as { type: string; by?: string };
      if (event.type === 'step-completed') event.by = 'someone-else';
      const hash = entryHash(prev, caseId, row.seq, event as never);
      db.prepare('UPDATE case_events SET body = ?, prev_hash = ?, hash = ? WHERE case_id = ? AND seq = ?').run(
        JSON.stringify(event),
        prev,
        hash,
        caseId,
        row.seq,
      );
      prev = hash;
    }
    db.close();
    const verdict = await runCli('audit', 'verify', '--database', copy);
    expect(verdict.code).toBe(1);
    expect(verdict.out).toContain(`${caseId}: intact`);
    expect(verdict.out).toContain('anchor of 2024-10-08: BROKEN: the case histories before its cutoff are not those it recorded');
  });
});
