import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './file-names';

describe('sanitizeFileName', () => {
  it.each([
    ['C:\\Users\\kim\\Desktop\\report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['  photo\u0000\u0007\u001b[31m.png  ', 'photo[31m.png'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.png', 'zerowidth.png'],
    ['a"b*c:d<e>f?g|h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['.htaccess', 'htaccess'],
    ['...', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['multiple   spaces\tand\ttabs.jpg', 'multiple spaces and tabs.jpg'],
    ['Cafe\u0301.png', 'Café.png'],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });

  it('shortens long names to 120 characters, keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'😀'.repeat(200)}.jpeg`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('😀.jpeg')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Grüße "final" (2).pdf')).toBe(
      `attachment; filename="Grue _final_ (2).pdf"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22final%22%20%282%29.pdf`,
    );
  });
});
