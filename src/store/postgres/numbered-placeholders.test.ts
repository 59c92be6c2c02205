import { describe, expect, it } from 'vitest';
import { numberedPlaceholders } from './numbered-placeholders.js';

describe('numbering the ? placeholders for PostgreSQL', () => {
  it('numbers each placeholder in order', () => {
    expect(numberedPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });

  it('leaves a question mark in a literal, a quoted name, a comment or a dollar-quoted string as text', () => {
    expect(numberedPlaceholders("SELECT 'why?' AS q, ? AS p")).toBe("SELECT 'why?' AS q, $1 AS p");
    expect(numberedPlaceholders("SELECT 'it''s ?', ?")).toBe("SELECT 'it''s ?', $1");
    expect(numberedPlaceholders('SELECT "odd?name" FROM t WHERE x = ?')).toBe('SELECT "odd?name" FROM t WHERE x = $1');
    expect(numberedPlaceholders('SELECT ? -- really?\n, ?')).toBe('SELECT $1 -- really?\n, $2');
    expect(numberedPlaceholders('SELECT /* a ? here */ ?')).toBe('SELECT /* a ? here */ $1');
    expect(numberedPlaceholders('SELECT $$a ? b$$, $tag$?$tag$, ?')).toBe('SELECT $$a ? b$$, $tag$?$tag$, $1');
  });

  it('keeps a dollar that opens no quoted string as it is', () => {
    expect(numberedPlaceholders("SELECT '$' || ?")).toBe("SELECT '$' || $1");
  });
});
