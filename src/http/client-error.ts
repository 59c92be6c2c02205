import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { LANGUAGES, type TLanguage, type TText } from '../core/regulation/schema.js';

const HEADERS_TOO_LARGE: TText = {
  kk: 'Сұраныс тақырыптары тым үлкен.',
  ru: 'Заголовки запроса слишком велики.',
  en: 'The request headers are too large.',
};
const TOO_SLOW: TText = { kk: 'Сұраныс уақытында келмеді.', ru: 'Запрос не пришёл вовремя.', en: 'The request did not arrive in time.' };
const MALFORMED: TText = { kk: 'Сұранысты оқу мүмкін болмады.', ru: 'Не удалось прочитать запрос.', en: 'The request could not be read.' };

/** The language asked for in the bytes Node could read of a request it could not parse; else Kazakh. */
function languageOfRaw(raw: unknown): TLanguage {
  if (!Buffer.isBuffer(raw)) return 'kk';
  const header = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(raw.toString('latin1'))?.[1] ?? '';
  const first = header
    .split(',')
    .map((part) => part.split(';')[0]!.trim().slice(0, 2).toLowerCase())
    .find((l) => (LANGUAGES as readonly string[]).includes(l));
  return (first as TLanguage | undefined) ?? 'kk';
}

/** How much more of an oversized head is read, and for how long, to find its Accept-Language. */
const MORE_HEAD_BYTES = 1024 * 1024;
const MORE_HEAD_MILLIS = 2000;
/** Sockets already being answered: the parser may report the same request more than once. */
const answering = new WeakSet<Socket>();

/**
 * Answers a request Node's HTTP parser refused before any route saw it (headers too large, bad
 * framing, too slow), in the API's error shape and the asked language, instead of Node's bare
 * English status line. A head too large for Node's buffer (a 100 KB address) arrives in parts
 * the parser never sees, Accept-Language among the last: the rest of the head is read, within
 * bounds of size and time, so the answer is in the language asked.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answering.has(socket)) return;
  answering.add(socket);
  const raw = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
  if (error.code !== 'HPE_HEADER_OVERFLOW' || raw.includes('\r\n\r\n') || !socket.readable) return answer(error.code, raw, socket);
  // Only the tail is kept: the header is looked for at the end of the head.
  let tail = raw.subarray(-8192);
  let read = 0;
  const finish = () => {
    clearTimeout(timer);
    socket.removeListener('data', more);
    answer(error.code, tail, socket);
  };
  const more = (chunk: Buffer) => {
    read += chunk.length;
    tail = Buffer.concat([tail, chunk]).subarray(-8192);
    if (tail.includes('\r\n\r\n') || read > MORE_HEAD_BYTES) finish();
  };
  const timer = setTimeout(finish, MORE_HEAD_MILLIS);
  socket.on('data', more);
  socket.resume();
}

function answer(errorCode: string | undefined, raw: Buffer, socket: Socket): void {
  const [status, code, text] =
    errorCode === 'HPE_HEADER_OVERFLOW'
      ? [431, 'invalid-input', HEADERS_TOO_LARGE]
      : errorCode === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'invalid-input', TOO_SLOW]
        : [400, 'invalid-input', MALFORMED];
  const body = Buffer.from(JSON.stringify({ error: { code, message: text[languageOfRaw(raw)] } }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body);
  }
  socket.destroy();
}
