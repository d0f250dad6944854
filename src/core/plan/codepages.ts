/**
 * The three single-byte code pages that UTF-8 text is most often misread with, as tables.
 *
 * Windows-1252 and Windows-1254 follow the WHATWG Encoding Standard: a byte the code page has no
 * character for (0x81, 0x8D, 0x8F, 0x90, 0x9D; in 1254 also 0x8E, 0x9E) decodes to the C1 control
 * of the same number, so misreading through a browser-like decoder loses nothing. Other tools drop
 * such a byte or write U+FFFD for it; `UNDEFINED_BYTES` lists them so the detector can tell that
 * damage apart. Latin-1 maps every byte to the code point of the same number.
 *
 * No character stands for two different bytes in two of the pages (the pages only differ in which
 * characters they have), so one reverse table serves all three, with a bit mask of the pages that
 * have each character.
 */

export type CodePage = 'windows-1252' | 'windows-1254' | 'latin1';

/** In order of preference when more than one page explains the damage equally well. */
export const CODE_PAGES: readonly CodePage[] = ['windows-1252', 'windows-1254', 'latin1'];

/** Characters of bytes 0x80–0x9F in Windows-1252 (undefined bytes: their C1 control). */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Where Windows-1254 (Turkish) differs from Windows-1252: no Ž/ž, and six Turkish letters. */
const CP1254_CHANGES: readonly (readonly [byte: number, char: number])[] = [
  [0x8e, 0x008e],
  [0x9e, 0x009e],
  [0xd0, 0x011e], // Ğ
  [0xdd, 0x0130], // İ
  [0xde, 0x015e], // Ş
  [0xf0, 0x011f], // ğ
  [0xfd, 0x0131], // ı
  [0xfe, 0x015f], // ş
];

function charsOf(page: CodePage): Uint16Array {
  const chars = new Uint16Array(256);
  for (let b = 0; b < 256; b++)
    chars[b] = page !== 'latin1' && b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b;
  if (page === 'windows-1254') for (const [b, c] of CP1254_CHANGES) chars[b] = c;
  return chars;
}

/** The character each byte decodes to, per page. */
export const CHAR_OF: Readonly<Record<CodePage, Uint16Array>> = {
  'windows-1252': charsOf('windows-1252'),
  'windows-1254': charsOf('windows-1254'),
  latin1: charsOf('latin1'),
};

/** Bytes the page has no character for: a tool that is not WHATWG-conformant drops them or writes U+FFFD. */
export const UNDEFINED_BYTES: Readonly<Record<CodePage, readonly number[]>> = {
  'windows-1252': [0x81, 0x8d, 0x8f, 0x90, 0x9d],
  'windows-1254': [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e],
  latin1: [],
};

/** Every character of the three pages is below this (the highest is ™, U+2122). */
export const TABLE_SIZE = 0x2123;

/** The byte a character stands for in whichever page has it, or -1. */
export const BYTE_OF = new Int16Array(TABLE_SIZE).fill(-1);

/** Bit k is set when CODE_PAGES[k] has the character. */
export const PAGES_OF = new Uint8Array(TABLE_SIZE);

CODE_PAGES.forEach((page, k) => {
  const chars = CHAR_OF[page];
  for (let b = 0; b < 256; b++) {
    const c = chars[b]!;
    if (BYTE_OF[c] !== -1 && BYTE_OF[c] !== b)
      throw new Error(`code page tables disagree on U+${c.toString(16)}`);
    BYTE_OF[c] = b;
    PAGES_OF[c] = PAGES_OF[c]! | (1 << k);
  }
});

/** All pages. */
export const ALL_PAGES = (1 << CODE_PAGES.length) - 1;

/** The preferred page of a non-empty mask. */
export function firstPage(mask: number): CodePage {
  for (let k = 0; k < CODE_PAGES.length; k++) if (mask & (1 << k)) return CODE_PAGES[k]!;
  throw new Error('empty code page mask');
}
