import { describe, expect, it } from 'vitest';
import { escapeInline, fencedBlock, inlineCode, terminalSafe } from '../../../compiler/plan/report/escape.ts';

describe('escapeInline', () => {
  it('turns HTML and Markdown syntax into character references', () => {
    expect(escapeInline('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;');
    expect(escapeInline('a|b `c` **d** [e](f) ~g~ _h_ #1 @org/team $x$ \\')).toBe(
      'a&#124;b &#96;c&#96; &#42;&#42;d&#42;&#42; &#91;e&#93;(f) &#126;g&#126; &#95;h&#95; &#35;1 &#64;org/team &#36;x&#36; &#92;',
    );
  });

  it('keeps a value on one line and drops control characters', () => {
    expect(escapeInline('one\ntwo\r\n\tthree\u001b[31m')).toBe('one two three&#91;31m');
  });

  it('never leaves an ampersand that could start an entity', () => {
    expect(escapeInline('&lt;script&gt;')).toBe('&#38;lt;script&#38;gt;');
  });
});

describe('inlineCode', () => {
  it('wraps escaped text in <code>', () => {
    expect(inlineCode('a`|<b>')).toBe('<code>a&#96;&#124;&#60;b&#62;</code>');
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    expect(fencedBlock('x\n````\ny\n', 'diff')).toBe('`````diff\nx\n````\ny\n`````');
    expect(fencedBlock('plain')).toBe('```\nplain\n```');
  });
});

describe('terminalSafe', () => {
  it('drops ANSI escapes and keeps newlines', () => {
    expect(terminalSafe('a\u001b[2Jb\nc\u0007')).toBe('a[2Jb\nc');
  });
});
