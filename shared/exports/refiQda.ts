import { sha256 } from '@noble/hashes/sha2';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ProjectSnapshot } from '../model.js';
import { CLAIM_TYPES } from '../model.js';
import { ArchiveError, safeUnzip } from '../bundle/safeUnzip.js';
import { indexSnapshot } from './snapshotIndex.js';

/*
 * REFI-QDA project exchange (QDA-XML 1.0, urn:QDA-XML:project:1.0). A .qdpx is a zip with project.qde and a
 * `sources` folder; `internal://NAME` paths name files in that folder. Selection positions count characters
 * (Unicode code points), where our anchors count UTF-16 units, so positions are converted both ways.
 */

const NS = 'urn:QDA-XML:project:1.0';

/** A stable GUID for a record, so exporting the same project twice gives the same file and QDA tools can merge. */
export function guidFor(kind: string, id: string): string {
  const h = sha256(strToU8(`claimdesk:${kind}:${id}`));
  const b = Array.from(h.slice(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50; // name-based, as RFC 4122 version 5
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// XML 1.0 cannot carry most control characters at all, even escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function xmlText(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
/** Attribute values also keep their line breaks and tabs, which parsers would otherwise fold into spaces. */
function xmlAttr(value: unknown): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join('');
}

const hexColor = (c: string | undefined): string | undefined => (c && /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.test(c) ? c : undefined);
const dateTime = (iso: string): string | undefined => (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(iso) ? iso : undefined);

/** UTF-16 offset → code point offset, cheap when the text has no characters outside the BMP. */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  return (offset) => Array.from(text.slice(0, offset)).length;
}

interface CodeNode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  children: CodeNode[];
}

function codeXml(code: CodeNode, depth: number): string {
  const pad = '  '.repeat(depth);
  const inner = [
    code.description ? `${pad}  <Description>${xmlText(code.description)}</Description>` : '',
    ...code.children.map((c) => codeXml(c, depth + 1)),
  ].filter(Boolean);
  const open = `${pad}<Code${attrs({ guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color })}`;
  return inner.length ? `${open}>\n${inner.join('\n')}\n${pad}</Code>` : `${open}/>`;
}

export interface QdpxExportOptions {
  projectName?: string;
  /** When the project was written; fixed by tests for reproducible output. */
  exportedAt?: string;
}

/** The project.qde XML alone (what the schema validates); exportQdpx wraps it with the sources. */
export function projectQde(snapshot: ProjectSnapshot, options: QdpxExportOptions = {}): { xml: string; sources: Map<string, string> } {
  const index = indexSnapshot(snapshot);
  const exportedAt = dateTime(options.exportedAt ?? new Date().toISOString());
  const user = guidFor('user', 'claimdesk');

  // Code tree: claim types, verdicts (a group per scale), topics (their own tree).
  const typeCode = new Map(CLAIM_TYPES.map((t) => [t, guidFor('claim-type', t)]));
  const stepCode = new Map<string, string>();
  const topicCode = new Map(snapshot.topics.map((t) => [t.id, guidFor('topic', t.id)]));
  const topicNodes = new Map(
    snapshot.topics.map((t): [string, CodeNode] => [t.id, { guid: topicCode.get(t.id) as string, name: t.name, isCodable: true, children: [] }]),
  );
  const rootTopics: CodeNode[] = [];
  // A topic whose parents lead back to itself would recurse forever; it goes at the top level instead.
  const inCycle = (id: string): boolean => {
    const seen = new Set<string>();
    for (let t = index.topics.get(id); t; t = t.parentId ? index.topics.get(t.parentId) : undefined) {
      if (seen.has(t.id)) return true;
      seen.add(t.id);
    }
    return false;
  };
  for (const t of snapshot.topics) {
    const node = topicNodes.get(t.id) as CodeNode;
    const parent = t.parentId ? topicNodes.get(t.parentId) : undefined;
    if (parent && !inCycle(t.id)) parent.children.push(node);
    else rootTopics.push(node);
  }
  const scales: CodeNode[] = snapshot.scales.map((scale) => {
    if (scale.kind === 'conclusion-only' || scale.steps.length === 0) {
      const guid = guidFor('scale', scale.id);
      stepCode.set(`${scale.id}/`, guid);
      return { guid, name: scale.name, isCodable: true, description: 'Verdicts given as a conclusion, without a rating.', children: [] };
    }
    return {
      guid: guidFor('scale', scale.id),
      name: scale.name,
      isCodable: false,
      children: [...scale.steps]
        .sort((a, b) => b.value - a.value)
        .map((step) => {
          const guid = guidFor('step', `${scale.id}/${step.id}`);
          stepCode.set(`${scale.id}/${step.id}`, guid);
          const color = hexColor(step.color);
          return { guid, name: step.label, isCodable: true, ...(color ? { color } : {}), description: `Common scale value ${step.value}`, children: [] };
        }),
    };
  });
  const codebook: CodeNode[] = [
    {
      guid: guidFor('group', 'claim-types'),
      name: 'Claim types',
      isCodable: false,
      children: CLAIM_TYPES.map((t) => ({ guid: typeCode.get(t) as string, name: t, isCodable: true, children: [] })),
    },
    { guid: guidFor('group', 'verdicts'), name: 'Verdicts', isCodable: false, children: scales },
    { guid: guidFor('group', 'topics'), name: 'Topics', isCodable: false, children: rootTopics },
  ];

  // Sources with one coded selection per appearance.
  const sources = new Map<string, string>();
  const claims = new Map(snapshot.claims.map((c) => [c.id, c]));
  const selectionsByPerson = new Map<string, string[]>();
  const sourcesByPerson = new Map<string, Set<string>>();
  const appearancesByDoc = new Map<string, typeof snapshot.appearances>();
  for (const a of snapshot.appearances) {
    const list = appearancesByDoc.get(a.documentId) ?? [];
    list.push(a);
    appearancesByDoc.set(a.documentId, list);
  }
  const sourceXml = snapshot.documents.map((doc) => {
    const guid = guidFor('document', doc.id);
    const fileName = `${guid}.txt`;
    sources.set(fileName, doc.text);
    const toCp = codePointOffsets(doc.text);
    const selections = (appearancesByDoc.get(doc.id) ?? [])
      .filter((a) => a.state !== 'orphaned' && a.anchor.position.end <= doc.text.length && a.anchor.position.start < a.anchor.position.end)
      .sort((x, y) => x.anchor.position.start - y.anchor.position.start)
      .map((a) => {
        const claim = claims.get(a.claimId);
        const selGuid = guidFor('appearance', a.id);
        if (claim?.claimantId) {
          (selectionsByPerson.get(claim.claimantId) ?? selectionsByPerson.set(claim.claimantId, []).get(claim.claimantId))?.push(selGuid);
          (sourcesByPerson.get(claim.claimantId) ?? sourcesByPerson.set(claim.claimantId, new Set()).get(claim.claimantId))?.add(guid);
        }
        const codeIds: string[] = [];
        if (claim) {
          codeIds.push(typeCode.get(claim.type) as string);
          const verdict = index.verdictByClaim.get(claim.id);
          const step = verdict && (stepCode.get(`${verdict.scaleId}/${verdict.stepId ?? ''}`) ?? stepCode.get(`${verdict.scaleId}/`));
          if (step) codeIds.push(step);
          for (const t of new Set([...claim.topicIds, ...(a.topicIds ?? [])])) {
            const code = topicCode.get(t);
            if (code) codeIds.push(code);
          }
        }
        const codings = [...new Set(codeIds)]
          .map(
            (code) =>
              `        <Coding${attrs({ guid: guidFor('coding', `${a.id}/${code}`), creatingUser: user, creationDateTime: dateTime(a.createdAt) })}>\n          <CodeRef targetGUID="${code}"/>\n        </Coding>`,
          )
          .join('\n');
        const name = claim ? (claim.text.length > 80 ? `${claim.text.slice(0, 79)}…` : claim.text) : a.anchor.quote.exact.slice(0, 80);
        return `      <PlainTextSelection${attrs({
          guid: selGuid,
          name,
          startPosition: toCp(a.anchor.position.start),
          endPosition: toCp(a.anchor.position.end),
          creatingUser: user,
          creationDateTime: dateTime(a.createdAt),
          modifiedDateTime: dateTime(a.updatedAt),
        })}>\n${claim ? `        <Description>${xmlText(claim.text)}</Description>\n` : ''}${codings}\n      </PlainTextSelection>`;
      });
    return `    <TextSource${attrs({
      guid,
      name: doc.title,
      plainTextPath: `internal://${fileName}`,
      creatingUser: user,
      creationDateTime: dateTime(doc.createdAt),
      modifiedDateTime: dateTime(doc.updatedAt),
    })}>${selections.length ? `\n${selections.join('\n')}\n    ` : ''}</TextSource>`;
  });

  const cases = snapshot.people.map((p) => {
    const inner = [
      p.party ? `    <Description>${xmlText(p.party)}</Description>` : '',
      ...[...(sourcesByPerson.get(p.id) ?? [])].map((g) => `    <SourceRef targetGUID="${g}"/>`),
      ...(selectionsByPerson.get(p.id) ?? []).map((g) => `    <SelectionRef targetGUID="${g}"/>`),
    ].filter(Boolean);
    const open = `    <Case${attrs({ guid: guidFor('person', p.id), name: p.name })}`;
    return inner.length ? `${open}>\n${inner.map((l) => `  ${l}`).join('\n')}\n    </Case>` : `${open}/>`;
  });

  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${NS}"${attrs({
      name: options.projectName ?? 'Claimdesk project',
      origin: 'Claimdesk',
      creatingUserGUID: user,
      creationDateTime: exportedAt,
    })}>`,
    `  <Users>\n    <User guid="${user}" name="Claimdesk"/>\n  </Users>`,
    `  <CodeBook>\n    <Codes>\n${codebook.map((c) => codeXml(c, 3)).join('\n')}\n    </Codes>\n  </CodeBook>`,
    cases.length ? `  <Cases>\n${cases.join('\n')}\n  </Cases>` : '',
    sourceXml.length ? `  <Sources>\n${sourceXml.join('\n')}\n  </Sources>` : '',
    '</Project>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { xml: xml + '\n', sources };
}

/** The project as a REFI-QDA .qdpx archive: documents as text sources, codes, cases and coded selections. */
export function exportQdpx(snapshot: ProjectSnapshot, options: QdpxExportOptions = {}): Uint8Array {
  const { xml, sources } = projectQde(snapshot, options);
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const [name, text] of sources) entries[`sources/${name}`] = strToU8(text);
  // The entries' times are the export's, so the same export gives the same bytes (not the second it was zipped in).
  const mtime = options.exportedAt ? new Date(options.exportedAt) : new Date();
  return zipSync(entries, { level: 6, mtime: Number.isNaN(mtime.getTime()) ? new Date() : mtime });
}

/** A code from another tool's codebook, with its sub-codes. */
export interface QdaCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  children: QdaCode[];
}

/** A coded span of an imported document, in UTF-16 offsets of `text`. */
export interface QdaSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  codeGuids: string[];
}

export interface QdaDocument {
  guid: string;
  title: string;
  text: string;
  selections: QdaSelection[];
}

export interface QdpxImport {
  projectName: string;
  documents: QdaDocument[];
  codes: QdaCode[];
  /** What could not be brought in (pictures, audio, missing files), in words for the user. */
  warnings: string[];
}

type XmlNode = Record<string, unknown>;
const ARRAY_ELEMENTS = new Set(['Code', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Case', 'User']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ARRAY_ELEMENTS.has(name),
});

const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? (value as XmlNode[]) : value && typeof value === 'object' ? [value as XmlNode] : []);
const attr = (node: XmlNode, name: string): string | undefined => {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as XmlNode)['#text'] === 'string' ? ((value as XmlNode)['#text'] as string) : undefined;

function readCodes(nodes: unknown): QdaCode[] {
  return list(nodes).map((node) => {
    const color = attr(node, 'color');
    const description = textOf(node['Description'])?.trim();
    return {
      guid: attr(node, 'guid') ?? '',
      name: attr(node, 'name') ?? '',
      isCodable: attr(node, 'isCodable') === 'true' || attr(node, 'isCodable') === '1',
      ...(color ? { color } : {}),
      ...(description ? { description } : {}),
      children: readCodes(node['Code']),
    };
  });
}

/** Code point offset → UTF-16 offset. */
function utf16Offsets(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => Math.min(cp, text.length);
  return (cp) => Array.from(text).slice(0, cp).join('').length;
}

/** Reads a .qdpx from another QDA tool: its text documents (with coded selections) and its code tree. */
export function importQdpx(bytes: Uint8Array): QdpxImport {
  const files = safeUnzip(bytes, { maxTotalBytes: 2 * 1024 ** 3 });
  const names = Object.keys(files);
  const qdeName = names.find((n) => /(^|\/)[^/]+\.qde$/i.test(n));
  if (!qdeName) throw new ArchiveError('This .qdpx holds no project.qde file.');
  const qdeBytes = files[qdeName] as Uint8Array;
  const qde = strFromU8(qdeBytes);
  // The parser is lenient about unclosed tags; a half-written file should be refused, not half-read.
  const valid = XMLValidator.validate(qde);
  if (valid !== true) throw new ArchiveError(`project.qde is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  let root: XmlNode;
  try {
    root = parser.parse(qde) as XmlNode;
  } catch (error) {
    throw new ArchiveError(`project.qde is not well-formed XML (${error instanceof Error ? error.message : String(error)}).`);
  }
  const project = root['Project'] as XmlNode | undefined;
  if (!project || typeof project !== 'object') throw new ArchiveError('project.qde has no <Project> element.');
  const warnings: string[] = [];
  const sourceFile = (path: string | undefined): string | undefined => {
    if (!path) return undefined;
    const match = /^internal:\/\/(.+)$/.exec(path);
    if (!match) return undefined;
    const wanted = `sources/${match[1]}`.toLowerCase();
    const found = names.find((n) => n.toLowerCase() === wanted || n.toLowerCase().endsWith(`/${wanted}`));
    return found ? strFromU8(files[found] as Uint8Array) : undefined;
  };
  const sources = (project['Sources'] ?? {}) as XmlNode;
  const documents: QdaDocument[] = [];
  const readText = (node: XmlNode, label: string): string | undefined => {
    const inline = textOf(node['PlainTextContent']);
    if (inline !== undefined) return inline;
    const path = attr(node, 'plainTextPath');
    const fromFile = sourceFile(path);
    if (fromFile === undefined) warnings.push(`The text of "${label}" (${path ?? 'no path'}) is not in the archive.`);
    return fromFile;
  };
  for (const node of list(sources['TextSource'])) {
    const title = attr(node, 'name') ?? 'Untitled';
    const text = readText(node, title);
    if (text === undefined) continue;
    const toUtf16 = utf16Offsets(text);
    documents.push({
      guid: attr(node, 'guid') ?? '',
      title,
      text,
      selections: list(node['PlainTextSelection']).map((sel) => {
        const name = attr(sel, 'name');
        return {
          guid: attr(sel, 'guid') ?? '',
          ...(name ? { name } : {}),
          start: toUtf16(Number(attr(sel, 'startPosition') ?? 0)),
          end: toUtf16(Number(attr(sel, 'endPosition') ?? 0)),
          codeGuids: list(sel['Coding']).flatMap((c) => {
            const ref = attr((c['CodeRef'] ?? {}) as XmlNode, 'targetGUID');
            return ref ? [ref] : [];
          }),
        };
      }),
    });
  }
  for (const node of list(sources['PDFSource'])) {
    const title = attr(node, 'name') ?? 'Untitled PDF';
    const representation = node['Representation'] as XmlNode | undefined;
    const text = representation ? readText(representation, title) : undefined;
    if (text === undefined) {
      if (!representation) warnings.push(`"${title}" is a PDF without a text representation; it was left out.`);
      continue;
    }
    documents.push({ guid: attr(node, 'guid') ?? '', title, text, selections: [] });
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource'] as const) {
    for (const node of list(sources[kind])) warnings.push(`"${attr(node, 'name') ?? kind}" is a ${kind.replace('Source', '').toLowerCase()} source; only text is imported.`);
  }
  const codebook = (project['CodeBook'] ?? {}) as XmlNode;
  return {
    projectName: attr(project, 'name') ?? 'Imported project',
    documents,
    codes: readCodes(((codebook['Codes'] ?? {}) as XmlNode)['Code']),
    warnings,
  };
}
