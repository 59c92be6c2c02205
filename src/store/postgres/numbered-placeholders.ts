/**
 * Turns the `?` placeholders our statements are written with (SQLite's) into PostgreSQL's `$1, $2, …`,
 * counting only the `?` that are placeholders: one inside a string literal ('…'), a quoted
 * identifier ("…"), a dollar-quoted string ($tag$…$tag$) or a comment is text and stays as written.
 */
export function numberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    let end: number;
    if (c === "'" || c === '"') end = closingQuote(sql, i, c);
    else if (c === '-' && next === '-') end = lineEnd(sql, i);
    else if (c === '/' && next === '*') end = blockCommentEnd(sql, i);
    else if (c === '$' && /[A-Za-z_$]/.test(next ?? '')) end = dollarQuoteEnd(sql, i);
    else {
      out += c === '?' ? `$${++n}` : c;
      i++;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}

/** Past the quote that closes the one at `start` (a doubled quote is the quote character itself). */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

function lineEnd(sql: string, start: number): number {
  const at = sql.indexOf('\n', start);
  return at === -1 ? sql.length : at + 1;
}

function blockCommentEnd(sql: string, start: number): number {
  const at = sql.indexOf('*/', start + 2);
  return at === -1 ? sql.length : at + 2;
}

/** Past a dollar-quoted string `$tag$…$tag$`; a `$` that opens none is only itself. */
function dollarQuoteEnd(sql: string, start: number): number {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start))?.[0];
  if (tag === undefined) return start + 1;
  const close = sql.indexOf(tag, start + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}
