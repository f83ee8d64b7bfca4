import { Document, Packer, Paragraph, TextRun } from 'docx';
import { zipSync } from 'fflate';

/** Word files made on the fly, so the fixtures are real .docx produced by a library that writes them. */
export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A zip whose document.xml inflates to `megabytes` MB of zeros from a few kilobytes. */
export function makeZipBomb(megabytes: number): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
      'word/document.xml': new Uint8Array(megabytes * 1024 * 1024),
    },
    { level: 9 },
  );
}

/** A zip whose headers declare `declared` bytes for document.xml while it really inflates to more. */
export function makeLyingZip(actualBytes: number, declared: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': new Uint8Array(actualBytes).fill(0x61) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return zip;
}

/** The first bytes of an OLE compound file holding an encrypted package, as Word writes a password-protected .docx. */
export function makeEncryptedDocx(): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const bytes = new Uint8Array(2048);
  bytes.set(head, 0);
  const entry = Buffer.from('EncryptedPackage', 'utf16le');
  bytes.set(entry, 1024);
  return bytes;
}
