import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertEnglish,
  buildArticle,
  decodeBytes,
  firstInvalidUtf8,
  normaliseDate,
  parseDocument,
  parseHtml,
  parseJsonRecord,
  parsePlainText,
  parsePublisherLine,
} from '../../src/articles/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'articles');
const shared = process.env.STANCEGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('plain text', () => {
  it('reads the AFP seed: title, publisher/date line, captions and short link dropped', () => {
    const file = path.join(shared, 'corpus', 'seed', '000_a423757e2158ce54.txt');
    const a = parseDocument(readFileSync(file, 'utf8'), 'text', 'seed.txt');
    expect(a.title).toBe('Russia will not interfere in Syria: Lavrov');
    expect(a.publisher).toBe('AFP');
    expect(a.publishedAt).toBe('2012-01-31');
    expect(a.text.startsWith('Russia will not interfere in Syria: Lavrov\n\nRussia will not back new')).toBe(
      true,
    );
    expect(a.text).not.toContain('(Photo:Reuters)');
    expect(a.text).not.toContain('AFP , Tuesday');
    expect(a.text).not.toMatch(/Short link/);
    expect(a.text).not.toMatch(/\n{3}/);
    expect(a.text.endsWith('the "real deterioration on the ground."')).toBe(true);
    expect(a.sha256).toBe(createHash('sha256').update(a.text).digest('hex'));
    expect(a.id).toBe(`sha256:${a.sha256}`);
    expect(a.source).toBe('seed.txt');
  });

  it('reads an agency article with another publisher and drops the caption', () => {
    const f = parsePlainText(fixture('agency.txt'));
    expect(f.title).toBe('Minister rejects opposition plan for early elections');
    expect(f).toMatchObject({ publisher: 'Reuters', publishedAt: '2012-02-06' });
    expect(f.paragraphs).toHaveLength(3);
    expect(f.paragraphs.join('\n')).not.toContain('(Photo:AP)');
  });

  it('reads a BBC-style file with no publisher', () => {
    const f = parsePlainText(fixture('bbc-style.txt'));
    expect(f).toMatchObject({
      title: 'Straw backs ending China embargo',
      publisher: null,
      publishedAt: null,
    });
    expect(f.paragraphs).toHaveLength(2);
  });

  it('normalises CRLF, a BOM and trailing whitespace, so the same article hashes the same', () => {
    const unix = 'Title here\n\nFirst paragraph of the body.\n\nSecond paragraph.\n';
    const dos =
      '\uFEFFTitle here  \r\n\r\n\r\n\r\nFirst paragraph of the body.\t\r\n\r\nSecond paragraph.   \r\n\r\n';
    const a = parseDocument(unix, 'text', 'a');
    const b = parseDocument(dos, 'text', 'b');
    expect(a.text).toBe('Title here\n\nFirst paragraph of the body.\n\nSecond paragraph.');
    expect(b.text).toBe(a.text);
    expect(b.id).toBe(a.id);
  });

  it('treats each line as a paragraph when a file has no blank lines', () => {
    const f = parsePlainText('A headline\nFirst paragraph.\nSecond paragraph.\n');
    expect(f.title).toBe('A headline');
    expect(f.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('recognises publisher/date lines and nothing else', () => {
    expect(parsePublisherLine('AFP , Tuesday 31 Jan 2012')).toEqual({
      publisher: 'AFP',
      publishedAt: '2012-01-31',
    });
    expect(parsePublisherLine('Ahram Online, Sunday 5 February 2012')).toEqual({
      publisher: 'Ahram Online',
      publishedAt: '2012-02-05',
    });
    expect(parsePublisherLine('Russia, a veto-wielding member, said in 2012')).toBeNull();
    expect(parsePublisherLine('The minister said, on Tuesday, that he would resign')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2012-01-31', '2012-01-31'],
    ['2013-10-16T21:30:00Z', '2013-10-16T21:30:00Z'],
    ['2013-10-16 21:30:00+02:00', '2013-10-16T21:30:00+02:00'],
    ['Tuesday 31 Jan 2012', '2012-01-31'],
    ['31st January 2012', '2012-01-31'],
    ['January 31, 2012', '2012-01-31'],
    ['Sept 3, 2011', '2011-09-03'],
    ['31 Feb 2012', null],
    ['01/02/2012', null],
    ['yesterday', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('decoding', () => {
  it('refuses empty, binary and non-UTF-8 input with the reason', () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow('empty file');
    expect(() => decodeBytes(Buffer.from('  \n\n'))).toThrow('empty file');
    expect(() => decodeBytes(Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]))).toThrow(
      /binary file \(NUL byte at offset 3\)/,
    );
    const latin1 = Buffer.from('Caf\xe9 society and the government\n', 'latin1');
    expect(() => decodeBytes(latin1)).toThrow(/not valid UTF-8 \(byte 0xe9 at offset 3\)/);
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('naïve — “quoted” 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  it('accepts UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\n\nBody text.', 'utf16le')]);
    expect(decodeBytes(bytes)).toBe('Title\n\nBody text.');
  });
});

describe('language', () => {
  it('passes English news and refuses French', () => {
    expect(() => assertEnglish(fixture('agency.txt'))).not.toThrow();
    const french =
      'Le gouvernement français a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au conseil des ministres ' +
      'la semaine prochaine. Les syndicats ont déjà appelé à une grève générale pour protester contre le projet, jugé injuste ' +
      'par une majorité des Français selon un sondage publié dimanche.';
    expect(() => assertEnglish(french)).toThrow(/does not look like English/);
    expect(() => assertEnglish('Paris: Macron à Berlin')).not.toThrow(); // too short to judge
  });
});

describe('HTML', () => {
  it('takes the main text with Readability and the meta data from meta tags', () => {
    const f = parseHtml(fixture('page.html'));
    expect(f.title).toBe('Senate backs budget deal');
    expect(f.publisher).toBe('Example News');
    expect(f.publishedAt).toBe('2013-10-16T21:30:00Z');
    expect(f.url).toBe('https://news.example.com/2013/10/senate-budget-deal');
    expect(f.paragraphs).toHaveLength(3);
    expect(f.paragraphs[0]).toMatch(/^The Senate on Wednesday backed a deal/);
    const all = f.paragraphs.join('\n');
    expect(all).not.toMatch(/Senators leave the chamber|tracking|Copyright|Home/);
    const a = buildArticle(f, 'page.html');
    expect(a.id).toBe('url:https://news.example.com/2013/10/senate-budget-deal');
    expect(a.text.startsWith('Senate backs budget deal\n\nThe Senate on Wednesday')).toBe(true);
  });

  it('refuses a page with no article', () => {
    expect(() => parseHtml(fixture('no-article.html'))).toThrow('no article text found in the HTML');
    const furniture =
      '<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><footer>© 2024</footer></body></html>';
    expect(() => parseHtml(furniture)).toThrow('no article text found in the HTML');
  });

  it('is chosen by content for a .txt file starting with <', () => {
    const a = parseDocument(fixture('page.html'), 'text', 'page.txt');
    expect(a.title).toBe('Senate backs budget deal');
  });
});

describe('JSON Lines records', () => {
  it('takes the given fields over what the text says', () => {
    const f = parseJsonRecord(
      JSON.stringify({
        id: 7,
        title: 'A title',
        publisher: 'P',
        publishedAt: 'March 4, 2019',
        text: 'Body one.\n\nBody two.',
      }),
    );
    expect(f).toMatchObject({ id: '7', title: 'A title', publisher: 'P', publishedAt: '2019-03-04' });
    expect(f.paragraphs).toEqual(['Body one.', 'Body two.']);
    expect(buildArticle(f, 'x#L1').id).toBe('id:7');
  });

  it('prefers a URL for the id, and reads html records', () => {
    const f = parseJsonRecord(
      JSON.stringify({
        id: 'x',
        url: 'https://e.org/a',
        html: '<article><p>The union condemned the cuts.</p></article>',
      }),
    );
    expect(buildArticle(f, 's').id).toBe('url:https://e.org/a');
    expect(f.paragraphs).toEqual(['The union condemned the cuts.']);
  });

  it('reads a text without title like a plain-text file', () => {
    const f = parseJsonRecord(JSON.stringify({ text: 'Headline\n\nAFP , Tuesday 31 Jan 2012\n\nBody.' }));
    expect(f).toMatchObject({
      title: 'Headline',
      publisher: 'AFP',
      publishedAt: '2012-01-31',
      paragraphs: ['Body.'],
    });
  });

  it('says what is wrong with a bad record', () => {
    expect(() => parseJsonRecord('{"title": ')).toThrow(/^invalid JSON: /);
    expect(() => parseJsonRecord('[1, 2]')).toThrow('expected a JSON object');
    expect(() => parseJsonRecord('{"title": "t"}')).toThrow('neither a "text" nor an "html" field');
  });
});
