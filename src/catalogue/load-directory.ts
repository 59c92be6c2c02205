import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ZOfficeScheduleData } from '../core/clock/office-schedule.js';
import { directoryProblems, type DirectoryProblem } from '../core/directory/directory-problems.js';
import { ZDirectory, type TDirectory } from '../core/directory/directory-schema.js';
import { CALENDAR_DIR, DIRECTORY_DIR } from './catalogue-paths.js';

/** The files the directory is read from; each defaults to the bundled one. */
export interface DirectoryFiles {
  /** Organisations and their offices. */
  readonly organisations: string;
  /** The commissions and councils and their members. */
  readonly bodies: string;
  /** The demo accounts and their password. */
  readonly demoUsers: string;
  /** The office schedules an office's `schedule` must name. */
  readonly schedules: string;
}

const BUNDLED: DirectoryFiles = {
  organisations: join(DIRECTORY_DIR, 'organisations.yaml'),
  bodies: join(DIRECTORY_DIR, 'bodies.yaml'),
  demoUsers: join(DIRECTORY_DIR, 'demo-users.yaml'),
  schedules: join(CALENDAR_DIR, 'office-schedules.yaml'),
};

const ZOrganisationsFile = ZDirectory.pick({ organisations: true, offices: true }).strict();
const ZBodiesFile = ZDirectory.pick({ bodies: true }).strict();
const ZDemoUsersFile = ZDirectory.pick({ demoUsers: true, demoPassword: true }).strict();
const ZSchedulesFile = z.object({ schedules: z.array(ZOfficeScheduleData) });

/** A line of the error: the file, the place in it, and what is wrong. */
interface Complaint {
  readonly file: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Reads the organisation directory and the demo accounts, and checks that every office, schedule
 * and role points somewhere. The data ships with the program, so a fault in it is a bug: it
 * throws one error listing every fault by file and path rather than starting half-configured.
 */
export function loadDirectory(files: Partial<DirectoryFiles> = {}): TDirectory {
  const { organisations, bodies, demoUsers, schedules } = { ...BUNDLED, ...files };
  const complaints: Complaint[] = [];
  const orgData = readFile(organisations, ZOrganisationsFile, complaints);
  const bodyData = readFile(bodies, ZBodiesFile, complaints);
  const userData = readFile(demoUsers, ZDemoUsersFile, complaints);
  const scheduleData = readFile(schedules, ZSchedulesFile, complaints);
  if (orgData && bodyData && userData && scheduleData) {
    const directory: TDirectory = { ...orgData, ...bodyData, ...userData };
    const fileOf: Record<DirectoryProblem['part'], string> = { organisations, offices: organisations, bodies, demoUsers };
    for (const p of directoryProblems(
      directory,
      scheduleData.schedules.map((s) => s.id),
    )) {
      complaints.push({ file: fileOf[p.part], path: [p.part, ...p.path], message: withId(directory, p) });
    }
    if (complaints.length === 0) return directory;
  }
  throw new Error(`The organisation directory is invalid:\n${complaints.map((c) => `  ${c.file}: ${formatPath(c.path)}: ${c.message}`).join('\n')}`);
}

function readFile<T>(file: string, schema: z.ZodType<T>, complaints: Complaint[]): T | undefined {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0];
      complaints.push({ file, path: line ? [`line ${line.line}:${line.col}`] : [], message: e.message });
      return undefined;
    }
    throw e;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) complaints.push({ file, path: issue.path, message: issue.message });
  return undefined;
}

// "offices[3].schedule" is easy to find in a YAML file; the id next to it is easier still.
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function withId(directory: TDirectory, p: DirectoryProblem): string {
  const index = p.path[0];
  if (typeof index !== 'number') return p.message;
  const item = directory[p.part][index];
  const name = item && ('login' in item ? item.login : 'id' in item ? item.id : `${item.role} at ${item.office}`);
  return name ? `${p.message} (in ${name})` : p.message;
}
